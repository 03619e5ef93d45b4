import 'reflect-metadata';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { chromium } from 'playwright-core';
import { ensureDatabase, openDatabase, serverAdminUrl, redact, withDatabase } from '../shared/db/database';
import { createOrm, migrate } from '../orm';
import { seedDemo } from '../demo/seed';
import { DEMO_PASSWORD } from '../demo/users';
import { exampleSite, startServer } from '../server';
import { PUBLIC_OPERATION_IDS } from '@huhang/schema';

/**
 * `npm run bench:portal`: the public cache under page views. It opens the example portal
 * (examples/portal.html, the five public widgets) once in headless Chromium to record the GET
 * requests its widgets send, then replays them as 1,000 page views against the API, counting the
 * database statements each view costs, then writes once and views again. A plain node:http server
 * that returns the same bodies is the baseline.
 */
const VIEWS = Number(process.env.BENCH_VIEWS ?? 1000);
const GOAL = { statementsPerView: 0, p95Ms: 10 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const log = (line: string) => console.log(line);

interface Captured {
  url: string;
  headers: Record<string, string>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

/** The portal's GraphQL requests, as the browser sent them. */
async function capture(portal: string): Promise<Captured[]> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const requests: Captured[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname !== '/graphql' || request.method() !== 'GET') return;
      const headers = request.headers();
      requests.push({
        url: request.url(),
        headers: Object.fromEntries(
          ['x-huhang-key', 'referer', 'origin', 'accept'].filter((name) => headers[name]).map((name) => [name, headers[name]!]),
        ),
      });
    });
    await page.goto(portal);
    await page.waitForLoadState('networkidle');
    return requests;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  process.env.HUHANG_RATE_LIMIT ??= '100000000';
  const server = await openDatabase({ name: 'bench', log });
  const url = withDatabase(serverAdminUrl(server), 'huhang_bench_portal');
  await ensureDatabase(serverAdminUrl(server), 'huhang_bench_portal');
  log(`[bench] database ${redact(url)}`);
  const sql = new Client({ connectionString: url });
  await sql.connect();
  await sql.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  const orm = await createOrm(url);
  let plain: Server | undefined;
  let api: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await migrate(orm);
    await seedDemo(url);
    await sql.query('VACUUM ANALYZE');
    api = await startServer({ orm, port: 0, staticFiles: exampleSite() });
    // The demo key allows the demo's own origin; let it serve this server's page too.
    await sql.query(`UPDATE embed_key SET allowed_origins = array_append(allowed_origins, $1)`, [api.url]);
    const knex = orm.em.getConnection().getKnex();
    let statements = 0;
    knex.on('query', () => (statements += 1));
    // The first page view is the browser's.
    const requests = await capture(`${api.url}/portal.html`);
    const firstStatements = statements;
    if (requests.length === 0) throw new Error('the portal sent no GET request');
    const names = new Map(Object.entries(PUBLIC_OPERATION_IDS).map(([name, id]) => [id as string, name]));
    log(
      `[bench] the portal's widgets send ${requests.length} GET requests per view: ${requests.map((r) => names.get(JSON.parse(new URL(r.url).searchParams.get('extensions') ?? '{}').persistedQuery?.sha256Hash) ?? '?').join(', ')}`,
    );

    const bodies = new Map<string, string>();
    const view = async (timings: number[]) => {
      for (const request of requests) {
        const started = performance.now();
        const response = await fetch(request.url, { headers: request.headers });
        const body = await response.text();
        timings.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.slice(0, 200)}`);
        bodies.set(request.url, body);
      }
    };

    const timings: number[] = [];
    statements = 0;
    for (let i = 1; i < VIEWS; i++) await view(timings);
    const laterStatements = statements;

    // One write to the demo program, through the API as its administrator: the next view computes again.
    const login = (await (
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
          variables: { input: { username: 'admin', password: DEMO_PASSWORD } },
        }),
      })
    ).json()) as { data: { login: { accessToken: string } } };
    const parkId = new URL(requests[0]!.url).searchParams.get('variables')?.match(/"(UGFya[^"]+)"/)?.[1] ?? 'UGFyazox';
    const written = (await (
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.login.accessToken}` },
        body: JSON.stringify({
          query: 'mutation ($input: RecordEngagementInput!) { recordEngagement(input: $input) { engagement { id } } }',
          variables: { input: { parkId, type: 'FORUM', title: '基准测试座谈会', heldOn: new Date().toISOString().slice(0, 10) } },
        }),
      })
    ).json()) as { errors?: unknown };
    if (written.errors) throw new Error(`the write was refused: ${JSON.stringify(written.errors)}`);
    statements = 0;
    await view([]);
    const afterWrite = statements;
    statements = 0;
    await view([]);
    const afterWriteAgain = statements;

    // Baseline: a plain node:http server returning the same bodies.
    plain = createHttpServer((req, res) => {
      const body = bodies.get(`${api!.url}${req.url}`) ?? '{}';
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
    await new Promise<void>((resolve) => plain!.listen(0, '127.0.0.1', resolve));
    const plainBase = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
    const plainTimings: number[] = [];
    for (let i = 1; i < VIEWS; i++) {
      for (const request of requests) {
        const target = new URL(request.url);
        const started = performance.now();
        await (await fetch(`${plainBase}${target.pathname}${target.search}`)).text();
        plainTimings.push(performance.now() - started);
      }
    }

    const sorted = [...timings].sort((a, b) => a - b);
    const plainSorted = [...plainTimings].sort((a, b) => a - b);
    const perView = laterStatements / (VIEWS - 1);
    console.log('');
    console.log(`| measure | value |`);
    console.log(`|---|---:|`);
    console.log(`| page views | ${VIEWS} (${requests.length} GET requests each) |`);
    console.log(`| statements, first view (headless Chromium) | ${firstStatements} |`);
    console.log(`| statements per view after the first | ${perView.toFixed(2)} (${laterStatements} in all) |`);
    console.log(`| statements, first view after a write | ${afterWrite} |`);
    console.log(`| statements, the view after that | ${afterWriteAgain} |`);
    console.log(
      `| request p50 / p95 / max, ms | ${percentile(sorted, 0.5).toFixed(2)} / ${percentile(sorted, 0.95).toFixed(2)} / ${sorted.at(-1)!.toFixed(2)} |`,
    );
    console.log(
      `| plain node:http, same bodies, p50 / p95 ms | ${percentile(plainSorted, 0.5).toFixed(2)} / ${percentile(plainSorted, 0.95).toFixed(2)} |`,
    );
    console.log(`| API ÷ plain at p50 | ${(percentile(sorted, 0.5) / percentile(plainSorted, 0.5)).toFixed(2)} |`);
    console.log('');
    const met = perView <= GOAL.statementsPerView && percentile(sorted, 0.95) < GOAL.p95Ms && afterWrite > 0 && afterWriteAgain === 0;
    console.log(
      `goals: 0 statements per view after the first until a write (then one recomputation), p95 < ${GOAL.p95Ms} ms: ${met ? 'GOAL MET' : 'GOAL NOT MET'}`,
    );
    if (!met) process.exitCode = 1;
  } finally {
    await api?.close();
    await new Promise<void>((resolve) => (plain ? plain.close(() => resolve()) : resolve()));
    await orm.close();
    await sql.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
