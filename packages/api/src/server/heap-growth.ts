import { setFlagsFromString } from 'node:v8';
import { wholeNumberOrOff, type Env } from './settings';

/**
 * How far V8 lets the old generation grow past what the last full collection kept before it
 * collects again, in percent. V8's own factor grows with the allocation rate, up to 4×: under
 * load the API keeps about 45 MB and let its heap reach 150–190 MB between full collections, and
 * the process's resident memory followed (about 300–330 MB at its peak). At 50 % the collections
 * come more often and cost about as much each (marking runs beside the program): in bench:api the
 * peak fell to about 240 MB, below PostGraphile's, with requests per second unchanged. 25 % kept
 * the peak near 230 MB but cost 4–11 % of the read throughput (docs/PERFORMANCE.md).
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** HUHANG_HEAP_GROWING_PERCENT: a whole number from 5 to 300, or `off` for V8's own factor. */
export function heapGrowingPercent(env: Env = process.env): number | null {
  return wholeNumberOrOff(env, 'HUHANG_HEAP_GROWING_PERCENT', { fallback: DEFAULT_HEAP_GROWING_PERCENT, least: 5, most: 300 });
}

/**
 * Sets V8's heap growing factor for this process. V8 reads the setting at every full collection,
 * so it holds from the first one after this call; the command line does not carry it
 * (`NODE_OPTIONS` refuses the flag), and the server is started as `node dist/main.js`.
 */
export function applyHeapGrowth(env: Env = process.env): number | null {
  const percent = heapGrowingPercent(env);
  if (percent !== null) setFlagsFromString(`--heap-growing-percent=${percent}`);
  return percent;
}
