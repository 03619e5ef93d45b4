import type { EntityManager } from '@mikro-orm/postgresql';
import type { LoaderRegistry } from '../shared/pagination/loaders';
import type { Actor, RecordChange } from '../shared/audit/audit';
import type { PersonalReads } from '../shared/auth/personal-reads';
import type { Viewer } from './viewer';
import type { Role } from '../shared/auth/role';
import type { ReplicaReads } from '../shared/db/replicas';
import type { SqlStatement } from '../shared/db/sql-literal';
import type { CommitTail } from './request-transaction';

/** Everything a resolver may use for one request; made in one place, `createContext` (src/context.ts). */
export interface Context {
  /** A fork of the ORM's EntityManager, scoped to what the viewer may read: its own identity map and the ORM's batching of references. */
  em: EntityManager;
  /** Whether `em` has been made yet (it is made on first use); absent where it always exists. */
  hasEntityManager?(): boolean;
  /** The ORM's root EntityManager, for a connection of the primary's pool only (no entity work): a read answered by one statement needs no fork. */
  rootEntityManager?: EntityManager;
  /** DataLoaders for nested lists, counts and other batched lookups of this request. */
  loaders: LoaderRegistry;
  /** Who is asking: their role and the parks and programs they may read and write. */
  viewer: Viewer;
  /** Who is asking, for the audit trail. */
  actor: Actor;
  /** The roles that must sign in with two factors (HUHANG_TWO_FACTOR_ROLES). */
  twoFactorRoles: ReadonlySet<Role>;
  /** The key that signs access tokens, as the server holds it (absent outside a server: read from the database). */
  signingKey?: Uint8Array;
  /** Personal data shown in this request's answer, appended to the audit trail when it is sent. */
  personalReads: PersonalReads;
  /** Refuses a mutation that changes rows outside what the viewer may write (see `runMutation`). */
  authorize(em: EntityManager, changes: RecordChange[], phase: 'before' | 'after'): Promise<void>;
  /** Notes what data a mutation changes, in its transaction (see `runMutation`). */
  changed?(em: EntityManager, changes: RecordChange[], phase: 'before' | 'after'): Promise<void>;
  /** The statement that raises the data versions of the programs `changed` saw, to run in the mutation's transaction. */
  raiseDataVersions?(): SqlStatement | null;
  /** Runs once a mutation has committed. */
  committed?(): void;
  /** Where a mutation's last writes wait for the request's COMMIT; null outside a request's transaction (request-transaction.ts). */
  commitTail?(): CommitTail | null;
  /** What the request log and metrics say of this request: its operation, how it ended, which database it read. */
  report?: { operation?: string; outcome?: string; database?: 'primary' | 'replica'; plan?: 'one-statement' | 'resolvers' };
  /** With read replicas: where each writer's last write reached, so that it reads it back (replicas.ts). */
  replicaReads?: ReplicaReads;
}
