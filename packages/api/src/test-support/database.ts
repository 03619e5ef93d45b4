import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { withDatabase } from '../shared/db/database';
import { ormOptions } from '../orm';
import { APP_LOGIN, asLogin } from '../shared/db/roles';
import { seedDemo } from '../demo/seed';

export interface TestDatabase {
  /** The database as its owner (the tests' superuser or DATABASE_URL's role). */
  url: string;
  /** The database as the API's login (`huhang_app`, a member of `huhang_api`). */
  appUrl: string;
  /** A plain client on the database, for raw SQL. */
  sql: Client;
  /** An ORM on the database as its owner, made on first use (it connects with its first statement). */
  readonly orm: MikroORM<PostgreSqlDriver>;
  drop(): Promise<void>;
}

/** What the demo template holds: the demo programs over four months (demo/seed.ts). */
export const DEMO_MONTHS = 4;
const DEMO_READY = 'huhang test demo: complete';

/**
 * The run's demo database, written once and cloned by every test file that starts from the demo
 * (the widget suites): the first file to ask writes it while the others wait on an advisory lock.
 * Named like the run's test databases, so the run's teardown drops it.
 */
async function demoTemplate(admin: Client, server: string, template: string, run: string): Promise<string> {
  const name = `huhang_test_${run}_demo`;
  await admin.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
  try {
    const { rows } = await admin.query(`SELECT shobj_description(oid, 'pg_database') AS note FROM pg_database WHERE datname = $1`, [name]);
    if (rows[0]?.note === DEMO_READY) return name;
    // Nothing, or what a file that failed while writing it left: written afresh.
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await seedDemo(withDatabase(server, name), { months: DEMO_MONTHS });
    await admin.query(`COMMENT ON DATABASE "${name}" IS '${DEMO_READY}'`);
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [name]);
  }
}

/**
 * A fresh, migrated database of its own for one test file, cloned from the run's template; with
 * `from: 'demo'`, from the run's demo database (demo/seed.ts, four months) instead.
 */
export async function createTestDatabase(options: { from?: 'demo' } = {}): Promise<TestDatabase> {
  const server = process.env.HUHANG_TEST_SERVER_URL;
  const template = process.env.HUHANG_TEST_TEMPLATE;
  if (!server || !template) throw new Error('The test database server is not set up: run the tests with `npm test`.');
  // Named after the run (its template's process id), so that a run's teardown drops its own
  // databases and leaves those of another run on the same server alone.
  const run = template.replace(/^huhang_template_/, '');
  const name = `huhang_test_${run}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    const source = options.from === 'demo' ? await demoTemplate(admin, server, template, run) : template;
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server, name);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  // The owner's ORM is made when a test first asks for it: most files use only the API's (startTestApi).
  let orm: MikroORM<PostgreSqlDriver> | undefined;
  const appUrl = asLogin(url, APP_LOGIN, process.env.HUHANG_TEST_APP_PASSWORD ?? '');
  return {
    url,
    appUrl,
    sql,
    get orm() {
      return (orm ??= MikroORM.initSync(ormOptions(url, { pool: { min: 0, max: 4 } })));
    },
    drop: async () => {
      await orm?.close();
      await sql.end();
      const cleanup = new Client({ connectionString: withDatabase(server, 'postgres') });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Runs `fn` and returns the PostgreSQL error it raised (fails when it raised none). */
export async function pgError(fn: () => Promise<unknown>): Promise<{ code: string; constraint?: string; message: string }> {
  try {
    await fn();
  } catch (error) {
    const e = error as { code?: string; constraint?: string; message: string };
    return { code: e.code ?? '', constraint: e.constraint, message: e.message };
  }
  throw new Error('expected the statement to be refused, but it succeeded');
}
