import { createTestDatabase, type TestDatabase } from './database';
import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { createOrm } from '../orm';
import { exampleSite, startServer, type RunningServer } from '../server';
import { hashPassword } from '../accounts/password';
import { insertUser as insertDemoUser } from '../demo/users';

export interface GraphqlResult {
  status: number;
  // Tests read deep into answers; the shapes are asserted, not declared.

  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> }>;
}

/** Whose credentials a request carries: a bearer token, an embed key (with the page's origin), or none. */
export interface Credentials {
  token?: string | null;
  key?: string | null;
  origin?: string | null;
}

export type Gql = (query: string, variables?: Record<string, unknown>) => Promise<GraphqlResult>;

export interface TestApi {
  db: TestDatabase;
  /** The server's ORM, connected as the API's login (not `db.orm`, the owner's). */
  orm: MikroORM<PostgreSqlDriver>;
  server: RunningServer;
  /** The system administrator's access token that `gql` and `ok` send. */
  adminToken: string;
  /** Posts one operation to the running server's /graphql as the system administrator. */
  gql: Gql;
  /** Same, and fails the test on any error; returns `data`. */

  ok(query: string, variables?: Record<string, unknown>): Promise<any>;
  /** Posts as someone else: another user's token, an embed key, or nobody (`{}`). */
  as(credentials: Credentials): Gql;
  /** Creates a user straight in the database; its password is `password` unless given. */
  createUser(user: TestUser): Promise<number>;
  /** Signs in over HTTP and returns the access token. */
  signIn(username: string, password?: string): Promise<string>;
  close(): Promise<void>;
}

export interface TestUser {
  username: string;
  role: 'SYSTEM_ADMIN' | 'PROGRAM_ADMIN' | 'PARK_ADMIN' | 'OFFICER';
  parkIds?: number[];
  programIds?: number[];
  officerId?: number;
  password?: string;
}

/** The statements the API's ORM sends to PostgreSQL while `run` runs, as their SQL. */
export async function statementsDuring(api: Pick<TestApi, 'orm'>, run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const knex = api.orm.em.getConnection().getKnex();
  const listener = (query: { sql: string }) => seen.push(query.sql);
  knex.on('query', listener);
  try {
    await run();
  } finally {
    knex.removeListener('query', listener);
  }
  return seen;
}

export const TEST_PASSWORD = 'Test-password-1';
let passwordHash: Promise<string> | undefined;

/**
 * The hash of `TEST_PASSWORD`: made once for the run by its global setup (scrypt costs about 0.2 s of
 * CPU, which every file would otherwise spend), else once for the file.
 */
function testPasswordHash(): Promise<string> {
  const made = process.env.HUHANG_TEST_PASSWORD === TEST_PASSWORD ? process.env.HUHANG_TEST_PASSWORD_HASH : undefined;
  return (passwordHash ??= made ? Promise.resolve(made) : hashPassword(TEST_PASSWORD));
}

async function insertUser(db: TestDatabase, user: TestUser): Promise<number> {
  const hash = user.password ? await hashPassword(user.password) : await testPasswordHash();
  return insertDemoUser(db.sql, { ...user, parks: user.parkIds, programs: user.programIds, officer: user.officerId }, hash);
}

/** A database of its own for the test file and the real HTTP server on a free port. */
export async function startTestApi(
  /** Writes the file's data; 'demo' starts from the run's demo programs (four months) instead. */
  seed?: ((db: TestDatabase) => Promise<unknown>) | 'demo',
  serverOptionsOf: Partial<Parameters<typeof startServer>[0]> | ((db: TestDatabase) => Partial<Parameters<typeof startServer>[0]>) = {},
): Promise<TestApi> {
  const db = await createTestDatabase({ from: seed === 'demo' ? 'demo' : undefined });
  const serverOptions = typeof serverOptionsOf === 'function' ? serverOptionsOf(db) : serverOptionsOf;
  try {
    if (typeof seed === 'function') await seed(db);
  } catch (error) {
    // A seed that fails leaves no database or connection behind to fail the run's teardown.
    await db.drop();
    throw error;
  }
  // The server connects as the API's login, with the grants of huhang_api only, as in production;
  // `db.orm` and `db.sql` (the owner) are for the tests' own set-up and checks.
  const appOrm = serverOptions.orm ? null : await createOrm(db.appUrl, { pool: { min: 0, max: 4 } });
  const server = await startServer({
    orm: appOrm ?? db.orm,
    port: 0,
    staticFiles: exampleSite(),
    // Tests send many requests from one address; the limiter has tests of its own.
    rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    // The tests' administrator signs in with a password; two-factor sign-in has tests of its own.
    twoFactorRoles: [],
    ...serverOptions,
  });
  const as =
    (credentials: Credentials): Gql =>
    async (query, variables) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
      if (credentials.key) headers['x-huhang-key'] = credentials.key;
      if (credentials.origin) headers.origin = credentials.origin;
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphqlResult, 'status'>;
      return { status: response.status, ...body };
    };
  const signIn = async (username: string, password = TEST_PASSWORD): Promise<string> => {
    const result = await as({})('mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
      input: { username, password },
    });
    if (result.errors) throw new Error(`Signing in as ${username} failed: ${JSON.stringify(result.errors)}`);
    return result.data.login.accessToken as string;
  };
  await insertUser(db, { username: 'test-admin', role: 'SYSTEM_ADMIN' });
  const adminToken = await signIn('test-admin');
  const gql = as({ token: adminToken });
  return {
    db,
    orm: appOrm ?? db.orm,
    server,
    adminToken,
    gql,
    as,
    createUser: (user) => insertUser(db, user),
    signIn,
    ok: async (query, variables) => {
      const result = await gql(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    close: async () => {
      await server.close();
      await appOrm?.close();
      await db.drop();
    },
  };
}
