import { Client } from 'pg';
import { createOrm, migrate } from '../orm';
import { generateDemo } from '../demo/generator';
import { progressPrinter } from '../demo/seed';
import { hashPassword } from '../accounts/password';
import { PEER_LIST_FUNCTION, VISIT_DAY } from './api-queries';

/** bench:api's data set: written once per specification into its own database, reused after. */

export const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const SPEC = { enterprises: env('BENCH_ENTERPRISES', 2000), months: env('BENCH_MONTHS', 12), endDate: '2026-10-31', seed: 1131 };
/** The password of the benchmark's two users, `bench-admin` (system administrator) and `bench-park` (its park's administrator). */
export const PASSWORD = 'Bench-password-1';

const log = (line: string) => console.log(line);

/** Writes the data set, once per specification: one park of `enterprises`, `months` of activity, two users. */
export async function prepare(
  url: string,
): Promise<{ parkId: number; enterpriseId: number; pair: { officerId: number; enterpriseId: number } }> {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    await sql.query('CREATE TABLE IF NOT EXISTS bench_dataset (spec text NOT NULL)');
    const { rows } = await sql.query<{ spec: string }>('SELECT spec FROM bench_dataset');
    if (rows[0]?.spec !== JSON.stringify(SPEC)) {
      log(`[bench] writing the data set: ${SPEC.enterprises} enterprises × ${SPEC.months} months`);
      await sql.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const orm = await createOrm(url);
      await migrate(orm);
      await orm.close();
      await sql.query('BEGIN');
      await generateDemo(sql, { ...SPEC, onProgress: progressPrinter() });
      const hash = await hashPassword(PASSWORD);
      await sql.query(
        `INSERT INTO app_user (username, display_name, role, password_hash) VALUES ('bench-admin', 'bench', 'SYSTEM_ADMIN', $1), ('bench-park', 'bench', 'PARK_ADMIN', $1)`,
        [hash],
      );
      await sql.query(
        `INSERT INTO app_user_park (app_user_id, park_id) SELECT u.id, p.id FROM app_user u, park p WHERE u.username = 'bench-park'`,
      );
      // PostGraphile filters and orders only by indexed columns unless told otherwise; the query needs these.
      await sql.query(`COMMENT ON COLUMN enterprise.archived_at IS E'@behavior +filterBy';
        COMMENT ON COLUMN liaison_assignment.ends_on IS E'@behavior +filterBy';
        COMMENT ON COLUMN enterprise.name IS E'@behavior +orderBy';
        COMMENT ON COLUMN visit.visited_on IS E'@behavior +orderBy';`);
      await sql.query('CREATE TABLE IF NOT EXISTS bench_dataset (spec text NOT NULL)');
      await sql.query('DELETE FROM bench_dataset');
      await sql.query('INSERT INTO bench_dataset (spec) VALUES ($1)', [JSON.stringify(SPEC)]);
      await sql.query('COMMIT');
      log('[bench] vacuuming and analysing');
      await sql.query('VACUUM ANALYZE');
    } else {
      log('[bench] reusing the data set in huhang_bench_api');
      // Visits an earlier run recorded go, so that every run reads the same data.
      await sql.query(`DELETE FROM visit WHERE findings = 'bench'`);
      await sql.query(`DELETE FROM idempotency_key WHERE key LIKE 'bench-%'`);
      await sql.query('VACUUM ANALYZE visit');
    }
    await sql.query(PEER_LIST_FUNCTION);
    const park = await sql.query<{ id: number }>('SELECT id FROM park ORDER BY id LIMIT 1');
    const enterprise = await sql.query<{ id: number }>('SELECT id FROM enterprise WHERE archived_at IS NULL ORDER BY id LIMIT 1 OFFSET 7');
    // An officer and an enterprise it looks after since before the visits the benchmark records.
    const pair = await sql.query<{ officer_id: number; enterprise_id: number }>(
      `SELECT a.officer_id, a.enterprise_id FROM liaison_assignment a JOIN enterprise e ON e.id = a.enterprise_id
        WHERE a.ends_on IS NULL AND a.starts_on <= $1 AND e.archived_at IS NULL AND e.joined_on <= $1 ORDER BY a.id LIMIT 1`,
      [VISIT_DAY],
    );
    return {
      parkId: park.rows[0]!.id,
      enterpriseId: enterprise.rows[0]!.id,
      pair: { officerId: pair.rows[0]!.officer_id, enterpriseId: pair.rows[0]!.enterprise_id },
    };
  } finally {
    await sql.end();
  }
}
