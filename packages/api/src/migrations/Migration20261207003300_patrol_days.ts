import { Migration } from '@mikro-orm/migrations';

/** What a patrol adds to its day's row: one patrol, and its counters. */
const COUNTERS = ['person_times', 'hazards_found', 'suspicious_persons_checked', 'suspicious_vehicles_checked', 'people_assisted'] as const;
/** The row a patrol counts in: its day, team, zone (0 for none) and kind (the key, in this order: reports read ranges of days). */
const KEY = 'patrolled_on, team_id, zone_id, kind';

/** The rows of `table` (patrols) as `sign` times their counts, by day row. */
const deltas = (table: string, sign: 1 | -1) =>
  `SELECT team_id, patrolled_on, coalesce(zone_id, 0) AS zone_id, kind, ${sign} AS patrols,
    ${COUNTERS.map((c) => `${sign} * ${c} AS ${c}`).join(', ')} FROM ${table}`;

/** Sums the deltas by day row into `patrol_day`, then drops the rows left with no patrol. */
const apply = (rows: string) => `
  INSERT INTO patrol_day AS pd (${KEY}, patrols, ${COUNTERS.join(', ')})
    SELECT ${KEY}, sum(patrols), ${COUNTERS.map((c) => `sum(${c})`).join(', ')} FROM (${rows}) d
    GROUP BY team_id, patrolled_on, zone_id, kind ORDER BY team_id, patrolled_on, zone_id, kind
    ON CONFLICT (${KEY}) DO UPDATE SET patrols = pd.patrols + excluded.patrols,
      ${COUNTERS.map((c) => `${c} = pd.${c} + excluded.${c}`).join(', ')};
  DELETE FROM patrol_day pd USING (SELECT DISTINCT team_id, patrolled_on, zone_id, kind FROM (${rows}) d) k
    WHERE pd.patrols = 0 AND (pd.team_id, pd.patrolled_on, pd.zone_id, pd.kind) = (k.team_id, k.patrolled_on, k.zone_id, k.kind);`;

/**
 * Patrols summed by team, day, zone and kind, kept by the database in the transaction that writes the
 * patrols (statement triggers on `patrol` with its transition tables): how many, and the sums of their
 * counters. The patrol metrics read these rows instead of every patrol: at county scale a park's
 * teams record about 30 patrols a day, 316,000 a year in a program of ten parks, which a program-year
 * report counted twice (the year and the year before) in about 110 ms (docs/PERFORMANCE.md). A day is
 * the finest bucket a report has, so every week, month, quarter or range sums whole rows.
 *
 * Sums are changed by what each statement adds and removes (an update removes the old row's part and
 * adds the new one's), under the row's lock, so concurrent writers add up. The sums have no check of
 * their own: PostgreSQL checks an upsert's proposed row, which carries a removal's negative part, before
 * it meets the row it adds to. Written only by the owner's
 * functions; the API's role reads it (roles.ts) under the same row-level security as `patrol`. A
 * patrol without a zone counts under zone 0, which no zone has.
 */
export class Migration20261207003300_patrol_days extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE patrol_day (
      team_id int NOT NULL REFERENCES team (id) ON UPDATE CASCADE ON DELETE CASCADE,
      patrolled_on date NOT NULL,
      zone_id int NOT NULL,
      kind text NOT NULL,
      patrols int NOT NULL,
      ${COUNTERS.map((c) => `${c} bigint NOT NULL`).join(',\n      ')},
      PRIMARY KEY (${KEY})
    )`);
    this.addSql(`CREATE INDEX patrol_day_zone_id_patrolled_on_index ON patrol_day (zone_id, patrolled_on)`);
    this.addSql(
      `COMMENT ON TABLE patrol_day IS 'Patrols by team, day, zone (0 for none) and kind: how many, and the sums of their counters. Kept by the triggers on patrol.'`,
    );
    const trigger = (name: string, rows: string) =>
      this.addSql(`CREATE FUNCTION ${name}() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
        BEGIN ${apply(rows)}
          RETURN NULL;
        END
      $fn$`);
    trigger('huhang_patrol_day_added', deltas('added_patrols', 1));
    trigger('huhang_patrol_day_removed', deltas('removed_patrols', -1));
    trigger('huhang_patrol_day_changed', `${deltas('new_patrols', 1)} UNION ALL ${deltas('old_patrols', -1)}`);
    this.addSql(`CREATE FUNCTION huhang_patrol_day_emptied() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        TRUNCATE patrol_day;
        RETURN NULL;
      END
    $fn$`);
    this.addSql(`CREATE TRIGGER patrol_day_added AFTER INSERT ON patrol REFERENCING NEW TABLE AS added_patrols
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_patrol_day_added()`);
    this.addSql(`CREATE TRIGGER patrol_day_removed AFTER DELETE ON patrol REFERENCING OLD TABLE AS removed_patrols
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_patrol_day_removed()`);
    this.addSql(`CREATE TRIGGER patrol_day_changed AFTER UPDATE ON patrol REFERENCING OLD TABLE AS old_patrols NEW TABLE AS new_patrols
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_patrol_day_changed()`);
    this.addSql(
      `CREATE TRIGGER patrol_day_emptied AFTER TRUNCATE ON patrol FOR EACH STATEMENT EXECUTE FUNCTION huhang_patrol_day_emptied()`,
    );

    this.addSql(`INSERT INTO patrol_day (${KEY}, patrols, ${COUNTERS.join(', ')})
      SELECT ${KEY}, sum(patrols), ${COUNTERS.map((c) => `sum(${c})`).join(', ')} FROM (${deltas('patrol', 1)}) d
      GROUP BY team_id, patrolled_on, zone_id, kind`);
    this.addSql(`ALTER TABLE patrol_day ENABLE ROW LEVEL SECURITY`);
    this.addSql(`CREATE POLICY viewer_scope ON patrol_day USING ((SELECT huhang_viewer_all())
      OR team_id IN (SELECT t.id FROM team t WHERE t.park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[])))`);
    // Fresh statistics for the planner, where autovacuum is off.
    this.addSql(`ANALYZE patrol_day`);
  }
}
