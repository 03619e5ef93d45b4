import { createServer, connect, type Server, type Socket } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../test-support/database';
import { createOrm } from '../orm';
import { startServer, type RunningServer } from '../server';
import { hashPassword } from '../accounts/password';
import { insertUser } from '../demo/users';

/**
 * The database goes away and comes back: the API reaches it through a TCP relay this test can cut,
 * as a stopped server or a broken network would. Liveness stays up; readiness and GraphQL answer
 * 503 with Retry-After; both recover by themselves.
 */
class Relay {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Every connection cut, and new ones refused. */
  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}

let db: TestDatabase;
let relay: Relay;
let orm: MikroORM<PostgreSqlDriver>;
let api: RunningServer;
let token: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const target = new URL(db.appUrl);
  relay = new Relay(target.hostname, Number(target.port || 5432));
  await relay.open();
  const relayed = new URL(db.appUrl);
  relayed.hostname = '127.0.0.1';
  relayed.port = String(relay.port);
  orm = await createOrm(relayed.toString(), { pool: { min: 0, max: 4 } });
  api = await startServer({ orm, port: 0, twoFactorRoles: [] });
  await insertUser(db.sql, { username: 'ops-admin', role: 'SYSTEM_ADMIN' }, await hashPassword('Ops-password-1'));
  const login = await gql('mutation { login(input: { username: "ops-admin", password: "Ops-password-1" }) { accessToken } }');
  token = login.body.data.login.accessToken;
});

afterAll(async () => {
  await api?.close();
  await orm?.close();
  await relay?.cut();
  await db?.drop();
});

async function gql(query: string, bearer?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
}

const get = async (path: string) => {
  const response = await fetch(`${api.url}${path}`);
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as any };
};

/** Retries `check` until it holds, for up to 15 s. */
async function eventually<T>(probe: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = await probe();
    if (holds(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('while the database is away', () => {
  it('stays live, answers 503 with Retry-After for readiness and GraphQL, and recovers by itself', async () => {
    expect(await get('/readyz')).toMatchObject({ status: 200, body: { status: 'ready', checks: { database: { status: 'ok' } } } });
    expect((await gql('{ programs { totalCount } }', token)).status).toBe(200);

    await relay.cut();
    expect(await get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(await get('/readyz')).toMatchObject({
      status: 503,
      retryAfter: '5',
      body: { status: 'unavailable', checks: { database: { status: 'down' } } },
    });
    // A read and a sign-in: each told to come back, neither an internal error.
    for (const [query, bearer] of [
      ['{ programs { totalCount } }', token],
      ['mutation { login(input: { username: "ops-admin", password: "Ops-password-1" }) { accessToken } }', undefined],
    ] as const) {
      const answer = await gql(query, bearer);
      expect({
        query,
        status: answer.status,
        retryAfter: answer.retryAfter,
        codes: answer.body.errors?.map((e: any) => e.extensions.code),
      }).toEqual({
        query,
        status: 503,
        retryAfter: '5',
        codes: ['SERVICE_UNAVAILABLE'],
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/ECONN|at .+\.js|127\.0\.0\.1/);
    }

    await relay.open();
    expect(
      (
        await eventually(
          () => get('/readyz'),
          (r) => r.status === 200,
        )
      ).status,
    ).toBe(200);
    const back = await eventually(
      () => gql('{ programs { totalCount } }', token),
      (r) => r.status === 200,
    );
    expect(back).toMatchObject({ status: 200, body: { data: { programs: { totalCount: expect.any(Number) } } } });
  });
});
