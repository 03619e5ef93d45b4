import 'reflect-metadata';
import { join } from 'node:path';
import { Client } from 'pg';
import { APP_LOGIN, asLogin, ensureApiLogin } from '../shared/db/roles';
import { openDatabase, serverAdminUrl, redact, repoRoot, withDatabase } from '../shared/db/database';
import { toGlobalId } from '../shared/graphql/global-id';
import { NESTED_HUHANG } from './api-queries';
import { graphql, start, type Started } from './processes';
import { graphqlHit, loadHttp } from './http-load';

/**
 * `npm run bench:workers`: the nested query of bench:api against Huhang with one process and with
 * HUHANG_WORKERS=2, on bench:api's data set (run that first), in interleaved rounds.
 */
const env = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const ROUNDS = env('BENCH_ROUNDS', 3);
const SECONDS = env('BENCH_SECONDS', 10);
const CLIENTS = env('BENCH_CLIENTS', 16);
const PASSWORD = 'Bench-password-1';
const APP_PASSWORD = 'huhang-app-bench';
const log = (line: string) => console.log(line);

async function main(): Promise<void> {
  const database = await openDatabase({ name: 'bench', log });
  const url = withDatabase(serverAdminUrl(database), 'huhang_bench_api');
  const sql = new Client({ connectionString: url });
  try {
    await sql.connect();
    await sql.query('SELECT spec FROM bench_dataset');
  } catch {
    throw new Error(`no bench:api data set in ${redact(url)}: run \`npm run bench:api\` first`);
  }
  const park = (await sql.query<{ id: number }>('SELECT id FROM park ORDER BY id LIMIT 1')).rows[0]!.id;
  await sql.end();
  await ensureApiLogin(url, APP_LOGIN, APP_PASSWORD);

  const servers: Array<Started & { token?: string }> = [];
  try {
    for (const workers of [1, 2]) {
      const server = await start(
        `Huhang ×${workers}`,
        [join(repoRoot(), 'packages/api/dist/main.js')],
        {
          DATABASE_OWNER_URL: url,
          DATABASE_URL: asLogin(url, APP_LOGIN, APP_PASSWORD),
          NODE_ENV: 'production',
          HUHANG_TWO_FACTOR_ROLES: 'none',
          HUHANG_SEED: 'false',
          HUHANG_RATE_LIMIT: '1000000000',
          HUHANG_JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
          HUHANG_WORKERS: String(workers),
        },
        /is running/,
      );
      servers.push(server);
    }
    for (const server of servers) {
      server.token = (
        await graphql<{ login: { accessToken: string } }>(
          server.url,
          'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
          { input: { username: 'bench-admin', password: PASSWORD } },
        )
      ).login.accessToken;
      await graphql(server.url, NESTED_HUHANG, { park: toGlobalId('Park', park) }, server.token);
    }
    const results = new Map<string, { count: number; seconds: number; latencies: number[] }>();
    for (let round = 1; round <= ROUNDS; round++) {
      log(`[bench] round ${round} of ${ROUNDS}`);
      for (const server of round % 2 ? servers : [...servers].reverse()) {
        const latencies = await loadHttp(
          graphqlHit(server.url, NESTED_HUHANG, { park: toGlobalId('Park', park) }, server.token),
          CLIENTS,
          SECONDS,
          log,
        );
        const result = results.get(server.name) ?? { count: 0, seconds: 0, latencies: [] };
        result.count += latencies.length;
        result.seconds += SECONDS;
        result.latencies.push(...latencies);
        results.set(server.name, result);
      }
    }
    const single = results.get('Huhang ×1')!;
    log(`\n| processes | req/s | p50 ms | p99 ms | ÷ one process |\n|---|---:|---:|---:|---:|`);
    for (const server of servers) {
      const result = results.get(server.name)!;
      const sorted = [...result.latencies].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
      const rate = result.count / result.seconds;
      log(`| ${server.name} | ${rate.toFixed(0)} | ${at(0.5)} | ${at(0.99)} | ${(rate / (single.count / single.seconds)).toFixed(2)} |`);
    }
    log(`\nnested query, ${CLIENTS} clients, ${ROUNDS} interleaved rounds of ${SECONDS} s; PostgreSQL on the same machine`);
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
