import { Client } from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { postgresBinaries, startReplicaPair, type ReplicaPair } from '../../test-support/replica-pair';
import { createOrm, migrate } from '../../orm';
import { APP_LOGIN, asLogin, ensureApiLogin, grantStatements } from './roles';
import { replicaOptions } from './replicas';
import { generateDemo } from '../../demo/generator';
import { insertUser } from '../../demo/users';
import { hashPassword } from '../../accounts/password';
import { startServer, type RunningServer } from '../../server';
import { withDatabase } from './database';
import { toGlobalId } from '../graphql/global-id';

/**
 * Read replicas (DATABASE_REPLICA_URLS): queries read from a streaming replica, mutations and the
 * reads of a writer who is ahead of the replica go to the primary, and a replica that is down only
 * sends reads back to the primary. A primary and a replica of the test's own, from the machine's
 * PostgreSQL binaries (the embedded server cannot make a replica).
 */
const bin = postgresBinaries();
if (!bin) {
  console.warn(
    '!! SKIPPED: the read-replica tests need initdb, pg_ctl and pg_basebackup (/usr/lib/postgresql/<version>/bin); none were found',
  );
}
const describeWithBinaries = bin ? describe : describe.skip;

const PASSWORD = 'Replica-test-1';
const APP_PASSWORD = 'replica-app-1';

describeWithBinaries('read replicas', () => {
  let pair: ReplicaPair;
  let owner: Client;
  let orm: MikroORM<PostgreSqlDriver>;
  let server: RunningServer;
  let adminToken: string;
  let readerToken: string;
  let enterpriseId: number;

  const gql = async (token: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data?: any; errors?: Array<{ extensions: { code: string } }> };
  };
  /** Operations that read from the primary and from a replica so far (/metrics). */
  const served = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const count = (database: string) =>
      Number(new RegExp(`huhang_graphql_database_total\\{database="${database}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    return { primary: count('primary'), replica: count('replica') };
  };
  const signIn = async (username: string) => {
    const result = await gql(null, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { username, password: PASSWORD },
    });
    return result.data.login.accessToken as string;
  };
  /** Whether the replica answers `sql` with a row yet (false while it cannot be reached). */
  const replicaHas = async (sql: string) => {
    const replica = new Client({ connectionString: withDatabase(pair.replicaUrl, 'huhang') });
    try {
      await replica.connect();
      return ((await replica.query(sql)).rowCount ?? 0) > 0;
    } catch {
      return false;
    } finally {
      await replica.end().catch(() => undefined);
    }
  };
  const NAME = 'query ($id: ID!) { node(id: $id) { ... on Enterprise { name contactPhone } } }';
  let enterprise: string;

  beforeAll(async () => {
    pair = await startReplicaPair(bin!);
    const url = withDatabase(pair.primaryUrl, 'huhang');
    const admin = new Client({ connectionString: pair.primaryUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE huhang');
    await admin.end();
    const migrator = await createOrm(url);
    await migrate(migrator);
    await migrator.close();
    await ensureApiLogin(url, APP_LOGIN, APP_PASSWORD);
    owner = new Client({ connectionString: url });
    await owner.connect();
    for (const statement of grantStatements()) await owner.query(statement);
    await generateDemo(owner, { months: 1, endDate: '2026-10-20' });
    const hash = await hashPassword(PASSWORD);
    await insertUser(owner, { username: 'replica-admin', role: 'SYSTEM_ADMIN' }, hash);
    const parkId = (await owner.query('SELECT id FROM park ORDER BY id LIMIT 1')).rows[0].id;
    await insertUser(owner, { username: 'replica-reader', role: 'PARK_ADMIN', parks: [parkId] }, hash);
    enterpriseId = (await owner.query('SELECT id FROM enterprise WHERE park_id = $1 ORDER BY id LIMIT 1', [parkId])).rows[0].id;
    // The replica has the data before the API starts.
    const until = Date.now() + 30_000;
    while (!(await replicaHas("SELECT 1 FROM app_user WHERE username = 'replica-reader'"))) {
      if (Date.now() > until) throw new Error('the replica did not receive the data within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    orm = await createOrm(asLogin(url, APP_LOGIN, APP_PASSWORD), {
      replicas: replicaOptions([asLogin(withDatabase(pair.replicaUrl, 'huhang'), APP_LOGIN, APP_PASSWORD)]),
    });
    server = await startServer({ orm, port: 0, twoFactorRoles: [], rateLimit: { requests: 1_000_000, windowSeconds: 60 } });
    adminToken = await signIn('replica-admin');
    readerToken = await signIn('replica-reader');
    enterprise = toGlobalId('Enterprise', enterpriseId);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await orm?.close();
    await owner?.end();
    await pair?.stop();
  });

  it('answer queries from the replica, and write the audit rows of what they show on the primary', async () => {
    const before = await served();
    const audited = async () =>
      Number((await owner.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'READ_PERSONAL'")).rows[0].n);
    const rows = await audited();
    const answer = await gql(readerToken, NAME, { id: enterprise });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.node.name).toBeTruthy();
    expect(await served()).toEqual({ primary: before.primary, replica: before.replica + 1 });
    if (answer.data.node.contactPhone) expect(await audited()).toBe(rows + 1);
  });

  it('let a writer read its own write while the replica lags, and others read the replica', async () => {
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const old = (await gql(readerToken, NAME, { id: enterprise })).data.node.name;
      const renamed = `${old}（复制测试）`;
      const version = (await owner.query('SELECT version FROM enterprise WHERE id = $1', [enterpriseId])).rows[0].version;
      const update = await gql(
        adminToken,
        'mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name } } }',
        { input: { id: enterprise, version, name: renamed } },
      );
      expect(update.errors).toBeUndefined();
      const before = await served();
      // The writer: from the primary, since the paused replica has not replayed the write.
      expect((await gql(adminToken, NAME, { id: enterprise })).data.node.name).toBe(renamed);
      // Someone else: from the replica, which is behind.
      expect((await gql(readerToken, NAME, { id: enterprise })).data.node.name).toBe(old);
      expect(await served()).toEqual({ primary: before.primary + 1, replica: before.replica + 1 });
      await pair.onReplica('SELECT pg_wal_replay_resume()');
      // Once the replica has replayed the write, the writer reads from it again.
      const until = Date.now() + 10_000;
      while ((await gql(readerToken, NAME, { id: enterprise })).data.node.name !== renamed) {
        if (Date.now() > until) throw new Error('the replica did not replay the write within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const caughtUp = await served();
      expect((await gql(adminToken, NAME, { id: enterprise })).data.node.name).toBe(renamed);
      expect(await served()).toEqual({ primary: caughtUp.primary, replica: caughtUp.replica + 1 });
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()').catch(() => undefined);
    }
  });

  it('read from the primary while the replica is down, and stay ready', async () => {
    await pair.stopReplica();
    const before = await served();
    const answer = await gql(readerToken, NAME, { id: enterprise });
    expect(answer.errors).toBeUndefined();
    expect(await served()).toEqual({ primary: before.primary + 1, replica: before.replica });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { checks: Record<string, { status: string }> };
    expect(body.checks['replica-1']?.status).toBe('down');
    expect(body.checks.database?.status).toBe('ok');
  });
});
