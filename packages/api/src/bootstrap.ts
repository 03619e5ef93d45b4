import 'reflect-metadata';
import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { openDatabase, redact, type DatabaseHandle } from './shared/db/database';
import { DatabaseSetupError } from './shared/db/embedded';
import { checkRole, grantStatements, jobQueueGrantStatements } from './shared/db/roles';
import { migrateJobQueue } from './server/filed-reports';
import { createOrm, migrate } from './orm';
import { replicaOverrides, replicaUrlsFromEnvironment } from './shared/db/replicas';

export interface Bootstrapped {
  db: DatabaseHandle;
  orm: MikroORM<PostgreSqlDriver>;
  close(): Promise<void>;
}

/**
 * Database → migrations (as the owner) → the API's ORM (as the API's role); shared by `npm start`, the
 * db commands and the benchmarks. In production the start refuses a role that could rewrite the
 * audit trail (a superuser, the owner of its table); elsewhere it says so loudly.
 */
export async function bootstrap(
  options: { log?: (line: string) => void; dataName?: string; exclusive?: boolean } = {},
): Promise<Bootstrapped> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = await openDatabase({ name: options.dataName, log, exclusive: options.exclusive });
  log(`[db] ${db.kind === 'external' ? 'DATABASE_URL' : 'embedded PostgreSQL'}: ${redact(db.url)}`);
  try {
    await setUpSchema(db.ownerUrl, log);
    await refuseOwnerRole(db.url, log);
  } catch (error) {
    await db.stop();
    throw error;
  }
  const replicas = replicaUrlsFromEnvironment();
  if (replicas.length) log(`[db] read replicas: ${replicas.map(redact).join(', ')}`);
  const orm = await createOrm(db.url, replicaOverrides(replicas));
  return {
    db,
    orm,
    close: async () => {
      await orm.close();
      await db.stop();
    },
  };
}

/** The advisory lock a process holds while it sets up the schema. */
const SCHEMA_SETUP_LOCK = 'huhang: schema setup';

/**
 * The migrations, the API's grants and the job queue's schema, as the owner. Processes that start
 * on one database at the same moment (two hosts, a rolling deploy) take turns: a migration must run
 * once, and PostgreSQL refuses two grants on one schema at once ("tuple concurrently updated").
 */
export async function setUpSchema(ownerUrl: string, log: (line: string) => void): Promise<void> {
  const lock = new Client({ connectionString: ownerUrl });
  // A connection lost meanwhile ends the lock with it; the setup's own statements say what failed.
  lock.on('error', (error) => log(`[db] the schema setup's lock connection ended: ${error.message}`));
  await lock.connect();
  try {
    const [first] = (await lock.query<{ taken: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS taken', [SCHEMA_SETUP_LOCK])).rows;
    if (!first?.taken) {
      log('[db] another process is setting up this database; waiting for it to finish');
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [SCHEMA_SETUP_LOCK]);
    }
    await migrateAsOwner(ownerUrl, log);
  } finally {
    // The lock is the session's: it ends with the connection.
    await lock.end();
  }
}

async function migrateAsOwner(ownerUrl: string, log: (line: string) => void): Promise<void> {
  const owner = await createOrm(ownerUrl, { pool: { min: 0, max: 1 } });
  try {
    const applied = await migrate(owner);
    if (applied.length) log(`[db] applied ${applied.length} migration(s): ${applied.join(', ')}`);
    // Tables a migration added get the API's grants too.
    for (const statement of grantStatements()) await owner.em.getConnection().execute(statement);
    // The job queue that files the reports after each month's end (server/filed-reports.ts).
    await migrateJobQueue(ownerUrl, log);
    for (const statement of jobQueueGrantStatements()) await owner.em.getConnection().execute(statement);
  } finally {
    await owner.close();
  }
}

async function refuseOwnerRole(url: string, log: (line: string) => void): Promise<void> {
  const role = await checkRole(url);
  if (!role.superuser && !role.ownsAudit && !role.mayRewriteAudit && !role.bypassesRls) return;
  const why = role.superuser
    ? 'is a superuser: the API could erase its own audit trail'
    : role.ownsAudit
      ? 'owns the audit table: the API could erase its own audit trail'
      : role.mayRewriteAudit
        ? 'may change or delete audit rows: the API could erase its own audit trail'
        : 'bypasses row-level security (BYPASSRLS): nothing in the database would keep one park from another';
  const message =
    `DATABASE_URL connects as "${role.user}", which ${why}. ` +
    'Create the owner and the API role (README, "Security"), set DATABASE_OWNER_URL to the owner and DATABASE_URL to a login in huhang_api.';
  if (process.env.NODE_ENV === 'production') throw new DatabaseSetupError(message);
  log(`[db] WARNING: ${message} (refused when NODE_ENV=production)`);
}
