import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './database';
import { repoRoot } from '../shared/db/database';
import { startServer, type RunningServer } from '../server';

export interface GraphqlResult {
  status: number;
  // Tests read deep into answers; the shapes are asserted, not declared.

  data?: any;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> }>;
}

export interface TestApi {
  db: TestDatabase;
  server: RunningServer;
  /** Posts one operation to the running server's /graphql. */
  gql(query: string, variables?: Record<string, unknown>): Promise<GraphqlResult>;
  /** Same, and fails the test on any error; returns `data`. */

  ok(query: string, variables?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

/** A database of its own for the test file and the real HTTP server on a free port. */
export async function startTestApi(
  seed?: (db: TestDatabase) => Promise<unknown>,
  serverOptions: Partial<Parameters<typeof startServer>[0]> = {},
): Promise<TestApi> {
  const db = await createTestDatabase();
  if (seed) await seed(db);
  const server = await startServer({
    orm: db.orm,
    port: 0,
    staticRoot: join(repoRoot(), 'examples'),
    // Tests send many requests from one address; the limiter has tests of its own.
    rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    ...serverOptions,
  });
  const gql = async (query: string, variables?: Record<string, unknown>): Promise<GraphqlResult> => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphqlResult, 'status'>;
    return { status: response.status, ...body };
  };
  return {
    db,
    server,
    gql,
    ok: async (query, variables) => {
      const result = await gql(query, variables);
      if (result.errors) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
      return result.data;
    },
    close: async () => {
      await server.close();
      await db.drop();
    },
  };
}
