import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { withDatabase } from '../shared/db/database';
import { createOrm } from '../orm';
import { APP_LOGIN, asLogin } from '../shared/db/roles';

export interface TestDatabase {
  /** The database as its owner (the tests' superuser or DATABASE_URL's role). */
  url: string;
  /** The database as the API's login (`huhang_app`, a member of `huhang_api`). */
  appUrl: string;
  /** A plain client on the database, for raw SQL. */
  sql: Client;
  orm: MikroORM<PostgreSqlDriver>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file (cloned from the run's template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.HUHANG_TEST_SERVER_URL;
  const template = process.env.HUHANG_TEST_TEMPLATE;
  if (!server || !template) throw new Error('The test database server is not set up: run the tests with `npm test`.');
  // Named after the run (its template's process id), so that a run's teardown drops its own
  // databases and leaves those of another run on the same server alone.
  const run = template.replace(/^huhang_template_/, '');
  const name = `huhang_test_${run}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  await admin.end();
  const url = withDatabase(server, name);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  const orm = await createOrm(url, { pool: { min: 0, max: 4 } });
  const appUrl = asLogin(url, APP_LOGIN, process.env.HUHANG_TEST_APP_PASSWORD ?? '');
  return {
    url,
    appUrl,
    sql,
    orm,
    drop: async () => {
      await orm.close();
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
