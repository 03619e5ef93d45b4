import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { LoaderRegistry } from './shared/pagination/loaders';
import { Disclosure } from './statistics/figure';
import type { Actor } from './shared/audit/audit';

/** Everything a resolver may use for one request, made in one place. */
export interface Context {
  /** A fork of the ORM's EntityManager: its own identity map and the ORM's batching of references. */
  em: EntityManager;
  /** DataLoaders for nested lists, counts and other batched lookups of this request. */
  loaders: LoaderRegistry;
  /** Who statistics are for: public figures hide small counts of sensitive cases. */
  disclosure: Disclosure;
  /** Who is asking, for the audit trail. */
  actor: Actor;
}

/** What the HTTP layer knows of a request. */
export interface RequestInfo {
  clientAddress?: string | null;
  requestId?: string | null;
}

export function createContext(orm: MikroORM<PostgreSqlDriver>, request: RequestInfo = {}): Context {
  return {
    em: orm.em.fork(),
    loaders: new LoaderRegistry(),
    disclosure: Disclosure.PUBLIC,
    actor: { type: 'ANONYMOUS', id: null, name: null, clientAddress: request.clientAddress ?? null, requestId: request.requestId ?? null },
  };
}
