import { DEFAULT_LIMITS, type QueryLimits } from '../shared/graphql/limits';
import type { RateLimit } from '../shared/http/rate-limit';
import { DEFAULT_PUBLIC_CACHE, type PublicCacheOptions } from './public-cache';
import { SettingError } from '../shared/errors/setting-error';

/** Every limit a request meets, as the environment sets it; the README lists them. */
export interface ServerLimits {
  rateLimit: RateLimit;
  maxBodyBytes: number;
  limits: QueryLimits;
  publicCache: PublicCacheOptions;
  /** POST /import: the largest file, in bytes, and the most rows one import takes. */
  importFile: { maxBytes: number; maxRows: number };
}

export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 600, windowSeconds: 60 };
export const DEFAULT_MAX_BODY_BYTES = 1_000_000;
export const DEFAULT_IMPORT_FILE = { maxBytes: 20_000_000, maxRows: 20_000 };

/** Environment variables of the limits, with what each sets. */
export const LIMIT_VARIABLES = {
  HUHANG_RATE_LIMIT: 'requests per client (user, embed key or address) per minute',
  HUHANG_MAX_BODY_BYTES: 'largest request body, in bytes',
  HUHANG_QUERY_DEPTH: 'deepest selection nesting',
  HUHANG_QUERY_ALIASES: 'aliased fields in one document',
  HUHANG_QUERY_DIRECTIVES: 'directives in one document',
  HUHANG_QUERY_COST: 'estimated cost of one document (fields times page sizes)',
  HUHANG_QUERY_TOKENS: 'tokens the parser reads',
  HUHANG_PUBLIC_CACHE_SECONDS: 'seconds a public answer is served from the cache at most, when nothing was written',
  HUHANG_PUBLIC_CACHE_ENTRIES: 'public answers kept in the cache at most',
  HUHANG_IMPORT_MAX_BYTES: 'largest spreadsheet POST /import takes, in bytes',
  HUHANG_IMPORT_MAX_ROWS: 'most rows one import takes',
} as const;

export type Env = Partial<Record<string, string | undefined>>;

interface WholeNumberRange {
  /** when unset or empty */
  fallback: number;
  least: number;
  most: number;
  /** what the number counts, for the message: `seconds` */
  unit?: string;
}

function refuse(name: string, text: string, range: WholeNumberRange, orOff: boolean): never {
  const unit = range.unit ? ` of ${range.unit}` : '';
  throw new SettingError(
    `${name} must be a whole number${unit} from ${range.least} to ${range.most}${orOff ? ', or off' : ''}; it is "${text}"`,
  );
}

/** Decimal digits alone: not `1e3`, `0x10`, ` 7` or `2.0`, which `Number` would take. */
function digits(text: string): number | undefined {
  const value = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(value) ? value : undefined;
}

function parseWhole(text: string, range: WholeNumberRange): number | undefined {
  const value = digits(text);
  return value !== undefined && value >= range.least && value <= range.most ? value : undefined;
}

/**
 * A setting that is a whole number from `least` to `most`; `fallback` when unset or empty. Anything
 * else stops the server with a message naming the variable.
 */
export function wholeNumber(env: Env, name: string, range: WholeNumberRange): number {
  const text = env[name];
  if (text === undefined || text === '') return range.fallback;
  return parseWhole(text, range) ?? refuse(name, text, range, false);
}

/** As `wholeNumber`, and `off` (then `null`) as well. */
export function wholeNumberOrOff(env: Env, name: string, range: WholeNumberRange): number | null {
  const text = env[name];
  if (text === 'off') return null;
  if (text === undefined || text === '') return range.fallback;
  return parseWhole(text, range) ?? refuse(name, text, range, true);
}

function positiveInteger(env: Env, name: keyof typeof LIMIT_VARIABLES, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = digits(text);
  if (value === undefined || value < 1) {
    throw new SettingError(`${name} must be a whole number of at least 1 (${LIMIT_VARIABLES[name]}); it is "${text}"`);
  }
  return value;
}

/** The server's limits from `env` (process.env by default), the defaults where a variable is unset. */
export function limitsFromEnvironment(env: Env = process.env): ServerLimits {
  return {
    rateLimit: { requests: positiveInteger(env, 'HUHANG_RATE_LIMIT', DEFAULT_RATE_LIMIT.requests), windowSeconds: 60 },
    maxBodyBytes: positiveInteger(env, 'HUHANG_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    limits: {
      depth: positiveInteger(env, 'HUHANG_QUERY_DEPTH', DEFAULT_LIMITS.depth),
      aliases: positiveInteger(env, 'HUHANG_QUERY_ALIASES', DEFAULT_LIMITS.aliases),
      directives: positiveInteger(env, 'HUHANG_QUERY_DIRECTIVES', DEFAULT_LIMITS.directives),
      cost: positiveInteger(env, 'HUHANG_QUERY_COST', DEFAULT_LIMITS.cost),
      tokens: positiveInteger(env, 'HUHANG_QUERY_TOKENS', DEFAULT_LIMITS.tokens),
    },
    publicCache: {
      seconds: positiveInteger(env, 'HUHANG_PUBLIC_CACHE_SECONDS', DEFAULT_PUBLIC_CACHE.seconds),
      entries: positiveInteger(env, 'HUHANG_PUBLIC_CACHE_ENTRIES', DEFAULT_PUBLIC_CACHE.entries),
    },
    importFile: {
      maxBytes: positiveInteger(env, 'HUHANG_IMPORT_MAX_BYTES', DEFAULT_IMPORT_FILE.maxBytes),
      maxRows: positiveInteger(env, 'HUHANG_IMPORT_MAX_ROWS', DEFAULT_IMPORT_FILE.maxRows),
    },
  };
}
