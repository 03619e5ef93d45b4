import { Client } from 'pg';
import { createTestDatabase, pgError, type TestDatabase } from '../test-support/database';
import { writeStatisticsFixture, type StatisticsFixture } from '../test-support/statistics-fixture';

// patrol_day: patrols summed by team, day, zone (0 for none) and kind, kept by the triggers on patrol.

let db: TestDatabase;
let f: StatisticsFixture;
let team: number;

beforeAll(async () => {
  db = await createTestDatabase();
  f = await writeStatisticsFixture(db.sql);
  team = (await db.sql.query<{ id: number }>('SELECT id FROM team WHERE park_id = $1', [f.parkA])).rows[0]!.id;
});

afterAll(async () => {
  await db.drop();
});

type DayRow = {
  team_id: number;
  patrolled_on: string;
  zone_id: number;
  kind: string;
  patrols: number;
  person_times: number;
  people_assisted: number;
};

const COLUMNS = `team_id, patrolled_on::text AS patrolled_on, zone_id, kind, patrols, person_times::int AS person_times, people_assisted::int AS people_assisted`;

const days = async (sql: Client = db.sql): Promise<DayRow[]> =>
  (await sql.query<DayRow>(`SELECT ${COLUMNS} FROM patrol_day ORDER BY team_id, patrolled_on, zone_id, kind`)).rows;

/** The same rows worked out from every patrol, as the migration filled the table. */
const fromPatrols = async (): Promise<DayRow[]> =>
  (
    await db.sql.query<DayRow>(`SELECT ${COLUMNS} FROM (SELECT team_id, patrolled_on, coalesce(zone_id, 0) AS zone_id, kind,
        count(*)::int AS patrols, sum(person_times) AS person_times, sum(people_assisted) AS people_assisted
      FROM patrol GROUP BY 1, 2, 3, 4) p ORDER BY team_id, patrolled_on, zone_id, kind`)
  ).rows;

const dayOf = async (day: string, zone: number, kind = 'ON_SITE') =>
  (await days()).find((d) => d.patrolled_on === day && d.zone_id === zone && d.kind === kind);

const patrol = async (day: string, zone: number | null, personTimes: number, kind = 'ON_SITE', sql: Client = db.sql): Promise<number> =>
  (
    await sql.query<{ id: number }>(
      `INSERT INTO patrol (team_id, zone_id, patrolled_on, kind, person_times, people_assisted) VALUES ($1, $2, $3, $4, $5, 1) RETURNING id`,
      [team, zone, day, kind, personTimes],
    )
  ).rows[0]!.id;

describe('patrols by day', () => {
  it('holds the fixture’s patrols', async () => {
    // statistics-fixture.ts: zone 1 on 4 May (6 person-times), 31 May (4) and 1 June (5); zone 2 by video on 18 May (1).
    expect(await dayOf('2026-05-04', f.z1)).toMatchObject({ patrols: 1, person_times: 6 });
    expect(await dayOf('2026-05-18', f.z2, 'VIDEO')).toMatchObject({ patrols: 1, person_times: 1 });
    expect(await days()).toEqual(await fromPatrols());
  });

  it('adds the patrols of one statement and of later ones to their day', async () => {
    await db.sql.query(
      `INSERT INTO patrol (team_id, zone_id, patrolled_on, kind, person_times) SELECT $1, $2, '2026-03-02', 'ON_SITE', n FROM unnest('{2,3,4}'::int[]) n`,
      [team, f.z1],
    );
    await patrol('2026-03-02', f.z1, 10);
    await patrol('2026-03-02', null, 7);
    expect(await dayOf('2026-03-02', f.z1)).toMatchObject({ patrols: 4, person_times: 19, people_assisted: 1 });
    expect(await dayOf('2026-03-02', 0)).toMatchObject({ patrols: 1, person_times: 7 });
    expect(await days()).toEqual(await fromPatrols());
  });

  it('moves a changed patrol to its new day, zone and kind, with its new counters', async () => {
    const id = await patrol('2026-03-09', f.z1, 3);
    await patrol('2026-03-09', f.z1, 2);
    await db.sql.query(`UPDATE patrol SET patrolled_on = '2026-03-10', zone_id = $2, kind = 'VIDEO', person_times = 8 WHERE id = $1`, [
      id,
      f.z2,
    ]);
    expect(await dayOf('2026-03-09', f.z1)).toMatchObject({ patrols: 1, person_times: 2 });
    expect(await dayOf('2026-03-10', f.z2, 'VIDEO')).toMatchObject({ patrols: 1, person_times: 8 });
    await db.sql.query(`UPDATE patrol SET person_times = 9 WHERE id = $1`, [id]);
    expect(await dayOf('2026-03-10', f.z2, 'VIDEO')).toMatchObject({ patrols: 1, person_times: 9 });
    expect(await days()).toEqual(await fromPatrols());
  });

  it('takes a removed patrol away, and its day with its last patrol', async () => {
    const id = await patrol('2026-03-16', f.z1, 3);
    const other = await patrol('2026-03-16', f.z1, 4);
    await db.sql.query('DELETE FROM patrol WHERE id = $1', [id]);
    expect(await dayOf('2026-03-16', f.z1)).toMatchObject({ patrols: 1, person_times: 4 });
    await db.sql.query('DELETE FROM patrol WHERE id = $1', [other]);
    expect(await dayOf('2026-03-16', f.z1)).toBeUndefined();
    expect(await days()).toEqual(await fromPatrols());
  });

  it('adds up patrols that two transactions write to the same day', async () => {
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await patrol('2026-03-23', f.z1, 5, 'ON_SITE', other);
      const mine = patrol('2026-03-23', f.z1, 6);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query('COMMIT');
      await mine;
    } finally {
      await other.end();
    }
    expect(await dayOf('2026-03-23', f.z1)).toMatchObject({ patrols: 2, person_times: 11 });
    expect(await days()).toEqual(await fromPatrols());
  });

  it('keeps nothing of a patrol whose transaction rolled back', async () => {
    await db.sql.query('BEGIN');
    await patrol('2026-03-30', f.z1, 5);
    expect(await dayOf('2026-03-30', f.z1)).toMatchObject({ patrols: 1 });
    await db.sql.query('ROLLBACK');
    expect(await dayOf('2026-03-30', f.z1)).toBeUndefined();
  });

  it('is read by the API’s login under the patrols’ own row security, and written only by the triggers', async () => {
    const app = new Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('huhang.viewer_parks', $1, true)`, [`{${f.parkB}}`]);
      expect(await days(app)).toEqual([]);
      await app.query(`SELECT set_config('huhang.viewer_parks', $1, true)`, [`{${f.parkA}}`]);
      expect(await days(app)).toEqual(await fromPatrols());
      await app.query('ROLLBACK');
      for (const statement of [
        `INSERT INTO patrol_day (team_id, patrolled_on, zone_id, kind, patrols, person_times, hazards_found, suspicious_persons_checked,
           suspicious_vehicles_checked, people_assisted) VALUES (${team}, '2024-01-01', 0, 'ON_SITE', 1, 0, 0, 0, 0, 0)`,
        'UPDATE patrol_day SET patrols = 1',
        'DELETE FROM patrol_day',
      ]) {
        expect(await pgError(() => app.query(statement))).toMatchObject({ code: '42501' });
      }
    } finally {
      await app.end();
    }
  });

  it('empties with the patrols', async () => {
    await db.sql.query('TRUNCATE patrol CASCADE');
    expect(await days()).toEqual([]);
  });
});
