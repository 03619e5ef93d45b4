import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import Redis from 'ioredis';
import { postgresBinaries, startReplicaPair, type ReplicaPair } from '../test-support/replica-pair';
import { createOrm, migrate } from '../orm';
import { APP_LOGIN, asLogin, ensureApiLogin, grantStatements } from '../shared/db/roles';
import { repoRoot, withDatabase } from '../shared/db/database';
import { generateDemo } from '../demo/generator';
import { insertUser } from '../demo/users';
import { hashPassword } from '../accounts/password';
import { sha256 } from '../accounts/tokens';
import { toGlobalId } from '../shared/graphql/global-id';
import { start, stop, type Started } from '../bench/processes';

/**
 * Huhang run as a service: a PostgreSQL primary and a streaming replica of its own, Redis, and two
 * API processes (`npm start`'s dist/main.js) on them. Reads on the replica and writes on the primary,
 * a writer reading its write through the other process, one rate limit across both, the public
 * cache dropped in both after a write, and 503 with Retry-After while the primary is down.
 */
const REDIS_URL = process.env.HUHANG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const bin = postgresBinaries();

async function redisAnswers(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

const PASSWORD = 'Service-test-1';
const APP_PASSWORD = 'service-app-1';
const RATE = 40;
const KEY = 'hk_pub_service_test_key';
const ORIGIN = 'http://portal.test';

describe('Huhang as a service: primary, replica, Redis and two API processes', () => {
  let ready = false;
  let pair: ReplicaPair;
  let owner: Client;
  let a: Started;
  let b: Started;
  let writer: string;
  let reader: string;
  let enterprise: string;
  let enterpriseId: number;
  let park: string;
  let parkId: number;

  const gql = async (
    server: Started,
    token: string | null,
    query: string,
    variables: Record<string, unknown> = {},
    extra: Record<string, string> = {},
  ) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: any; errors?: Array<{ extensions: { code: string } }> };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
  };
  const metric = async (server: Started, series: string) => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    const escaped = series.replace(/[{}"]/g, (c) => `\\${c}`);
    return Number(new RegExp(`^${escaped} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  };
  const primaryReads = (s: Started) => metric(s, 'huhang_graphql_database_total{database="primary"}');
  const replicaReads = (s: Started) => metric(s, 'huhang_graphql_database_total{database="replica"}');
  const NAME = 'query ($id: ID!) { node(id: $id) { ... on Enterprise { name } } }';
  const RENAME = 'mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { name } } }';
  const rename = async (server: Started, name: string, known?: number) => {
    const version = known ?? (await owner.query('SELECT version FROM enterprise WHERE id = $1', [enterpriseId])).rows[0].version;
    return gql(server, writer, RENAME, { input: { id: enterprise, version, name } });
  };
  /** The owner's connection, again (after the primary restarted). */
  const connectOwner = async () => {
    owner = new Client({ connectionString: withDatabase(pair.primaryUrl, 'huhang') });
    owner.on('error', () => undefined);
    await owner.connect();
  };
  const signIn = async (server: Started, username: string) =>
    (
      await gql(server, null, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
        input: { username, password: PASSWORD },
      })
    ).data.login.accessToken as string;

  beforeAll(async () => {
    if (!bin || !(await redisAnswers())) {
      console.warn(
        `!! SKIPPED: the service test needs PostgreSQL's initdb, pg_ctl and pg_basebackup (${bin ?? 'not found'}) and Redis at ${REDIS_URL} (${(await redisAnswers()) ? 'answers' : 'does not answer'})`,
      );
      return;
    }
    pair = await startReplicaPair(bin);
    const admin = new Client({ connectionString: pair.primaryUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE huhang');
    await admin.end();
    const url = withDatabase(pair.primaryUrl, 'huhang');
    const migrator = await createOrm(url);
    await migrate(migrator);
    await migrator.close();
    await ensureApiLogin(url, APP_LOGIN, APP_PASSWORD);
    await connectOwner();
    for (const statement of grantStatements()) await owner.query(statement);
    await generateDemo(owner, { months: 1, endDate: '2026-10-20' });
    const hash = await hashPassword(PASSWORD);
    await insertUser(owner, { username: 'svc-writer', role: 'SYSTEM_ADMIN' }, hash);
    parkId = (await owner.query('SELECT id FROM park ORDER BY id LIMIT 1')).rows[0].id;
    await insertUser(owner, { username: 'svc-reader', role: 'PARK_ADMIN', parks: [parkId] }, hash);
    await insertUser(owner, { username: 'svc-limited', role: 'PARK_ADMIN', parks: [parkId] }, hash);
    await owner.query(
      `INSERT INTO embed_key (name, prefix, key_hash, program_id, park_id, allowed_origins)
       SELECT 'service test', 'hk_pub_serv', $1, program_id, id, ARRAY[$2] FROM park WHERE id = $3`,
      [sha256(KEY), ORIGIN, parkId],
    );
    enterpriseId = (await owner.query('SELECT id FROM enterprise WHERE park_id = $1 ORDER BY id LIMIT 1', [parkId])).rows[0].id;
    enterprise = toGlobalId('Enterprise', enterpriseId);
    park = toGlobalId('Park', parkId);
    const env = {
      DATABASE_URL: asLogin(url, APP_LOGIN, APP_PASSWORD),
      DATABASE_OWNER_URL: url,
      DATABASE_REPLICA_URLS: asLogin(withDatabase(pair.replicaUrl, 'huhang'), APP_LOGIN, APP_PASSWORD),
      REDIS_URL,
      HUHANG_REDIS_PREFIX: `huhang-test-${randomUUID()}`,
      HUHANG_RATE_LIMIT: String(RATE),
      HUHANG_SEED: 'false',
      HUHANG_TWO_FACTOR_ROLES: 'none',
      HUHANG_JWT_SECRET: 'service-test-secret-service-test-secret',
      HUHANG_LOG_LEVEL: 'silent',
      NODE_ENV: 'development',
    };
    const main = join(repoRoot(), 'packages/api/dist/main.js');
    a = await start('API A', [main], env, /is running/);
    b = await start('API B', [main], env, /is running/);
    writer = await signIn(a, 'svc-writer');
    reader = await signIn(b, 'svc-reader');
    ready = true;
  }, 180_000);

  afterAll(async () => {
    // Each API process ended, not only told to end: its pipes would keep this test's worker alive.
    await Promise.all([a, b].map(stop));
    await owner?.end();
    await pair?.stop();
  });

  const it_ = (name: string, test: () => Promise<void>) => it(name, async () => (ready ? test() : undefined), 60_000);

  it_('reads on the replica and writes on the primary, in both processes', async () => {
    for (const server of [a, b]) {
      const before = { primary: await primaryReads(server), replica: await replicaReads(server) };
      const answer = await gql(server, reader, NAME, { id: enterprise });
      expect(answer.errors).toBeUndefined();
      expect({ primary: await primaryReads(server), replica: await replicaReads(server) }).toEqual({
        primary: before.primary,
        replica: before.replica + 1,
      });
    }
    // The replica's own view: the API's login reads there.
    const replica = new Client({ connectionString: withDatabase(pair.replicaUrl, 'huhang') });
    await replica.connect();
    const { rows } = await replica.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [APP_LOGIN]);
    await replica.end();
    expect(rows[0].n).toBeGreaterThan(0);
    const before = await primaryReads(a);
    expect((await rename(a, '服务测试企业')).errors).toBeUndefined();
    expect(await primaryReads(a)).toBe(before + 1);
  });

  it_('lets a writer read its write through the other process while the replica lags', async () => {
    await pair.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const old = (await gql(b, reader, NAME, { id: enterprise })).data.node.name;
      expect((await rename(a, `${old}·二`)).errors).toBeUndefined();
      // B learns where A's write reached through Redis and reads from the primary.
      expect((await gql(b, writer, NAME, { id: enterprise })).data.node.name).toBe(`${old}·二`);
      // Someone who did not write reads the replica, which is behind.
      expect((await gql(b, reader, NAME, { id: enterprise })).data.node.name).toBe(old);
    } finally {
      await pair.onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it_('counts one rate limit for a client across both processes', async () => {
    const limited = await signIn(a, 'svc-limited');
    const statuses: number[] = [];
    for (let i = 0; i < RATE + 2; i++) statuses.push((await gql(i % 2 ? b : a, limited, '{ me { username } }')).status);
    expect(statuses.slice(0, RATE).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(RATE)).toEqual([429, 429]);
  });

  it_('drops a public answer in both processes when its program changes', async () => {
    const PUBLIC = 'query ($id: ID!) { node(id: $id) { ... on Park { name } } }';
    const ask = (server: Started) => gql(server, null, PUBLIC, { id: park }, { 'x-huhang-key': KEY, origin: ORIGIN });
    const misses = (s: Started) => metric(s, 'huhang_public_cache_requests_total{result="miss"}');
    const hits = (s: Started) => metric(s, 'huhang_public_cache_requests_total{result="hit"}');
    for (const server of [a, b]) {
      const [miss, hit] = [await misses(server), await hits(server)];
      expect((await ask(server)).errors).toBeUndefined();
      expect((await ask(server)).errors).toBeUndefined();
      expect([await misses(server), await hits(server)]).toEqual([miss + 1, hit + 1]);
    }
    const name = `服务测试园区 ${randomUUID().slice(0, 4)}`;
    const version = (await owner.query('SELECT version FROM park WHERE id = $1', [parkId])).rows[0].version;
    const updated = await gql(a, writer, 'mutation ($input: UpdateParkInput!) { updatePark(input: $input) { park { name } } }', {
      input: { id: park, version, name },
    });
    expect(updated.errors).toBeUndefined();
    for (const server of [a, b]) {
      const until = Date.now() + 5_000;
      // The other process hears of the write through the database's notification, within moments.
      while ((await ask(server)).data.node.name !== name) {
        if (Date.now() > until) throw new Error(`${server.name} kept the old public answer`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  });

  it_('answers 503 with Retry-After while the primary is down, and recovers by itself', async () => {
    const version = (await owner.query('SELECT version FROM enterprise WHERE id = $1', [enterpriseId])).rows[0].version;
    await pair.stopPrimary();
    try {
      for (const server of [a, b]) {
        const write = await rename(server, '主库停机时', version);
        expect({ status: write.status, retryAfter: write.retryAfter, code: write.errors?.[0]?.extensions.code }).toEqual({
          status: 503,
          retryAfter: '5',
          code: 'SERVICE_UNAVAILABLE',
        });
        const readiness = await fetch(`${server.url}/readyz`);
        expect(readiness.status).toBe(503);
        expect(readiness.headers.get('retry-after')).toBe('5');
        // A read is answered from the replica or refused with 503: never an internal error.
        expect([200, 503]).toContain((await gql(server, reader, NAME, { id: enterprise })).status);
      }
    } finally {
      await pair.startPrimary();
      await owner.end().catch(() => undefined);
      await connectOwner();
    }
    for (const server of [a, b]) {
      const until = Date.now() + 30_000;
      while ((await fetch(`${server.url}/readyz`)).status !== 200) {
        if (Date.now() > until) throw new Error(`${server.name} did not become ready again`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect((await rename(server, `恢复 ${server.name}`)).errors).toBeUndefined();
    }
  });
});
