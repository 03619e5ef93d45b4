import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { LoaderRegistry } from './shared/pagination/loaders';
import type { Actor, RecordChange } from './shared/audit/audit';
import { assertWritable } from './accounts/write-check';
import { PersonalReads } from './shared/auth/personal-reads';
import { Viewer } from './access/viewer';
import { scopeEntityManager } from './shared/db/scope-filter';

/** Everything a resolver may use for one request, made in one place. */
export interface Context {
  /** A fork of the ORM's EntityManager, scoped to what the viewer may read: its own identity map and the ORM's batching of references. */
  em: EntityManager;
  /** DataLoaders for nested lists, counts and other batched lookups of this request. */
  loaders: LoaderRegistry;
  /** Who is asking: their role and the parks and programs they may read and write. */
  viewer: Viewer;
  /** Who is asking, for the audit trail. */
  actor: Actor;
  /** Personal data shown in this request's answer, appended to the audit trail when it is sent. */
  personalReads: PersonalReads;
  /** Refuses a mutation that changes rows outside what the viewer may write (see `runMutation`). */
  authorize(em: EntityManager, changes: RecordChange[], phase: 'before' | 'after'): Promise<void>;
}

/** What the HTTP layer knows of a request. */
export interface RequestInfo {
  clientAddress?: string | null;
  requestId?: string | null;
}

export function createContext(orm: MikroORM<PostgreSqlDriver>, request: RequestInfo = {}, viewer: Viewer = Viewer.anonymous()): Context {
  const actor: Actor =
    viewer.kind === 'USER'
      ? { type: 'USER', id: viewer.grants.userId, name: viewer.grants.username, clientAddress: null, requestId: null }
      : viewer.kind === 'KEY'
        ? { type: 'KEY', id: viewer.grants.keyId, name: viewer.grants.keyName, clientAddress: null, requestId: null }
        : { type: 'ANONYMOUS', id: null, name: null, clientAddress: null, requestId: null };
  actor.clientAddress = request.clientAddress ?? null;
  actor.requestId = request.requestId ?? null;
  return {
    em: scopeEntityManager(orm.em.fork(), viewer),
    loaders: new LoaderRegistry(),
    viewer,
    actor,
    personalReads: new PersonalReads(),
    authorize: (em, changes, phase) => assertWritable(em, viewer, changes, phase),
  };
}
