import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Context } from './access/context';
import { LoaderRegistry } from './shared/pagination/loaders';
import type { Actor } from './shared/audit/audit';
import { assertWritable } from './access/write-check';
import { PersonalReads } from './shared/auth/personal-reads';
import { Viewer } from './access/viewer';
import { scopeEntityManager } from './shared/db/scope-filter';
import { raiseDataVersions, type DataVersions } from './access/data-versions';
import { programsOf } from './access/location';
import type { Role } from './shared/auth/role';
import type { ReplicaReads } from './shared/db/replicas';

/** What the HTTP layer knows of a request. */
export interface RequestInfo {
  clientAddress?: string | null;
  requestId?: string | null;
  /** The roles that must sign in with two factors; none when not given. */
  twoFactorRoles?: ReadonlySet<Role>;
  /** Filled in with the operation, its outcome and the database it read, for the request log and metrics. */
  report?: { operation?: string; outcome?: string; database?: 'primary' | 'replica' };
  /** With read replicas: the writers' WAL positions (replicas.ts). */
  replicaReads?: ReplicaReads;
}

/**
 * The context of one request. `versions`, the server's data versions, learns after each committed
 * mutation which programs' data it changed.
 */
export function createContext(
  orm: MikroORM<PostgreSqlDriver>,
  request: RequestInfo = {},
  viewer: Viewer = Viewer.anonymous(),
  versions?: DataVersions,
): Context {
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
    twoFactorRoles: request.twoFactorRoles ?? new Set(),
    report: request.report,
    replicaReads: request.replicaReads,
    authorize: (em, changes, phase) => assertWritable(em, viewer, changes, phase),
    ...dataVersionTracking(versions),
  };
}

/** Notes the programs a mutation writes to, raises their data versions in its transaction, and tells `versions` after the commit. */
function dataVersionTracking(versions?: DataVersions): Pick<Context, 'changed' | 'committed'> {
  const touched = new Set<number>();
  return {
    changed: async (em, changes, phase) => {
      for (const id of await programsOf(em, changes, phase)) touched.add(id);
      if (phase === 'after') await raiseDataVersions(em, [...touched]);
    },
    committed: () => {
      versions?.bumped(touched);
      touched.clear();
    },
  };
}
