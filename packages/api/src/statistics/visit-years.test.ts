import { Client } from 'pg';
import { createTestDatabase, pgError, type TestDatabase } from '../test-support/database';
import { writeStatisticsFixture, type StatisticsFixture } from '../test-support/statistics-fixture';

// visit_year: the days of each year on which an enterprise had a visit, twelve months of day bits per
// row, kept by the triggers on visit. Read here as one row per visited month.

let db: TestDatabase;
let f: StatisticsFixture;

beforeAll(async () => {
  db = await createTestDatabase();
  f = await writeStatisticsFixture(db.sql);
});

afterAll(async () => {
  await db.drop();
});

type MonthRow = { enterprise_id: number; month: string; days: number; park_id: number };

const months = async (sql: Client = db.sql, enterprise?: number): Promise<MonthRow[]> =>
  (
    await sql.query<MonthRow>(
      `SELECT enterprise_id, make_date(year, i, 1)::text AS month, days[i] AS days, park_id
       FROM visit_year CROSS JOIN generate_series(1, 12) AS i
       WHERE days[i] <> 0 AND ($1::int IS NULL OR enterprise_id = $1) ORDER BY enterprise_id, month`,
      [enterprise ?? null],
    )
  ).rows;

/** The same rows worked out from every visit, as the migration filled the table. */
const fromVisits = async (): Promise<MonthRow[]> =>
  (
    await db.sql.query<MonthRow>(`SELECT enterprise_id, date_trunc('month', visited_on)::date::text AS month,
        bit_or(1 << (extract(day FROM visited_on)::int - 1)) AS days, max(park_id) AS park_id
      FROM visit GROUP BY 1, 2 ORDER BY 1, 2`)
  ).rows;

const bits = (...days: number[]) => days.reduce((sum, day) => sum | (1 << (day - 1)), 0);

const visit = async (enterprise: number, day: string): Promise<number> =>
  (
    await db.sql.query<{ id: number }>(
      `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities) VALUES ($1, $2, $3, '{SAFETY_INSPECTION}') RETURNING id`,
      [f.o1, enterprise, day],
    )
  ).rows[0]!.id;

describe('visited days', () => {
  it('holds the fixture’s visits, a bit for each visited day', async () => {
    // statistics-fixture.ts: e1 on 20 May, e2 on 30 April and 1 June, e3 on 25 May.
    expect(await months(db.sql, f.e2)).toEqual([
      { enterprise_id: f.e2, month: '2026-04-01', days: bits(30), park_id: expect.any(Number) },
      { enterprise_id: f.e2, month: '2026-06-01', days: bits(1), park_id: expect.any(Number) },
    ]);
    expect(await months()).toEqual(await fromVisits());
    const years = await db.sql.query<{ year: number; days: number[] }>('SELECT year, days FROM visit_year WHERE enterprise_id = $1', [
      f.e2,
    ]);
    expect(years.rows).toEqual([{ year: 2026, days: [0, 0, 0, bits(30), 0, bits(1), 0, 0, 0, 0, 0, 0] }]);
  });

  it('joins the days of visits written in one statement, the 31st included', async () => {
    await db.sql.query(
      `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities)
       SELECT $1, $2, d::date, '{SAFETY_INSPECTION}' FROM unnest('{2026-01-03,2026-01-31,2026-01-03,2026-02-28}'::date[]) d`,
      [f.o1, f.e4],
    );
    await visit(f.e4, '2026-01-17');
    expect((await months(db.sql, f.e4)).filter((m) => m.month < '2026-03-01').map(({ month, days }) => ({ month, days }))).toEqual([
      { month: '2026-01-01', days: bits(3, 17, 31) },
      { month: '2026-02-01', days: bits(28) },
    ]);
    expect(await months()).toEqual(await fromVisits());
  });

  it('clears a day when its last visit goes, and the month with its last day', async () => {
    const id = await visit(f.e5, '2026-03-09');
    const twin = await visit(f.e5, '2026-03-09');
    await visit(f.e5, '2026-03-21');
    await db.sql.query('DELETE FROM visit WHERE id = $1', [twin]);
    expect((await months(db.sql, f.e5)).find((m) => m.month === '2026-03-01')!.days).toBe(bits(9, 21));
    await db.sql.query('DELETE FROM visit WHERE id = $1', [id]);
    expect((await months(db.sql, f.e5)).find((m) => m.month === '2026-03-01')!.days).toBe(bits(21));
    await db.sql.query(`DELETE FROM visit WHERE enterprise_id = $1 AND visited_on = '2026-03-21'`, [f.e5]);
    expect((await months(db.sql, f.e5)).find((m) => m.month === '2026-03-01')).toBeUndefined();
    // E5 has no other visit in 2026: no row for the year.
    expect((await db.sql.query('SELECT 1 FROM visit_year WHERE enterprise_id = $1 AND year = 2026', [f.e5])).rowCount).toBe(0);
    expect(await months()).toEqual(await fromVisits());
  });

  it('loses no visit another transaction adds while a visit of the same year goes', async () => {
    const gone = await visit(f.e5, '2026-07-01');
    const other = new Client({ connectionString: db.url });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities) VALUES ($1, $2, '2026-07-03', '{SAFETY_INSPECTION}')`,
        [f.o1, f.e5],
      );
      // The delete waits for the year's row, which the other transaction's visit holds until it commits.
      const deleting = db.sql.query('DELETE FROM visit WHERE id = $1', [gone]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.query('COMMIT');
      await deleting;
    } finally {
      await other.end();
    }
    expect((await months(db.sql, f.e5)).find((m) => m.month === '2026-07-01')!.days).toBe(bits(3));
    expect(await months()).toEqual(await fromVisits());
  });

  it('moves a visit’s day to its new month and enterprise', async () => {
    const id = await visit(f.e3, '2026-02-10');
    await db.sql.query(`UPDATE visit SET visited_on = '2026-03-11' WHERE id = $1`, [id]);
    let e3 = await months(db.sql, f.e3);
    expect(e3.find((m) => m.month === '2026-02-01')).toBeUndefined();
    expect(e3.find((m) => m.month === '2026-03-01')!.days).toBe(bits(11));
    await db.sql.query(`UPDATE visit SET enterprise_id = $2 WHERE id = $1`, [id, f.e1]);
    e3 = await months(db.sql, f.e3);
    expect(e3.find((m) => m.month === '2026-03-01')).toBeUndefined();
    expect((await months(db.sql, f.e1)).find((m) => m.month === '2026-03-01')!.days).toBe(bits(11));
    // Findings written later change no month.
    await db.sql.query(`UPDATE visit SET findings = 'ok' WHERE id = $1`, [id]);
    expect(await months()).toEqual(await fromVisits());
  });

  it('follows its enterprise to another park', async () => {
    // e2 lies in park A, zone 1; zone 3 is park B's.
    await db.sql.query('UPDATE enterprise SET park_id = $2, zone_id = $3 WHERE id = $1', [f.e2, f.parkB, f.z3]);
    expect((await months(db.sql, f.e2)).map((m) => m.park_id)).toEqual([f.parkB, f.parkB]);
    expect(await months()).toEqual(await fromVisits());
    await db.sql.query('UPDATE enterprise SET park_id = $2, zone_id = $3 WHERE id = $1', [f.e2, f.parkA, f.z1]);
    expect((await months(db.sql, f.e2)).map((m) => m.park_id)).toEqual([f.parkA, f.parkA]);
  });

  it('keeps nothing of a visit whose transaction rolled back', async () => {
    await db.sql.query('BEGIN');
    await visit(f.e1, '2025-12-24');
    expect((await months(db.sql, f.e1)).find((m) => m.month === '2025-12-01')!.days).toBe(bits(24));
    await db.sql.query('ROLLBACK');
    expect((await months(db.sql, f.e1)).find((m) => m.month === '2025-12-01')).toBeUndefined();
  });

  describe('as the API’s login', () => {
    let app: Client;

    beforeAll(async () => {
      app = new Client({ connectionString: db.appUrl });
      await app.connect();
    });

    afterAll(async () => {
      await app.end();
    });

    it('reads only the months of the parks it may read, and writes none itself', async () => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('huhang.viewer_parks', $1, true)`, [`{${f.parkA}}`]);
        const seen = await months(app);
        expect(seen.length).toBeGreaterThan(0);
        expect(seen.every((m) => m.park_id === f.parkA)).toBe(true);
        expect(seen).toEqual((await fromVisits()).filter((m) => m.park_id === f.parkA));
      } finally {
        await app.query('ROLLBACK');
      }
      for (const statement of [
        `INSERT INTO visit_year (enterprise_id, year, days, park_id) VALUES (${f.e1}, 2024, '{1,0,0,0,0,0,0,0,0,0,0,0}', ${f.parkA})`,
        `UPDATE visit_year SET days = '{0,0,0,0,0,0,0,0,0,0,0,1}'`,
        'DELETE FROM visit_year',
      ]) {
        expect(await pgError(() => app.query(statement))).toMatchObject({ code: '42501' });
      }
    });

    it('has its visits’ months kept all the same', async () => {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('huhang.viewer_all', 'on', true)`);
      await app.query(
        `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities) VALUES ($1, $2, '2025-11-05', '{SAFETY_INSPECTION}')`,
        [f.o1, f.e5],
      );
      await app.query('COMMIT');
      expect((await months(db.sql, f.e5)).find((m) => m.month === '2025-11-01')!.days).toBe(bits(5));
      expect(await months()).toEqual(await fromVisits());
    });
  });

  it('empties with the visits', async () => {
    await db.sql.query('TRUNCATE visit CASCADE');
    expect(await months()).toEqual([]);
  });
});
