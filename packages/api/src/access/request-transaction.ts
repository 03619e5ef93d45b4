import type { Knex } from '@mikro-orm/postgresql';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Context } from './context';
import { applyRowGrants, rowGrantsOf } from './row-security';

type Transaction = Knex.Transaction;

/** How a request's transaction ended. */
export interface RequestEnd {
  /** Personal data was shown but its audit rows are not written: the answer must mask it. */
  maskPersonal: boolean;
  /** The transaction did not commit: nothing the request wrote was kept. */
  lost: boolean;
}

/**
 * Every GraphQL operation runs in one transaction of its own, on one connection, that starts by
 * telling the database who is asking (row-security.ts): the row-level security policies then hold
 * even where a query forgot the viewer's filter. A mutation's own transaction is a savepoint inside
 * it; what it wrote is committed, with the audit rows of the personal data the answer shows, before
 * the answer leaves.
 */
export async function beginRequest(ctx: Context, operation?: OperationDefinitionNode): Promise<void> {
  if (ctx.em.isInTransaction() || (operation && readsNoData(operation))) return;
  await ctx.em.begin();
  try {
    await applyRowGrants(ctx.em, rowGrantsOf(ctx.viewer));
  } catch (error) {
    await rollback(ctx);
    throw error;
  }
}

/**
 * Writes the audit rows of the personal data shown (in a savepoint: if they cannot be written, the
 * rest still commits and the answer masks that data), checks that no statement aborted the
 * transaction, and commits. `wrote`: the operation was a mutation.
 */
export async function endRequest(ctx: Context, wrote: boolean): Promise<RequestEnd> {
  const trx = ctx.em.getTransactionContext<Transaction>();
  const reads = ctx.personalReads;
  const shownPersonal = reads.size > 0;
  let maskPersonal = false;
  if (!trx) {
    if (reads.size > 0) maskPersonal = !(await attempt(() => reads.flush(ctx.em, ctx.actor)));
    return { maskPersonal, lost: false };
  }
  const connection = ctx.em.getConnection();
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
  // back without a word: a mutation asks first.
  const committed = await attempt(async () => {
    if (wrote) await ctx.em.execute('SELECT 1');
    await connection.commit(trx);
  });
  ctx.em.resetTransactionContext();
  if (!committed) {
    await connection.rollback(trx).catch(() => undefined);
    return { maskPersonal: shownPersonal, lost: wrote };
  }
  ctx.committed?.();
  return { maskPersonal, lost: false };
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
    console.error('[request] could not finish the request’s transaction', error);
    return false;
  }
}
