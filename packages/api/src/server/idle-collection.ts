import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { routeOf } from './observability';

/**
 * How long the server waits with no request before it collects its garbage and gives back the
 * memory the last busy spell took. V8 returns the unused part of its young generation (up to 32 MB)
 * only when it sees a low allocation rate over its last 5 s, so a wait shorter than about 6 s keeps
 * it; 10 s brought the API from about 170 MB to 115 MB after a read load (docs/PERFORMANCE.md).
 */
export const DEFAULT_IDLE_COLLECTION_SECONDS = 10;

/** HUHANG_IDLE_GC_SECONDS: a whole number of seconds from 1 to 3600, or `off`. */
export function idleCollectionSeconds(env: Partial<Record<string, string | undefined>> = process.env): number | null {
  const text = env.HUHANG_IDLE_GC_SECONDS;
  if (text === undefined || text === '') return DEFAULT_IDLE_COLLECTION_SECONDS;
  if (text === 'off') return null;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1 || value > 3600) {
    throw new Error(`HUHANG_IDLE_GC_SECONDS must be a whole number of seconds from 1 to 3600, or off; it is "${text}"`);
  }
  return value;
}

/** One collection after a lull: how long it took and the heap before and after, in bytes. */
export interface IdleCollection {
  ms: number;
  heapBefore: number;
  heapAfter: number;
  youngBefore: number;
  youngAfter: number;
}

type Collect = () => void;

/**
 * V8's full collection, without `--expose-gc` on the command line: the flag is turned on only for
 * the moment a new context is made, so no code the server loads sees a global `gc`.
 */
function fullCollection(): Collect {
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
 * first collection of a lull closes the busy spell's account; the second, this long after it, sees
 * only the lull.
 */
const SECOND_COLLECTION_AFTER_MS = 6_000;

/**
 * Once `seconds` have passed with no request in flight and none arriving (health checks and
 * /metrics aside), runs a full garbage collection, and another 6 s later if the lull lasts, then
 * waits for the next request. Nothing runs while a request is in flight, or in a lull with no
 * requests before it (but the first, after the server started). Returns the function that stops
 * watching.
 */
export function collectWhenIdle(http: Server, seconds: number, onCollected?: (collection: IdleCollection) => void): () => void {
  const collect = fullCollection();
  const wait = seconds * 1000;
  let inFlight = 0;
  let lastActivity = 0;
  // Collections still due in this lull: 2 after a request, 0 once both have run.
  let due = 0;
  let timer: NodeJS.Timeout | null = null;

  const schedule = (delay: number) => {
    timer = setTimeout(check, delay);
    // A lull never keeps the process alive.
    timer.unref();
  };
  const check = () => {
    timer = null;
    if (inFlight > 0 || due === 0) return;
    const quiet = performance.now() - lastActivity;
    if (quiet < wait) return schedule(wait - quiet);
    const before = heapBytes();
    const started = performance.now();
    collect();
    const ms = performance.now() - started;
    const after = heapBytes();
    due -= 1;
    if (due > 0) schedule(SECOND_COLLECTION_AFTER_MS);
    onCollected?.({ ms, heapBefore: before.heap, heapAfter: after.heap, youngBefore: before.young, youngAfter: after.young });
  };
  const settled = () => {
    inFlight -= 1;
    lastActivity = performance.now();
    if (inFlight > 0) return;
    due = 2;
    // A timer already set looks at the time of the last request when it fires.
    if (!timer) schedule(wait);
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
  due = 2;
  schedule(wait);
  return () => {
    http.off('request', arrived);
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
