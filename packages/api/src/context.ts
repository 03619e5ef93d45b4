import type { MikroORM } from '@mikro-orm/core';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { Context } from './access/context';
import { LoaderRegistry } from './shared/pagination/loaders';
import type { Actor } from './shared/audit/audit';
import { assertWritable } from './access/write-check';
import { PersonalReads } from './shared/auth/personal-reads';
import { Viewer } from './access/viewer';
import { scopeEntityManager } from './shared/db/scope-filter';
import { dataVersionsRaise, type DataVersions } from './access/data-versions';
import { commitTailOf } from './access/request-transaction';
import { programsOf, programsOfRowsSql, rowsAt } from './access/location';
import type { Role } from './shared/auth/role';
import type { ReplicaReads } from './shared/db/replicas';

/** What the HTTP layer knows of a request. */
export interface RequestInfo {
  clientAddress?: string | null;
  requestId?: string | null;
  /** The roles that must sign in with two factors; none when not given. */
  twoFactorRoles?: ReadonlySet<Role>;
  /** The key that signs access tokens, as the server holds it; without it a sign-in reads it from the database. */
  signingKey?: Uint8Array;
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
  const fields: Omit<Context, LazyFields> = {
    loaders: new LoaderRegistry(),
    viewer,
    actor,
    personalReads: new PersonalReads(),
    twoFactorRoles: request.twoFactorRoles ?? new Set(),
    signingKey: request.signingKey,
    report: request.report,
    replicaReads: request.replicaReads,
    authorize: (em, changes, phase) => assertWritable(em, viewer, changes, phase),
    ...dataVersionTracking(versions),
    commitTail: () => commitTailOf(context),
  };
  const context: Context = Object.assign(new LazyEntityManager({ orm, viewer, em: null }), fields);
  return context;
}

type LazyFields = 'em' | 'hasEntityManager' | 'rootEntityManager';

/**
 * A request's EntityManager, made on first use: a query answered by one statement needs none. The
 * getter sits on the prototype, which Apollo keeps when it copies the context (Object.assign onto
 * Object.create(prototype)); a getter of the object itself would be run by that copy. `made` is
 * shared with the copy, so both see one EntityManager.
 */
class LazyEntityManager implements Pick<Context, LazyFields> {
  constructor(private readonly made: { orm: MikroORM<PostgreSqlDriver>; viewer: Viewer; em: Context['em'] | null }) {}

  get em(): Context['em'] {
    const { made } = this;
    return (made.em ??= scopeEntityManager(made.orm.em.fork(), (entity) => made.viewer.readScope(entity)));
  }

  hasEntityManager(): boolean {
    return this.made.em !== null;
  }

  get rootEntityManager(): Context['em'] {
    return this.made.orm.em;
  }
}

/**
 * Notes the programs a mutation writes to, gives the statement that raises their data versions in its
 * transaction, and tells `versions` after the commit. Where rows lie after the flush is read by that
 * statement itself, not by a query of its own.
 */
function dataVersionTracking(versions?: DataVersions): Pick<Context, 'changed' | 'raiseDataVersions' | 'committed'> {
  const touched = new Map<number, number>();
  /** What the mutation under way writes to (a refused one's may be raised with the next: an extra raise costs one cache miss). */
  const pending = new Set<number>();
  let pendingRows = new Map<string, number[]>();
  return {
    changed: async (em, changes, phase) => {
      if (phase === 'after') {
        for (const [entity, ids] of rowsAt(changes, 'after'))
          pendingRows.set(entity, [...new Set([...(pendingRows.get(entity) ?? []), ...ids])]);
        return;
      }
      for (const id of await programsOf(em, changes, phase)) pending.add(id);
    },
    raiseDataVersions: () => {
      const statement = dataVersionsRaise([...pending], programsOfRowsSql(pendingRows));
      pending.clear();
      pendingRows = new Map();
      if (!statement) return null;
      return { ...statement, returned: (rows) => rows.forEach((row) => touched.set(Number(row.program_id), Number(row.version))) };
    },
    committed: () => {
      versions?.committed(touched);
      touched.clear();
    },
  };
}
