import { InMemoryLRUCache, type KeyValueCache, type KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
// The public operations only, not the typed documents of every operation that the package's index holds.
import { PERSISTED_OPERATIONS as PUBLIC_PERSISTED_OPERATIONS } from '@huhang/schema/public-persisted';

/** Apollo's key for a persisted query's document. */
const APQ = 'apq:';

/**
 * Apollo's persisted-query store with the public widgets' operations registered at build time
 * (`packages/schema/operations/public.graphql`, by the SHA-256 of each document): a widget asks by
 * GET with the id alone, and the answer can be cached by browsers and a CDN. Other clients may still
 * register their own, which are kept in a bounded LRU.
 */
export class PersistedOperations implements KeyValueCache<string> {
  private readonly registered = new Map(Object.entries(PUBLIC_PERSISTED_OPERATIONS).map(([id, operation]) => [id, operation.document]));

  constructor(private readonly others: KeyValueCache<string> = new InMemoryLRUCache<string>()) {}

  /** The ids of the public operations. */
  get publicIds(): string[] {
    return [...this.registered.keys()];
  }

  async get(key: string): Promise<string | undefined> {
    if (key.startsWith(APQ)) {
      const document = this.registered.get(key.slice(APQ.length));
      if (document) return document;
    }
    return this.others.get(key);
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    if (key.startsWith(APQ) && this.registered.has(key.slice(APQ.length))) return;
    await this.others.set(key, value, options);
  }

  async delete(key: string): Promise<boolean | void> {
    return this.others.delete(key);
  }
}
