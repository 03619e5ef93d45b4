import type Redis from 'ioredis';
import { POOL_HOOKS } from './one-at-a-time';

/** `DATABASE_REPLICA_URLS`: read replicas of the primary, comma-separated; none by default. */
export function replicaUrlsFromEnvironment(value = process.env.DATABASE_REPLICA_URLS): string[] {
  return (value ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/**
 * MikroORM's `replicas` option for these URLs: each replica gets the primary's session settings, and
 * a pool that gives up on a connection after 3 s (its queries then go to the primary).
 */
export function replicaOptions(
  urls: string[],
): Array<{ name: string; clientUrl: string; pool: { min: number; max: number; acquireTimeoutMillis: number } & typeof POOL_HOOKS }> {
  return urls.map((clientUrl, i) => ({
    name: `replica-${i + 1}`,
    clientUrl,
    pool: { min: 0, max: 10, acquireTimeoutMillis: 3000, ...POOL_HOOKS },
  }));
}

/** The ORM options of the API's ORM for DATABASE_REPLICA_URLS: its replicas, if any. */
export function replicaOverrides(urls = replicaUrlsFromEnvironment()): { replicas?: ReturnType<typeof replicaOptions> } {
  return urls.length ? { replicas: replicaOptions(urls) } : {};
}

/** After a replica fails, queries go to the primary for this long before a replica is tried again. */
const RETRY_REPLICAS_AFTER_MS = 5000;

/** How long a writer's reads wait for the replicas to have its write, at most (then they go to the primary). */
const REMEMBER_SECONDS = 60;
const MAX_ENTRIES = 100_000;

/**
 * Where queries read, with replicas. Read-your-writes: after a viewer's mutation commits, the primary's WAL position is
 * kept for that viewer (in this process, and in Redis when configured, so that every API process
 * knows). A later read of that viewer goes to a replica only if the replica has replayed that far;
 * otherwise to the primary. Other viewers are not held back. A replica that fails sends every query
 * to the primary for a few seconds, so that a replica that is down costs one failed attempt, not one per query.
 */
export class ReplicaReads {
  private readonly local = new Map<string, { lsn: string; until: number }>();
  private downUntil = 0;

  constructor(
    private readonly redis: Redis | null = null,
    /** Of every Redis key of the deployment (HUHANG_REDIS_PREFIX). */
    private readonly prefix = 'huhang',
  ) {}

  /** Whether queries may try a replica now (none failed in the last few seconds). */
  get usable(): boolean {
    return Date.now() >= this.downUntil;
  }

  /** A replica could not be used: the primary takes the queries for a few seconds. */
  failed(): void {
    this.downUntil = Date.now() + RETRY_REPLICAS_AFTER_MS;
  }

  async wrote(viewer: string, lsn: string): Promise<void> {
    this.local.delete(viewer);
    this.local.set(viewer, { lsn, until: Date.now() + REMEMBER_SECONDS * 1000 });
    if (this.local.size > MAX_ENTRIES) this.local.delete(this.local.keys().next().value as string);
    await this.redis?.set(`${this.prefix}:lsn:${viewer}`, lsn, 'EX', REMEMBER_SECONDS).catch(() => undefined);
  }

  /** The position the viewer's last write reached, if it was recent; null if none is known. */
  async of(viewer: string): Promise<string | null> {
    // Redis has the last write of any process; this process's own is the fallback while Redis is away.
    const shared = this.redis ? await this.redis.get(`${this.prefix}:lsn:${viewer}`).catch(() => null) : null;
    if (shared) return shared;
    const known = this.local.get(viewer);
    if (known && known.until > Date.now()) return known.lsn;
    if (known) this.local.delete(viewer);
    return null;
  }
}
