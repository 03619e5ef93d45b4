import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { APP_LOGIN, asLogin, ensureApiLogin } from '../shared/db/roles';
import { ensureDatabase, openDatabase, serverAdminUrl, redact, repoRoot, withDatabase } from '../shared/db/database';
import { toGlobalId } from '../shared/graphql/global-id';
import {
  NESTED_HUHANG,
  NESTED_PEER,
  MONTH,
  LIST_HUHANG,
  LIST_PEER,
  NODE_HUHANG,
  NODE_PEER,
  RECORD_VISIT,
  VISIT_DAY,
  peerNested,
  sameTimes,
  type ListedRequest,
} from './api-queries';
import { graphql, rssMb, settleSeconds, start, type Started } from './processes';
import { graphqlHit, loadHttp, type Hit } from './http-load';
import { env, PASSWORD, prepare } from './api-data';

type Call = () => Promise<unknown>;

/**
 * `npm run bench:api`: Huhang's read path against PostGraphile 5 (default preset) and a hand-written
 * node:http + pg server, on one database, in interleaved rounds. Each server runs in a process of its
 * own; the three are first checked to return the same data. PostGraphile lives in bench/postgraphile,
 * outside the workspace, and is installed there on first use.
 */
const ROUNDS = env('BENCH_ROUNDS', 5);
const SECONDS = env('BENCH_SECONDS', 10);
const BENCH_APP_PASSWORD = 'huhang-app-bench';
const PEER = join(repoRoot(), 'bench', 'postgraphile');
/**
 * Another build of Huhang to measure beside this one (a checkout of another commit, built there with
 * `npm ci`), connected as the same API login: row-level security binds both alike.
 */
const BASELINE = process.env.BENCH_BASELINE ?? null;
/** Only the scenarios whose name contains this (for example `recordVisit`); all when not set. */
const ONLY = process.env.BENCH_ONLY ?? '';
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 2);
/**
 * How long every server is left without requests before its memory is read again. The RSS read at
 * the end of the run depends on where each garbage collector happens to be, and on how long each
 * server has been idle: PostGraphile waits through the write scenarios, which it takes no part in.
 * Each server's RSS is also read the moment its own last load of the run ends.
 */
const SETTLE_SECONDS = settleSeconds(process.env.BENCH_SETTLE_SECONDS ?? '30,70');

const log = (line: string) => console.log(line);

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  const body = (await response.json()) as { data?: unknown };
  if (!body.data) throw new Error(`${url}: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

async function main(): Promise<void> {
  const database = await openDatabase({ name: 'bench', log });
  const url = withDatabase(serverAdminUrl(database), 'huhang_bench_api');
  await ensureDatabase(serverAdminUrl(database), 'huhang_bench_api');
  log(`[bench] database ${redact(url)}`);
  const { parkId, enterpriseId, pair } = await prepare(url);
  await ensureApiLogin(url, APP_LOGIN, BENCH_APP_PASSWORD);
  if (!existsSync(join(PEER, 'node_modules', 'postgraphile'))) {
    log('[bench] installing PostGraphile 5 in bench/postgraphile (first use)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER, stdio: 'inherit' });
  }
  const servers: Started[] = [];
  try {
    const huhangEnv = {
      // As in production: migrations as the owner, the API as a login of huhang_api.
      DATABASE_OWNER_URL: url,
      DATABASE_URL: asLogin(url, APP_LOGIN, BENCH_APP_PASSWORD),
      NODE_ENV: 'production',
      // The benchmark signs in with passwords; two-factor sign-in costs nothing after sign-in.
      HUHANG_TWO_FACTOR_ROLES: 'none',
      HUHANG_SEED: 'false',
      HUHANG_RATE_LIMIT: '1000000000',
      HUHANG_JWT_SECRET: 'bench-secret-bench-secret-bench-secret',
    };
    const huhang = await start('Huhang', [join(repoRoot(), 'packages/api/dist/main.js')], huhangEnv, /is running/);
    servers.push(huhang);
    let baseline: Started | null = null;
    if (BASELINE) {
      baseline = await start('Huhang baseline', [join(BASELINE, 'packages/api/dist/main.js')], huhangEnv, /is running/, BASELINE);
      servers.push(baseline);
    }
    const peer = await start(
      'PostGraphile 5',
      [join(PEER, 'server.cjs')],
      { DATABASE_URL: url, GRAPHILE_ENV: 'production' },
      /ready/,
      PEER,
    );
    servers.push(peer);
    const hand = await start(
      'node:http + pg',
      [join(repoRoot(), 'packages/api/dist/bench/handwritten.js')],
      { DATABASE_URL: url },
      /ready/,
    );
    servers.push(hand);

    const signIn = async (username: string) =>
      (
        (await graphql(huhang.url, 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }', {
          input: { username, password: PASSWORD },
        })) as { login: { accessToken: string } }
      ).login.accessToken;
    // Signed in again at every round: a full run outlasts an access token (15 minutes).
    let admin = await signIn('bench-admin');
    let parkAdmin = await signIn('bench-park');
    const park = toGlobalId('Park', parkId);
    const enterprise = toGlobalId('Enterprise', enterpriseId);

    /**
     * A server as one scenario asks it: `call` answers its data, in one shape for all (checked to be
     * the same before any timing); `hit` is the request a load sends again and again, made at the
     * start of each load (the tokens are renewed at every round).
     */
    type Caller = { server: Started; call: Call; hit: () => Hit; label?: string };
    const scenarios: Array<{ name: string; clients: number; calls: Caller[] }> = [];
    const get = (server: Started, path: string): Hit => ({ url: server.url, method: 'GET', path });
    const nested: Caller[] = [
      {
        server: huhang,
        call: () => graphql(huhang.url, NESTED_HUHANG, { park }, admin),
        hit: () => graphqlHit(huhang.url, NESTED_HUHANG, { park }, admin),
      },
      ...(baseline
        ? [
            {
              server: baseline,
              call: () => graphql(baseline.url, NESTED_HUHANG, { park }, admin),
              hit: () => graphqlHit(baseline.url, NESTED_HUHANG, { park }, admin),
            },
          ]
        : []),
      {
        server: peer,
        call: async () => peerNested((await graphql(peer.url, NESTED_PEER, { park: parkId })) as never),
        hit: () => graphqlHit(peer.url, NESTED_PEER, { park: parkId }),
      },
      { server: hand, call: () => getJson(`${hand.url}/nested?id=${parkId}`), hit: () => get(hand, `/nested?id=${parkId}`) },
    ];
    const nodeCalls: Caller[] = [
      {
        server: huhang,
        call: () => graphql(huhang.url, NODE_HUHANG, { id: enterprise }, admin),
        hit: () => graphqlHit(huhang.url, NODE_HUHANG, { id: enterprise }, admin),
      },
      ...(baseline
        ? [
            {
              server: baseline,
              call: () => graphql(baseline.url, NODE_HUHANG, { id: enterprise }, admin),
              hit: () => graphqlHit(baseline.url, NODE_HUHANG, { id: enterprise }, admin),
            },
          ]
        : []),
      {
        server: peer,
        call: async () => ({
          node: ((await graphql(peer.url, NODE_PEER, { id: enterpriseId })) as { enterpriseByRowId: unknown }).enterpriseByRowId,
        }),
        hit: () => graphqlHit(peer.url, NODE_PEER, { id: enterpriseId }),
      },
      { server: hand, call: () => getJson(`${hand.url}/node?id=${enterpriseId}`), hit: () => get(hand, `/node?id=${enterpriseId}`) },
    ];
    const listOf = (server: Started, token: () => string, label?: string): Caller => ({
      server,
      call: async () =>
        sameTimes(
          ((await graphql(server.url, LIST_HUHANG, { park, ...MONTH }, token())) as { serviceRequests: { nodes: ListedRequest[] } })
            .serviceRequests.nodes,
        ),
      hit: () => graphqlHit(server.url, LIST_HUHANG, { park, ...MONTH }, token()),
      label,
    });
    const listCalls: Caller[] = [
      listOf(huhang, () => admin),
      ...(baseline ? [listOf(baseline, () => admin)] : []),
      {
        server: peer,
        call: async () => {
          const data = (await graphql(peer.url, LIST_PEER, { park: parkId, ...MONTH })) as {
            benchParkRequests: {
              nodes: Array<
                Omit<ListedRequest, 'enterprise' | 'assignedUnit'> & {
                  enterpriseByEnterpriseId: { name: string };
                  policeUnitByAssignedUnitId: { name: string } | null;
                }
              >;
            };
          };
          return sameTimes(
            data.benchParkRequests.nodes.map(({ enterpriseByEnterpriseId, policeUnitByAssignedUnitId, ...rest }) => ({
              ...rest,
              enterprise: enterpriseByEnterpriseId,
              assignedUnit: policeUnitByAssignedUnitId,
            })),
          );
        },
        hit: () => graphqlHit(peer.url, LIST_PEER, { park: parkId, ...MONTH }),
      },
      {
        server: hand,
        call: async () => {
          const query = new URLSearchParams({ id: String(parkId), ...MONTH });
          return sameTimes(
            ((await getJson(`${hand.url}/list?${query}`)) as { serviceRequests: { nodes: ListedRequest[] } }).serviceRequests.nodes,
          );
        },
        hit: () => get(hand, `/list?${new URLSearchParams({ id: String(parkId), ...MONTH })}`),
      },
    ];
    const listAsParkAdmin: Caller[] = [
      listOf(huhang, () => parkAdmin, 'Huhang as park admin'),
      ...(baseline ? [listOf(baseline, () => parkAdmin, 'Huhang baseline as park admin')] : []),
    ];
    const nestedOf = (server: Started, label: string): Caller => ({
      server,
      call: () => graphql(server.url, NESTED_HUHANG, { park }, parkAdmin),
      hit: () => graphqlHit(server.url, NESTED_HUHANG, { park }, parkAdmin),
      label,
    });
    const asParkAdmin: Caller[] = [
      nestedOf(huhang, 'Huhang as park admin'),
      ...(baseline ? [nestedOf(baseline, 'Huhang baseline as park admin')] : []),
    ];

    // The same data from all three (and from Huhang as the park's administrator) before any timing.
    for (const [name, calls] of [
      ['nested', [...nested, ...asParkAdmin]],
      ['filtered list', [...listCalls, ...listAsParkAdmin]],
      ['node(id:)', nodeCalls],
    ] as const) {
      const answers = await Promise.all(calls.map((c) => c.call()));
      for (const [i, answer] of answers.entries()) {
        if (!isDeepStrictEqual(answer, answers[0])) {
          throw new Error(
            `${name}: ${calls[i]!.label ?? calls[i]!.server.name} differs from Huhang:\n${JSON.stringify(answer).slice(0, 400)}\n${JSON.stringify(answers[0]).slice(0, 400)}`,
          );
        }
      }
      log(`[bench] ${name}: the same data from ${calls.length} callers`);
    }
    // A create mutation with an idempotency key; its baseline writes the same rows in one transaction.
    let written = 0;
    const visitInput = () => ({
      idempotencyKey: `bench-${randomUUID()}`,
      officerId: toGlobalId('Officer', pair.officerId),
      enterpriseId: toGlobalId('Enterprise', pair.enterpriseId),
      visitedOn: VISIT_DAY,
      activities: ['SAFETY_INSPECTION'],
      findings: 'bench',
    });
    const visitBy = (server: Started): Caller => ({
      server,
      call: async () => {
        written += 1;
        return graphql(server.url, RECORD_VISIT, { input: visitInput() }, admin);
      },
      hit: () => ({
        ...graphqlHit(server.url, RECORD_VISIT, null, admin),
        body: () => {
          written += 1;
          return JSON.stringify({ query: RECORD_VISIT, variables: { input: visitInput() } });
        },
      }),
    });
    const handVisit = () =>
      JSON.stringify({
        key: `bench-${randomUUID()}`,
        officerId: pair.officerId,
        enterpriseId: pair.enterpriseId,
        visitedOn: VISIT_DAY,
      });
    const writes: Caller[] = [
      visitBy(huhang),
      ...(baseline ? [visitBy(baseline)] : []),
      {
        server: hand,
        call: async () => {
          written += 1;
          const response = await fetch(`${hand.url}/visit`, { method: 'POST', body: handVisit() });
          if (!response.ok) throw new Error(`node:http visit: ${await response.text()}`);
          return response.json();
        },
        hit: () => ({
          url: hand.url,
          method: 'POST',
          path: '/visit',
          body: () => {
            written += 1;
            return handVisit();
          },
        }),
      },
    ];
    for (const { call } of writes) await call();
    log(`[bench] recordVisit: both writers wrote a visit`);

    scenarios.push({ name: 'nested', clients: 8, calls: [...nested, ...asParkAdmin] });
    scenarios.push({ name: 'nested', clients: 32, calls: nested });
    scenarios.push({ name: 'filtered list', clients: 8, calls: [...listCalls, ...listAsParkAdmin] });
    scenarios.push({ name: 'filtered list', clients: 32, calls: listCalls });
    scenarios.push({ name: 'node(id:)', clients: 8, calls: nodeCalls });
    scenarios.push({ name: 'recordVisit', clients: 8, calls: writes });

    if (ONLY) scenarios.splice(0, scenarios.length, ...scenarios.filter((scenario) => scenario.name.includes(ONLY)));
    const results = new Map<string, number[]>();
    /** Each caller's req/s in each round: how far the rounds of one run are apart. */
    const byRound = new Map<string, number[]>();
    const key = (scenario: (typeof scenarios)[number], label: string) => `${scenario.name} @${scenario.clients}|${label}`;
    // Unmeasured, before the first round: every server's code paths compiled by V8, its pools filled.
    log(`[bench] warming up (${WARM_UP_SECONDS} s per server and scenario, not measured)`);
    for (const scenario of scenarios) for (const { hit } of scenario.calls) await loadHttp(hit(), scenario.clients, WARM_UP_SECONDS, log);
    // Each server's RSS as its own last requests of the run stop (the servers stop at different times).
    const lastLoadRss = new Map<Started, number>();
    for (let round = 1; round <= ROUNDS; round++) {
      [admin, parkAdmin] = [await signIn('bench-admin'), await signIn('bench-park')];
      for (const scenario of scenarios) {
        // Each round starts with the next server, none always measured first; and every other round
        // goes the other way round, so that none is always measured after the same one (a rotation
        // alone keeps each server's predecessor).
        const shift = (round - 1) % scenario.calls.length;
        const rotated = [...scenario.calls.slice(shift), ...scenario.calls.slice(0, shift)];
        for (const { server, hit, label } of round % 2 === 0 ? rotated.reverse() : rotated) {
          const latencies = await loadHttp(hit(), scenario.clients, SECONDS, log);
          if (round === ROUNDS) lastLoadRss.set(server, rssMb(server.child));
          const k = key(scenario, label ?? server.name);
          results.set(k, [...(results.get(k) ?? []), ...latencies]);
          byRound.set(k, [...(byRound.get(k) ?? []), latencies.length / SECONDS]);
        }
      }
      log(`[bench] round ${round} of ${ROUNDS}`);
    }

    console.log('');
    const baselineColumn = baseline ? ' ÷ baseline |' : '';
    console.log(`| query | clients | server | req/s | by round | p50 ms | p99 ms | ÷ PostGraphile | ÷ node:http |${baselineColumn}`);
    console.log(`|---|---:|---|---:|---|---:|---:|---:|---:|${baseline ? '---:|' : ''}`);
    for (const scenario of scenarios) {
      const rate = (label: string) => (results.get(key(scenario, label))?.length ?? 0) / (ROUNDS * SECONDS);
      for (const { server, label } of scenario.calls) {
        const name = label ?? server.name;
        const sorted = [...(results.get(key(scenario, name)) ?? [])].sort((a, b) => a - b);
        const r = rate(name);
        const rounds = (byRound.get(key(scenario, name)) ?? []).map((value) => value.toFixed(0)).join(' ');
        // This build against the baseline build, for the same caller.
        const counterpart = name.replace(/^Huhang/, 'Huhang baseline');
        const versusBaseline = baseline ? ` ${server === huhang && rate(counterpart) ? (r / rate(counterpart)).toFixed(2) : '—'} |` : '';
        console.log(
          `| ${scenario.name} | ${scenario.clients} | ${name} | ${r.toFixed(0)} | ${rounds} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.99).toFixed(1)} | ${rate(peer.name) ? (r / rate(peer.name)).toFixed(2) : '—'} | ${(r / rate(hand.name)).toFixed(2)} |${versusBaseline}`,
        );
      }
    }
    console.log('');
    const memory = (which: 'now' | 'peak') => servers.map((s) => `${s.name} ${rssMb(s.child, which).toFixed(0)} MB`).join(', ');
    console.log(`RSS after the run: ${memory('now')}`);
    console.log(
      `RSS as each server's own last requests stopped: ${servers.map((s) => `${s.name} ${(lastLoadRss.get(s) ?? rssMb(s.child)).toFixed(0)} MB`).join(', ')}`,
    );
    console.log(`Peak RSS during the run: ${memory('peak')}`);
    let waited = 0;
    for (const seconds of SETTLE_SECONDS) {
      await new Promise((resolve) => setTimeout(resolve, (seconds - waited) * 1000));
      waited = seconds;
      console.log(`RSS after ${seconds} s with no requests: ${memory('now')}`);
    }
    console.log(`${ROUNDS} interleaved rounds of ${SECONDS} s per server and scenario; ${written} visits written`);
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
