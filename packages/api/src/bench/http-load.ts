import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../shared/db/database';

/**
 * The load of the benchmarks: autocannon (bench/load, installed there on first use, outside the
 * workspace), which keeps `clients` connections busy with one request after another. A loop of
 * `fetch` calls costs the benchmark's own process about 0.3 ms of CPU a request: on two cores it
 * then limits every server alike, and the ratios between them tend to 1 (docs/decisions/0017).
 */
const LOAD = join(repoRoot(), 'bench', 'load');

/** One request, sent again and again during a load. */
export interface Hit {
  /** The server, `http://host:port`. */
  url: string;
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  /** The body of every request, or a function that makes each one anew (a fresh idempotency key, say). */
  body?: string | (() => string);
  /** Whether an answer is right; every answer must be, or the load fails. A 2xx status is always checked. */
  ok?: (body: string) => boolean;
}

/** A GraphQL request's answer is right when it has data and no errors. */
export const graphqlOk = (body: string): boolean => body.startsWith('{"data":{') && !body.includes('"errors":');

/** A GraphQL POST with its variables, as a bearer of `token` when given. */
export function graphqlHit(url: string, query: string, variables: unknown, token?: string): Hit {
  return {
    url,
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
    ok: graphqlOk,
  };
}

interface Request {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Options {
  url: string;
  connections: number;
  duration: number;
  method: string;
  headers: Record<string, string>;
  body?: string;
  requests?: Array<{ setupRequest: (request: Request) => Request }>;
  verifyBody?: (body: string) => boolean;
}

interface Result {
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

interface Instance extends PromiseLike<Result> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, milliseconds: number) => void): void;
}

type Autocannon = (options: Options) => Instance;

let autocannon: Autocannon | null = null;

/** autocannon, installed from bench/load/package-lock.json on first use. */
function generator(log: (line: string) => void): Autocannon {
  if (autocannon) return autocannon;
  if (!existsSync(join(LOAD, 'node_modules', 'autocannon'))) {
    log('[bench] installing autocannon in bench/load (first use)');
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: LOAD, stdio: 'inherit' });
  }
  autocannon = createRequire(join(LOAD, 'package.json'))('autocannon') as Autocannon;
  return autocannon;
}

/**
 * `clients` connections, each sending `hit` again as soon as its answer is in, for `seconds`: the
 * latency of every answer, in ms. Fails when any answer is not a 2xx, is not right, or does not come.
 */
export async function loadHttp(hit: Hit, clients: number, seconds: number, log: (line: string) => void = console.log): Promise<number[]> {
  const latencies: number[] = [];
  let wrong: string | null = null;
  const { body, ok } = hit;
  const instance = generator(log)({
    url: `${hit.url}${hit.path}`,
    connections: clients,
    duration: seconds,
    method: hit.method,
    headers: hit.headers ?? {},
    ...(typeof body === 'function'
      ? { requests: [{ setupRequest: (request: Request) => ({ ...request, body: body() }) }] }
      : body === undefined
        ? {}
        : { body }),
    ...(ok && {
      verifyBody: (answer: string) => {
        if (ok(answer)) return true;
        wrong ??= answer.slice(0, 300);
        return false;
      },
    }),
  });
  instance.on('response', (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  const result = await instance;
  if (result.errors || result.timeouts || result.non2xx || result.mismatches) {
    throw new Error(
      `${hit.method} ${hit.url}${hit.path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} answers not 2xx, ` +
        `${result.mismatches} wrong answers in ${latencies.length}${wrong ? `; the first wrong one: ${wrong}` : ''}`,
    );
  }
  return latencies;
}
