import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { routeOf } from './observability';
import { wholeNumberOrOff, type Env } from './settings';

/**
 * How long the server waits with no request before it collects its young generation and gives back
 * the memory the last busy spell took there. V8 returns the unused part of its young generation (up
 * to 32 MB) only when it sees a low allocation rate over its last 5 s, so a wait shorter than about
 * 6 s keeps it (docs/PERFORMANCE.md).
 */
export const DEFAULT_IDLE_COLLECTION_SECONDS = 10;

/**
 * How long the server waits with no request before it runs one full collection, which gives back
 * what the old generation grew by (about 20–30 MB after a load). Later than the young collections: a
 * full collection also discards the optimized code of functions whose objects it frees, and the
 * next requests run slower until V8 has compiled it again (visit bursts right after one ran at
 * 60–85 % of their rate, docs/PERFORMANCE.md).
 */
export const DEFAULT_IDLE_FULL_COLLECTION_SECONDS = 60;

/** One collection after a lull: which, when it began and how long it took, and the heap before and after, in bytes. */
export interface IdleCollection {
  kind: 'young' | 'full';
  /** When it began, in ms on `performance.now()`'s clock. */
  startedAt: number;
  ms: number;
  heapBefore: number;
  heapAfter: number;
  youngBefore: number;
  youngAfter: number;
}

/** After how many seconds of a lull each collection runs; `null` runs none of that kind. */
export interface IdleCollectionTimes {
  young: number | null;
  full: number | null;
}

/**
 * HUHANG_IDLE_GC_SECONDS (young collections; 1 to 3600) and HUHANG_IDLE_FULL_GC_SECONDS (the full
 * one; 1 to 86400): whole numbers of seconds, or `off`. Either refused stops the server.
 */
export function idleCollectionTimes(env: Env = process.env): IdleCollectionTimes {
  const seconds = (name: string, fallback: number, most: number) =>
    wholeNumberOrOff(env, name, { fallback, least: 1, most, unit: 'seconds' });
  return {
    young: seconds('HUHANG_IDLE_GC_SECONDS', DEFAULT_IDLE_COLLECTION_SECONDS, 3600),
    full: seconds('HUHANG_IDLE_FULL_GC_SECONDS', DEFAULT_IDLE_FULL_COLLECTION_SECONDS, 86400),
  };
}

type Collect = (options?: { type: 'minor' }) => void;

/**
 * V8's collector, without `--expose-gc` on the command line: the flag is turned on only for the
 * moment a new context is made, so no code the server loads sees a global `gc`.
 */
function collector(): Collect {
  const exposed = (globalThis as { gc?: Collect }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  try {
    return runInNewContext('gc') as Collect;
  } finally {
    setFlagsFromString('--no-expose-gc');
  }
}

function heapBytes(): { heap: number; young: number } {
  let heap = 0;
  let young = 0;
  for (const space of getHeapSpaceStatistics()) {
    heap += space.space_size;
    if (space.space_name === 'new_space') young = space.space_size;
  }
  return { heap, young };
}

/**
 * V8 sizes its young generation from the allocation rate it saw over its last 5 s of collections:
 * a collection that follows 5 s without allocation returns the young generation's unused pages. The
 * first young collection of a lull closes the busy spell's account; the second, this much later into
 * the lull, sees only the lull.
 */
const SECOND_COLLECTION_AFTER_MS = 6_000;

interface Step {
  /** ms into the lull */
  at: number;
  kind: IdleCollection['kind'];
}

/**
 * In a lull (no request in flight and none arriving; health checks and /metrics aside): after
 * `times.young` seconds a young-generation collection, and another at `times.young` + 6 s; after
 * `times.full` seconds one full collection. Every step counts from the start of the lull, so one run
 * late does not delay the next. A request ends the lull; the next lull starts the steps again. Nothing
 * runs while a request is in flight, or in a lull with no requests before it (but the first, after
 * the server started). Returns the function that stops watching.
 */
export function collectWhenIdle(http: Server, times: IdleCollectionTimes, onCollected?: (collection: IdleCollection) => void): () => void {
  // Both off: nothing to watch.
  if (times.young === null && times.full === null) return () => {};
  const collect = collector();
  const steps: Step[] = [];
  if (times.young !== null) {
    steps.push({ at: times.young * 1000, kind: 'young' }, { at: times.young * 1000 + SECOND_COLLECTION_AFTER_MS, kind: 'young' });
  }
  if (times.full !== null) steps.push({ at: times.full * 1000, kind: 'full' });
  steps.sort((a, b) => a.at - b.at);
  let inFlight = 0;
  let lastActivity = 0;
  // The steps of this lull not run yet.
  let due: Step[] = [];
  let timer: NodeJS.Timeout | null = null;

  const schedule = (delay: number) => {
    timer = setTimeout(check, delay);
    // A lull never keeps the process alive.
    timer.unref();
  };
  const check = () => {
    timer = null;
    const next = due[0];
    if (inFlight > 0 || !next) return;
    const quiet = performance.now() - lastActivity;
    if (quiet < next.at) return schedule(next.at - quiet);
    const before = heapBytes();
    const started = performance.now();
    // V8's `gc()` without options is its full collection; `{ type: 'major' }` frees less.
    if (next.kind === 'young') collect({ type: 'minor' });
    else collect();
    const ms = performance.now() - started;
    const after = heapBytes();
    due.shift();
    if (due.length > 0) schedule(Math.max(0, due[0]!.at - (performance.now() - lastActivity)));
    onCollected?.({
      kind: next.kind,
      startedAt: started,
      ms,
      heapBefore: before.heap,
      heapAfter: after.heap,
      youngBefore: before.young,
      youngAfter: after.young,
    });
  };
  const lullBegins = () => {
    due = [...steps];
    // A timer already set looks at the time of the last request when it fires.
    if (!timer && due.length > 0) schedule(due[0]!.at);
  };
  const settled = () => {
    inFlight -= 1;
    lastActivity = performance.now();
    if (inFlight === 0) lullBegins();
  };
  const arrived = (request: IncomingMessage, response: ServerResponse) => {
    // A scraper's or a load balancer's checks every few seconds are not work that leaves garbage.
    const route = routeOf((request.url ?? '/').split('?')[0]!);
    if (route === 'health' || route === 'metrics') return;
    inFlight += 1;
    lastActivity = performance.now();
    response.once('close', settled);
  };
  http.on('request', arrived);
  // Starting leaves garbage too (the schema, the ORM's metadata): the first lull begins now.
  lastActivity = performance.now();
  lullBegins();
  return () => {
    http.off('request', arrived);
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
