import { Migration } from '@mikro-orm/migrations';

/** Bit `d - 1` for a visit on day `d` of its month (day 31 is bit 30: an int holds them all). */
const DAY_BIT = (column: string) => `(1 << (extract(day FROM ${column})::int - 1))`;
const MONTH_NO = (column: string) => `extract(month FROM ${column})::int`;
const YEAR = (column: string) => `extract(year FROM ${column})::int`;

/**
 * The days on which each enterprise had a visit, one row per enterprise and year that had one: twelve
 * ints, one per month, with bit `d - 1` set for a visit on day `d`. Kept by the database in the
 * transaction that writes the visits (statement triggers on `visit` with its transition tables: one
 * statement per write, however many visits it carries).
 *
 * Monthly visit coverage reads these rows instead of every visit of the period. At 20,000 enterprises
 * over two years, a park-year report read the 40,574 visited months of its park's 2,000 enterprises
 * through as many heap pages (two thirds of its time at first; docs/PERFORMANCE.md); a park's years
 * are 4,000 rows. A month's bits answer "a visit on one of these days" for any span of its days, so a
 * month clipped by a period, an enterprise's interval or today is answered from the same row.
 *
 * Written only by the owner's functions; the API's role reads it (roles.ts), under the same row-level
 * security as `visit`, with the park of the visits themselves (which move with their enterprise).
 */
export class Migration20261207003200_visit_years extends Migration {
  override async up(): Promise<void> {
    this.addSql(`CREATE TABLE visit_year (
      enterprise_id int NOT NULL REFERENCES enterprise (id) ON UPDATE CASCADE ON DELETE CASCADE,
      year int NOT NULL,
      days int[] NOT NULL CONSTRAINT visit_year_days_check CHECK (cardinality(days) = 12 AND array_lower(days, 1) = 1),
      park_id int NOT NULL,
      PRIMARY KEY (enterprise_id, year)
    )`);
    this.addSql(
      `COMMENT ON TABLE visit_year IS 'The days of each year on which an enterprise had a visit: days[m] has bit d - 1 set for a visit on day d of month m. Kept by the triggers on visit.'`,
    );

    // A year's twelve months of day bits from (month, bits) pairs; and two years' bits together.
    this.addSql(`CREATE FUNCTION huhang_month_bits(months int[], bits int[]) RETURNS int[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT array_agg(coalesce(m.bits, 0) ORDER BY i) FROM generate_series(1, 12) AS i
          LEFT JOIN (SELECT u.month, bit_or(u.bits) AS bits FROM unnest(months, bits) AS u(month, bits) GROUP BY u.month) m ON m.month = i
      $fn$`);
    this.addSql(`CREATE FUNCTION huhang_or_bits(a int[], b int[]) RETURNS int[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
        SELECT array_agg(x | y ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
      $fn$`);

    // Visits added: their days join their years' bits (a row's lock orders concurrent writers).
    this.addSql(`CREATE FUNCTION huhang_visit_year_added() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        INSERT INTO visit_year AS vy (enterprise_id, year, days, park_id)
          SELECT enterprise_id, ${YEAR('visited_on')}, huhang_month_bits(array_agg(${MONTH_NO('visited_on')}), array_agg(${DAY_BIT('visited_on')})), max(park_id)
          FROM added_visits GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (enterprise_id, year) DO UPDATE SET days = huhang_or_bits(vy.days, excluded.days), park_id = excluded.park_id;
        RETURN NULL;
      END
    $fn$`);
    // Years that lost or moved a visit: their bits again from the visits left (none left, no row). The
    // rows are locked first, so that a visit another transaction added meanwhile is committed before the
    // visits are read again (each statement of a function reads what is committed when it starts).
    this.addSql(`CREATE FUNCTION huhang_visit_year_refresh(enterprises int[], years int[]) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        PERFORM 1 FROM visit_year vy JOIN unnest(enterprises, years) AS k(e, y) ON vy.enterprise_id = k.e AND vy.year = k.y
          ORDER BY vy.enterprise_id, vy.year FOR UPDATE OF vy;
        WITH k AS (SELECT DISTINCT e, y FROM unnest(enterprises, years) AS u(e, y)),
        fresh AS (SELECT k.e, k.y, v.days, v.park_id FROM k CROSS JOIN LATERAL (
            SELECT huhang_month_bits(array_agg(${MONTH_NO('visited_on')}), array_agg(${DAY_BIT('visited_on')})) AS days, max(park_id) AS park_id
            FROM visit WHERE enterprise_id = k.e AND visited_on >= make_date(k.y, 1, 1) AND visited_on < make_date(k.y + 1, 1, 1)) v),
        gone AS (DELETE FROM visit_year vy USING fresh WHERE vy.enterprise_id = fresh.e AND vy.year = fresh.y AND fresh.park_id IS NULL)
        INSERT INTO visit_year AS vy (enterprise_id, year, days, park_id)
          SELECT e, y, days, park_id FROM fresh WHERE park_id IS NOT NULL ORDER BY e, y
          ON CONFLICT (enterprise_id, year) DO UPDATE SET days = excluded.days, park_id = excluded.park_id;
      END
    $fn$`);
    this.addSql(`CREATE FUNCTION huhang_visit_year_removed() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        PERFORM huhang_visit_year_refresh(array_agg(enterprise_id), array_agg(${YEAR('visited_on')})) FROM removed_visits HAVING count(*) > 0;
        RETURN NULL;
      END
    $fn$`);
    // An update that leaves a visit's enterprise, day and park as they were changes no year.
    this.addSql(`CREATE FUNCTION huhang_visit_year_changed() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        PERFORM huhang_visit_year_refresh(array_agg(k.enterprise_id), array_agg(k.year))
          FROM (SELECT o.enterprise_id, ${YEAR('o.visited_on')} AS year FROM old_visits o JOIN new_visits n USING (id)
                  WHERE (o.enterprise_id, o.visited_on, o.park_id) IS DISTINCT FROM (n.enterprise_id, n.visited_on, n.park_id)
                UNION
                SELECT n.enterprise_id, ${YEAR('n.visited_on')} FROM old_visits o JOIN new_visits n USING (id)
                  WHERE (o.enterprise_id, o.visited_on, o.park_id) IS DISTINCT FROM (n.enterprise_id, n.visited_on, n.park_id)) k
          HAVING count(*) > 0;
        RETURN NULL;
      END
    $fn$`);
    this.addSql(`CREATE FUNCTION huhang_visit_year_emptied() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
      BEGIN
        TRUNCATE visit_year;
        RETURN NULL;
      END
    $fn$`);
    this.addSql(`CREATE TRIGGER visit_year_added AFTER INSERT ON visit REFERENCING NEW TABLE AS added_visits
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_visit_year_added()`);
    this.addSql(`CREATE TRIGGER visit_year_removed AFTER DELETE ON visit REFERENCING OLD TABLE AS removed_visits
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_visit_year_removed()`);
    this.addSql(`CREATE TRIGGER visit_year_changed AFTER UPDATE ON visit REFERENCING OLD TABLE AS old_visits NEW TABLE AS new_visits
      FOR EACH STATEMENT EXECUTE FUNCTION huhang_visit_year_changed()`);
    this.addSql(
      `CREATE TRIGGER visit_year_emptied AFTER TRUNCATE ON visit FOR EACH STATEMENT EXECUTE FUNCTION huhang_visit_year_emptied()`,
    );

    this.addSql(`INSERT INTO visit_year (enterprise_id, year, days, park_id)
      SELECT enterprise_id, ${YEAR('visited_on')}, huhang_month_bits(array_agg(${MONTH_NO('visited_on')}), array_agg(${DAY_BIT('visited_on')})), max(park_id)
      FROM visit GROUP BY 1, 2`);
    this.addSql(`ALTER TABLE visit_year ENABLE ROW LEVEL SECURITY`);
    this.addSql(`CREATE POLICY viewer_scope ON visit_year
      USING ((SELECT huhang_viewer_all()) OR park_id = ANY ((SELECT huhang_viewer_ids('huhang.viewer_parks'))::int[]))`);
    // Fresh statistics for the planner, where autovacuum is off.
    this.addSql(`ANALYZE visit_year`);
  }
}
