import { createHash } from 'node:crypto';
import type { Viewer } from '../access/viewer';
import type { DataVersions } from '../access/data-versions';
import { todayInShanghai } from '../shared/time/calendar';

/** One cached answer: the body as sent, its ETag, and when it stops being served. */
interface Entry {
  body: string;
  etag: string;
  expires: number;
}

export interface PublicCacheOptions {
  /** How long an answer is served at most, even without a write: figures "to date" move with the clock. */
  seconds: number;
  /** Answers kept at most; the oldest go first. */
  entries: number;
}

export const DEFAULT_PUBLIC_CACHE: PublicCacheOptions = { seconds: 60, entries: 5_000 };

/**
 * Answers of public requests (an embed key's), kept under everything that decides them: the key (its
 * program, parks and disclosure), the request (document or persisted id, variables), the day, and the
 * data version of the key's program. A committed write raises that version, so the next request
 * computes the answer again; until then a page view costs no database statement.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly versions: DataVersions,
    private readonly options: PublicCacheOptions = DEFAULT_PUBLIC_CACHE,
    /** Whether other processes' writes are heard now; while not, nothing is served from the cache. */
    private readonly hearing: () => boolean = () => true,
  ) {}

  /** The cache key of a request, or null when its answer is not shared (not an embed key's, or a mutation). */
  keyFor(viewer: Viewer, method: string, search: string, body: unknown): string | null {
    if (viewer.kind !== 'KEY' || !this.hearing()) return null;
    const request = method === 'GET' ? search : JSON.stringify(body);
    // Keys are read-only, but a mutation is never served from here.
    if (/\bmutation\b/.test(request)) return null;
    return JSON.stringify([
      viewer.grants.keyId,
      this.versions.versionsOf(viewer.grants.programIds),
      todayInShanghai(),
      method === 'GET' ? 'GET' : 'POST',
      request,
    ]);
  }

  get(key: string, now = Date.now()): Entry | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expires <= now) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  /** Keeps a successful answer; answers with errors are never kept. */
  set(key: string, body: string, now = Date.now()): Entry | null {
    if (!isCleanAnswer(body)) return null;
    const entry = {
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      expires: now + this.options.seconds * 1000,
    };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.options.entries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }
}

function isCleanAnswer(body: string): boolean {
  try {
    const answer = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return answer.data !== undefined && answer.data !== null && answer.errors === undefined;
  } catch {
    return false;
  }
}

/** An ETag list (`If-None-Match`) that names `etag`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}
