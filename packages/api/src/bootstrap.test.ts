import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { setUpSchema } from './bootstrap';
import { withDatabase } from './shared/db/database';

/** The migration classes in the source tree, as MikroORM names them in its table. */
const MIGRATIONS = readdirSync(join(__dirname, 'migrations')).filter(
  (file) => /^Migration\d+.*\.ts$/.test(file) && !file.includes('.test.'),
);

describe('the schema setup at start', () => {
  const server = process.env.HUHANG_TEST_SERVER_URL!;
  // An empty database of its own, named like the run's test databases so the run's teardown drops it too.
  const name = `${(process.env.HUHANG_TEST_TEMPLATE ?? 'huhang_template_x').replace('template', 'test')}_${randomBytes(6).toString('hex')}`;
  const url = withDatabase(server, name);
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('lets processes that start on one empty database at the same moment take turns: every migration runs once, every grant holds', async () => {
    const logs: string[][] = [[], [], []];
    const outcomes = await Promise.allSettled(logs.map((lines) => setUpSchema(url, (line) => lines.push(line))));
    // Without turns, PostgreSQL refuses one of the simultaneous grants ("tuple concurrently updated"),
    // or two processes apply the same migration.
    expect(outcomes.map((outcome) => (outcome.status === 'rejected' ? String(outcome.reason) : 'set up'))).toEqual([
      'set up',
      'set up',
      'set up',
    ]);
    // One process applied the migrations; the others waited for it and found nothing left to apply.
    const applied = logs.filter((lines) => lines.some((line) => /applied \d+ migration/.test(line)));
    expect(applied).toHaveLength(1);
    expect(applied[0]!.find((line) => /applied \d+ migration/.test(line))).toContain(`applied ${MIGRATIONS.length} migration(s)`);
    expect(
      logs.filter((lines) => lines.some((line) => line.includes('another process is setting up this database'))).length,
    ).toBeGreaterThanOrEqual(1);
    const db = new Client({ connectionString: url });
    await db.connect();
    try {
      const { rows } = await db.query<{ name: string; n: string }>('SELECT name, count(*) AS n FROM mikro_orm_migrations GROUP BY name');
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(rows.filter((row) => Number(row.n) !== 1)).toEqual([]);
      // The API's role got its grants: it may write a domain table and only append to the audit trail.
      const grants = await db.query<{ writes: boolean; rewrites: boolean }>(
        `SELECT has_table_privilege('huhang_api', 'visit', 'INSERT, UPDATE') AS writes,
                has_table_privilege('huhang_api', 'audit_log', 'UPDATE, DELETE') AS rewrites`,
      );
      expect(grants.rows).toEqual([{ writes: true, rewrites: false }]);
      // The lock ended with each process's setup: a later start takes it at once.
      const later: string[] = [];
      await setUpSchema(url, (line) => later.push(line));
      expect(later.filter((line) => /another process|applied/.test(line))).toEqual([]);
    } finally {
      await db.end();
    }
  }, 120_000);
});
