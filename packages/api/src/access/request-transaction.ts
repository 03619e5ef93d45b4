import type { Knex } from '@mikro-orm/postgresql';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from './context';
import type { Viewer } from './viewer';
import { rowGrantsOf, rowGrantsStatement } from './row-security';
import { withLiterals, type CommitTail, type SqlStatement } from '../shared/db/sql-literal';
import { sendAhead, sendBeforeNextStatement, type PgConnection } from '../shared/db/next-statement';
import { donePrepare, noteConnection, asPrepared, type PendingPrepare } from '../shared/db/prepared';

type Transaction = Knex.Transaction;

/** How a request's transaction ended. */
export interface RequestEnd {
  /** Personal data was shown but its audit rows are not written: the answer must mask it. */
  maskPersonal: boolean;
  /** The transaction did not commit: nothing the request wrote was kept. */
  lost: boolean;
  /** A mutation committed a change to what a viewer may read (migration 2000's flag; true when it could not be told). */
  accessChanged: boolean;
}

/** Requests whose transaction runs on a read replica. */
const onReplica = new WeakSet<Context>();

/**
 * Statements that go out in the same message as a request transaction's COMMIT, by transaction: the
 * writes that take a lock every writer needs (the audit chain's tip, a program's data version) hold
 * it only while the transaction commits.
 */
const atCommit = new WeakMap<object, AtCommit>();

/** What goes out with a request transaction's COMMIT, and what came back. */
interface AtCommit {
  statements: string[];
  /** Statements to prepare on the connection before the COMMIT message, which executes them. */
  prepares: PendingPrepare[];
  /** Told the rows of the statement at the same place, after the commit. */
  returned: Array<SqlStatement['returned']>;
  /** Set when the transaction commits: whether it changed what a viewer may read. */
  accessChanged?: boolean;
  /** The operation is one mutation, which may use the transaction as its own (`claimWhole`). */
  whole: boolean;
  /** Its mutation failed: roll back at the end. */
  abandoned: boolean;
  /** The transaction's connection, once it has begun. */
  connection?: PgConnection;
}

/** Last before COMMIT in a mutation's message: whether an access table's trigger set the flag. */
const ACCESS_FLAG = `SELECT coalesce(current_setting('huhang.access_changed', true), '') = 'on' AS access_changed`;

export type { CommitTail };

export function commitTailOf(ctx: Context): CommitTail | null {
  const trx = ctx.em.getTransactionContext<Transaction>();
  const queue = trx ? atCommit.get(trx) : undefined;
  if (!queue) return null;
  return {
    claimWhole: () => {
      const whole = queue.whole;
      queue.whole = false;
      return whole;
    },
    abandon: () => {
      queue.abandoned = true;
    },
    push: (statements) => {
      for (const statement of statements) {
        if (statement.prepare && queue.connection) {
          const { text, prepare } = asPrepared(queue.connection, statement);
          if (prepare && !queue.prepares.some((pending) => pending.name === prepare.name)) queue.prepares.push(prepare);
          queue.statements.push(text);
        } else {
          queue.statements.push(withLiterals(statement));
        }
        queue.returned.push(statement.returned);
      }
    },
    withNextStatement: (statement) => {
      if (!queue.connection) throw new Error('the request transaction has no connection yet');
      return sendAhead(queue.connection, withLiterals(statement));
    },
  };
}

/**
 * Every GraphQL operation runs in one transaction of its own, on one connection, that starts by
 * telling the database who is asking (row-security.ts): the row-level security policies then hold
 * even where a query forgot the viewer's filter. A mutation's own transaction is a savepoint inside
 * it; what it wrote is committed, with the audit rows of the personal data the answer shows, before
 * the answer leaves. With read replicas (DATABASE_REPLICA_URLS), a signed-in viewer's query runs on a
 * replica unless the viewer wrote something the replica has not replayed yet, or the replica cannot
 * be reached.
 */
export async function beginRequest(ctx: Context, operation?: OperationDefinitionNode): Promise<void> {
  if (ctx.em.isInTransaction() || (operation && readsNoData(operation))) return;
  // An embed key's answers go into the public cache under the data versions the primary announced,
  // so they are computed on the primary: a lagging replica would have them kept stale until the next write.
  const replicaMayAnswer = operation?.operation === 'query' && ctx.viewer.kind !== 'KEY' && ctx.replicaReads?.usable;
  if (replicaMayAnswer && (await beginOnReplica(ctx))) {
    onReplica.add(ctx);
    if (ctx.report) ctx.report.database = 'replica';
    return;
  }
  if (ctx.report) ctx.report.database = 'primary';
  const queue: AtCommit = { statements: [], prepares: [], returned: [], whole: isOneMutation(operation), abandoned: false };
  const trx = await beginWithGrants(ctx.em.getConnection('write').getKnex(), rowGrantsStatement(rowGrantsOf(ctx.viewer)), queue);
  atCommit.set(trx, queue);
  if (queue.connection) noteConnection(trx, queue.connection);
  ctx.em.setTransactionContext(trx);
}

/** Rolls the request's transaction back and begins it again: after a statement that aborted it, for the resolvers to answer. */
export async function restartRequest(ctx: Context, operation: OperationDefinitionNode): Promise<void> {
  await rollback(ctx);
  onReplica.delete(ctx);
  await beginRequest(ctx, operation);
}

/** Knex clients whose transactions can send a first statement with their BEGIN. */
const patched = new WeakSet<object>();

interface KnexClient {
  transaction(container: unknown, config: Record<string, unknown> | undefined, outerTx?: unknown): KnexTransaction;
}
interface KnexTransaction {
  begin(connection: unknown): Promise<unknown>;
  commit(connection: unknown, value: unknown): Promise<unknown>;
  query(connection: unknown, sql: string): Promise<unknown>;
  // Knex's own (lib/execution/transaction.js): what its `query(conn, sql, status, value)` uses to settle a transaction.
  trxClient: { query(connection: unknown, sql: string): Promise<unknown> };
  _completed: boolean;
  _resolver(value: unknown): void;
  _rejecter(error: unknown): void;
}

/**
 * COMMIT after the queued statements, in one message. A statement that fails there skips the rest of
 * the message, COMMIT with it, and leaves the transaction aborted: it is rolled back before the
 * connection goes back to the pool, and the transaction ends with that error.
 */
async function commitAfter(trx: KnexTransaction, connection: unknown, tail: AtCommit, value: unknown): Promise<void> {
  let failure: unknown = null;
  try {
    for (const prepare of tail.prepares) {
      await trx.trxClient.query(connection, prepare.sql);
      donePrepare(connection as PgConnection, prepare);
    }
    const sent = await trx.trxClient.query(connection, [...tail.statements, 'COMMIT;'].join('; '));
    // One result per statement, COMMIT's last.
    const results = (sent as { response?: unknown }).response;
    const rowsOf = (i: number) =>
      Array.isArray(results) ? ((results[i] as { rows?: Array<Record<string, unknown>> } | undefined)?.rows ?? []) : [];
    tail.returned.forEach((returned, i) => returned?.(rowsOf(i)));
    if (tail.statements.at(-1) === ACCESS_FLAG && Array.isArray(results))
      tail.accessChanged = rowsOf(results.length - 2)[0]?.access_changed !== false;
  } catch (error) {
    failure = error;
    await trx.trxClient.query(connection, 'ROLLBACK').catch(() => undefined);
  }
  trx._completed = true;
  if (failure) trx._rejecter(failure);
  else trx._resolver(value);
}

/**
 * A top-level transaction whose BEGIN carries the row grants: `BEGIN; SELECT set_config(…)` in one
 * round trip (the simple query protocol takes several statements), instead of two; with `atCommit`,
 * its COMMIT goes out after the statements queued there, in the same message.
 */
async function beginWithGrants(knex: Knex, grants: string, atCommit?: AtCommit): Promise<Transaction> {
  const client = knex.client as unknown as KnexClient;
  if (!patched.has(client)) {
    patched.add(client);
    const transaction = client.transaction.bind(client);
    client.transaction = (container, config, outerTx) => {
      const trx = transaction(container, config, outerTx);
      const first = config?.huhangFirstStatement;
      // `begin` runs after the constructor returns (on a later tick): patching the instance is in time.
      const tail = config?.huhangAtCommit as AtCommit | undefined;
      if (typeof first === 'string' && !outerTx)
        trx.begin = async (connection) => {
          if (tail) tail.connection = connection as PgConnection;
          sendBeforeNextStatement(connection as PgConnection, `BEGIN; ${first}`, 2);
        };
      if (tail && !outerTx) trx.commit = (connection, value) => commitAfter(trx, connection, tail, value);
      return trx;
    };
  }
  return knex.transaction({ huhangFirstStatement: grants, huhangAtCommit: atCommit } as Knex.TransactionConfig);
}

async function beginOnReplica(ctx: Context): Promise<boolean> {
  const replica = ctx.em.getConnection('read');
  if (replica === ctx.em.getConnection('write')) return false;
  const viewer = writerOf(ctx.viewer);
  const replayedTo = viewer ? await ctx.replicaReads!.of(viewer) : null;
  try {
    ctx.em.setTransactionContext(await beginWithGrants(replica.getKnex(), rowGrantsStatement(rowGrantsOf(ctx.viewer))));
    if (!replayedTo) return true;
    // The writer's last write must be there: its WAL position, as the primary gave it.
    if (/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/.test(replayedTo)) {
      const [row] = await ctx.em.execute<Array<{ caught_up: boolean | null }>>(
        'SELECT pg_last_wal_replay_lsn() >= ?::pg_lsn AS caught_up',
        [replayedTo],
      );
      if (row?.caught_up === true) return true;
    }
  } catch (error) {
    ctx.replicaReads!.failed();
    console.error('[db] a read replica failed; reading from the primary for a few seconds', error instanceof Error ? error.message : error);
  }
  await rollback(ctx);
  return false;
}

/**
 * Writes the audit rows of the personal data shown (in a savepoint: if they cannot be written, the
 * rest still commits and the answer masks that data), checks that no statement aborted the
 * transaction, and commits. `wrote`: the operation was a mutation. On a replica, the audit rows are
 * written to the primary before the answer leaves.
 */
export async function endRequest(ctx: Context, wrote: boolean): Promise<RequestEnd> {
  const reads = ctx.personalReads;
  const shownPersonal = reads.size > 0;
  // Answered by one statement in its own transaction, with nothing to audit: nothing to end.
  if (ctx.hasEntityManager?.() === false && !shownPersonal) return { maskPersonal: false, lost: false, accessChanged: wrote };
  const trx = ctx.em.getTransactionContext<Transaction>();
  let maskPersonal = false;
  const connection = ctx.em.getConnection('write');
  if (!trx || onReplica.has(ctx)) {
    if (shownPersonal) maskPersonal = !(await attempt(() => reads.flush(ctx.em, ctx.actor, 'primary')));
    if (trx) await rollback(ctx);
    return { maskPersonal, lost: false, accessChanged: wrote };
  }
  const queue = atCommit.get(trx);
  // The request's one mutation failed in the request's own transaction: nothing of it is kept.
  if (queue?.abandoned) {
    await rollback(ctx);
    return { maskPersonal: shownPersonal, lost: false, accessChanged: false };
  }
  if (shownPersonal) {
    maskPersonal = !(await attempt(async () => {
      const savepoint = await connection.begin({ ctx: trx });
      try {
        await reads.flush(ctx.em, ctx.actor, savepoint);
        await connection.commit(savepoint);
      } catch (error) {
        await connection.rollback(savepoint).catch(() => undefined);
        throw error;
      }
    }));
  }
  // A statement that failed outside a savepoint aborted the transaction, and COMMIT would then roll
  // back without a word: a mutation's COMMIT follows statements (its queued writes and the access
  // flag), which fail in an aborted transaction, in the same message.
  if (wrote) {
    queue?.statements.push(ACCESS_FLAG);
    queue?.returned.push(undefined);
  }
  const committed = await attempt(async () => {
    if (wrote && !queue) await ctx.em.execute('SELECT 1');
    await connection.commit(trx);
  });
  ctx.em.resetTransactionContext();
  if (!committed) {
    await connection.rollback(trx).catch(() => undefined);
    return { maskPersonal: shownPersonal, lost: wrote, accessChanged: false };
  }
  ctx.committed?.();
  const writer = writerOf(ctx.viewer);
  if (wrote && writer && ctx.replicaReads) {
    // Where the primary's WAL is now, past this commit: the writer's next reads wait for a replica to get there.
    await attempt(async () => {
      const [row] = await connection.execute<Array<{ lsn: string }>>('SELECT pg_current_wal_lsn()::text AS lsn');
      if (row) await ctx.replicaReads!.wrote(writer, row.lsn);
    });
  }
  return { maskPersonal, lost: false, accessChanged: wrote && (queue?.accessChanged ?? true) };
}

/** Who a write belongs to, for reading it back: a user or an embed key. */
function writerOf(viewer: Viewer): string | null {
  if (viewer.kind === 'USER' && viewer.grants.userId !== null) return `USER:${viewer.grants.userId}`;
  if (viewer.kind === 'KEY' && viewer.grants.keyId !== null) return `KEY:${viewer.grants.keyId}`;
  return null;
}

/** A mutation operation of one field (no fragment, no directive): a savepoint would add nothing. */
function isOneMutation(operation?: OperationDefinitionNode): boolean {
  const selections = operation?.operation === 'mutation' ? operation.selectionSet.selections : [];
  return selections.length === 1 && selections[0]!.kind === Kind.FIELD && !selections[0]!.directives?.length;
}

/** `{ __typename }` and introspection: answered from the schema, without the database. */
function readsNoData(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'));
}

async function rollback(ctx: Context): Promise<void> {
  const trx = ctx.em.getTransactionContext<Transaction>();
  if (!trx) return;
  ctx.em.resetTransactionContext();
  await ctx.em
    .getConnection()
    .rollback(trx)
    .catch(() => undefined);
}

async function attempt(work: () => Promise<void>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    console.error(`[request] could not finish the request’s transaction: ${describeFailure(error)}`);
    return false;
  }
}

/**
 * A failure as the log may keep it: the database's error code and message, without the statement
 * (knex puts the statement, with the values written in at COMMIT, before the message).
 */
function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message.includes(' - ') ? error.message.slice(error.message.lastIndexOf(' - ') + 3) : error.message;
  return typeof code === 'string' ? `${code} ${message}` : message;
}
