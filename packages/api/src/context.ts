import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Context } from './access/context';
import { LoaderRegistry } from './shared/pagination/loaders';
import type { Actor } from './shared/audit/audit';
import { assertWritable } from './access/write-check';
import { PersonalReads } from './shared/auth/personal-reads';
import { Viewer } from './access/viewer';
import { scopeEntityManager } from './shared/db/scope-filter';

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
    em: scopeEntityManager(orm.em.fork(), (entity) => viewer.readScope(entity)),
    loaders: new LoaderRegistry(),
    viewer,
    actor,
    personalReads: new PersonalReads(),
    authorize: (em, changes, phase) => assertWritable(em, viewer, changes, phase),
  };
}
