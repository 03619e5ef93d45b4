import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '../test-support/database';
import { startServer, type RunningServer } from '../server';

/**
 * Two API processes (two servers with nothing in common but the database and Redis at REDIS_URL or
 * 127.0.0.1:6379) count one client's requests together. With Redis away, each still limits alone,
 * and readiness says Redis is down.
 */
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const LIMIT = { requests: 5, windowSeconds: 60 };

let db: TestDatabase;
const servers: RunningServer[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  for (const server of servers) await server.close();
  await db?.drop();
});

async function serve(redisUrl: string, prefix: string): Promise<RunningServer> {
  const server = await startServer({ orm: db.orm, port: 0, twoFactorRoles: [], rateLimit: LIMIT, redisUrl, redisKeyPrefix: prefix });
  servers.push(server);
  return server;
}

const ask = async (server: RunningServer) => {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
};

describe('the rate limit with Redis', () => {
  it('is one count for a client across processes', async () => {
    const prefix = `huhang-test:${randomUUID()}`;
    const [a, b] = [await serve(REDIS, prefix), await serve(REDIS, prefix)];
    const statuses = [];
    for (const server of [a, b, a, b, a]) statuses.push((await ask(server)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await ask(b);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect((await ask(a)).status).toBe(429);
    const ready = await fetch(`${a.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ checks: { database: { status: 'ok' }, redis: { status: 'ok' } } });
  });

  it('still limits each process while Redis is away, and readiness says so', async () => {
    const lost = await serve('redis://127.0.0.1:1', `huhang-test:${randomUUID()}`);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(lost)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const ready = await fetch(`${lost.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ checks: { database: { status: 'ok' }, redis: { status: 'down' } } });
  });
});
