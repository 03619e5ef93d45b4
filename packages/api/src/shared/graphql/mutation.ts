import { RecordErrorReason } from '../errors/reasons';
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommitTail, SentAhead, SqlStatement } from '../db/sql-literal';
import { conflict, DomainError } from '../errors/domain-error';
import { translateError } from '../errors/translate';
import { validateInput } from './input-validation';
import { mutationAuditRow, pendingChanges, SYSTEM_ACTOR, type Actor, type RecordChange } from '../audit/audit';
/** What every stored record has: a row id and an optimistic-lock version. */
type StoredRecord = { id: number; version: number };
import type { MutationPayload } from './payload';

/** Fields every mutation input may carry. */
export interface MutationInput {
  clientMutationId?: string | null;
  /** Record-creating mutations: the same key with the same input returns the first result. */
  idempotencyKey?: string | null;
}

export interface ContextWithEm {
  em: EntityManager;
  /** Who is asking, for the audit trail. */
  actor?: Actor;
  /**
   * Checks the rows the mutation changes, before the flush (where they are) and after it (where they
   * end up); throws to refuse, which rolls the transaction back.
   */
  authorize?: (em: EntityManager, changes: RecordChange[], phase: 'before' | 'after') => Promise<void>;
  /**
   * Sees the same rows, in the transaction, to note what data they change (the programs whose data
   * version a write raises); `committed` runs once the transaction has committed.
   */
  changed?: (em: EntityManager, changes: RecordChange[], phase: 'before' | 'after') => Promise<void>;
  /** The statement that raises the data versions of what `changed` saw and was not raised yet. */
  raiseDataVersions?: () => SqlStatement | null;
  committed?: () => void;
  /**
   * Inside a request's transaction: takes the mutation's last writes (its audit row, its idempotency
   * key's result, the data versions) to send with the request's COMMIT, so that the locks they take,
   * which every writer needs, are held only while it commits (request-transaction.ts).
   */
  commitTail?: () => CommitTail | null;
}

/** Canonical JSON of the input, without the fields that do not change what is written. */
function fingerprint(operation: string, input: object): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value instanceof Date) return value.toISOString();
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.keys(value)
          .filter((key) => key !== 'clientMutationId' && key !== 'idempotencyKey' && (value as Record<string, unknown>)[key] !== undefined)
          .sort()
          .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
      );
    }
    return value;
  };
  return createHash('sha256')
    .update(JSON.stringify([operation, canonical(input)]))
    .digest('hex');
}

const CLAIM =
  'INSERT INTO idempotency_key (owner, key, operation, request_hash) VALUES (?, ?, ?, ?) ON CONFLICT (owner, key) DO NOTHING RETURNING key';

interface KeyRow {
  operation: string;
  request_hash: string;
  result_type: string | null;
  result_id: number | null;
}

/**
 * Runs one mutation: validates the input, runs `work` in one transaction (a failure writes nothing),
 * appends its audit row in that transaction, honours an idempotency key, and names refused fields under `input.`. A second call with the same key
 * waits for the first to commit, then returns its record; the same key with other input is a CONFLICT.
 */
export async function runMutation<T extends StoredRecord>(
  ctx: ContextWithEm,
  operation: string,
  input: MutationInput,
  work: (em: EntityManager) => Promise<T>,
): Promise<MutationPayload<T>> {
  await validateInput(input, 'input');
  const key = input.idempotencyKey ?? null;
  try {
    // A key is the caller's own: the same key from someone else is another key.
    const actor = ctx.actor ?? SYSTEM_ACTOR;
    const owner = actor.id === null ? actor.type : `${actor.type}:${actor.id}`;
    const record = await inMutationTransaction(ctx, async (em, lastWrites, sendAhead): Promise<T> => {
      const hash = key ? fingerprint(operation, input) : '';
      const claim: SqlStatement = { sql: CLAIM, values: [owner, key, operation, hash] };
      /** The first result of this key, or a CONFLICT when it was used for something else. */
      const replay = async (): Promise<T> => {
        const [prior] = await em.execute<KeyRow[]>(
          'SELECT operation, request_hash, result_type, result_id FROM idempotency_key WHERE owner = ? AND key = ?',
          [owner, key],
        );
        if (!prior || prior.operation !== operation || prior.request_hash !== hash || !prior.result_type || !prior.result_id) {
          throw conflict('该幂等键已用于另一请求 (this idempotency key was used for a different request)', {
            field: 'input.idempotencyKey',
            reason: RecordErrorReason.IDEMPOTENCY_KEY_REUSED,
          });
        }
        return em.findOneOrFail<T>(prior.result_type, prior.result_id as never);
      };
      // The claim goes out with the mutation's first read (a round trip saved), or alone before its
      // first write; a lost claim stops that statement, so nothing is written twice.
      const ahead = key && sendAhead ? sendAhead(claim) : null;
      if (ahead) ahead.stops = (rows) => rows.length === 0;
      else if (key) {
        const claimed = await em.execute<{ key: string }[]>(claim.sql, [...claim.values]);
        if (claimed.length === 0) return replay();
      }
      const lost = async () =>
        ahead !== null &&
        ahead.sent &&
        (await ahead.rows.then(
          (rows) => rows.length === 0,
          () => false,
        ));
      try {
        const result = await work(em);
        const changes = await writeChanges(ctx, em);
        await ahead?.flush();
        if (await lost()) {
          em.clear();
          return await replay();
        }
        lastWrites.push(mutationAuditRow(actor, operation, result, changes));
        if (key) {
          lastWrites.push({
            sql: 'UPDATE idempotency_key SET result_type = ?, result_id = ? WHERE owner = ? AND key = ?',
            values: [result.constructor.name, result.id, owner, key],
          });
        }
        return result;
      } catch (error) {
        // Refused before its first statement: the key may still be another request's, a CONFLICT first.
        await ahead?.flush();
        if (!(await lost())) throw error;
        // What the mutation made is not in the database: the claim stopped its first statement.
        em.clear();
        return replay();
      }
    });
    return { clientMutationId: input.clientMutationId, record };
  } catch (error) {
    const domain = translateError(error);
    if (domain instanceof DomainError) throw domain.under('input');
    throw error;
  }
}

/**
 * Flushes what the unit of work holds, checking before and after that the viewer may write every row
 * it changes and noting the data it changes; returns the changes, for the audit trail.
 */
export async function writeChanges(ctx: ContextWithEm, em: EntityManager): Promise<RecordChange[]> {
  const changes = pendingChanges(em);
  if (changes.length === 0) return changes;
  await ctx.authorize?.(em, changes, 'before');
  await ctx.changed?.(em, changes, 'before');
  await em.flush();
  await ctx.authorize?.(em, changes, 'after');
  await ctx.changed?.(em, changes, 'after');
  return changes;
}

/**
 * Runs `body` as a mutation's transaction: the request's own when the request is this one mutation
 * (a refusal rolls all of it back), else a savepoint of its own. `body` pushes its last writes (audit
 * rows and the like); they go out with the request's COMMIT, with the data versions the changes raise,
 * or at the end of the transaction outside a request's.
 */
export async function inMutationTransaction<T>(
  ctx: ContextWithEm,
  body: (em: EntityManager, lastWrites: SqlStatement[], sendAhead: ((statement: SqlStatement) => SentAhead) | null) => Promise<T>,
): Promise<T> {
  const tail = ctx.commitTail?.() ?? null;
  const lastWrites: SqlStatement[] = [];
  let sendAhead: ((statement: SqlStatement) => SentAhead) | null = null;
  const run = async (em: EntityManager): Promise<T> => {
    const result = await body(em, lastWrites, sendAhead);
    const versions = ctx.raiseDataVersions?.();
    if (versions) lastWrites.push(versions);
    if (!tail) {
      for (const { sql, values, returned } of lastWrites) {
        const rows = await em.execute<Array<Record<string, unknown>>>(sql, [...values]);
        returned?.(rows);
      }
    }
    return result;
  };
  let result: T;
  if (tail?.claimWhole()) {
    // The request's own transaction: its next statement is the mutation's.
    sendAhead = (statement) => tail.withNextStatement(statement);
    try {
      result = await run(ctx.em);
    } catch (error) {
      tail.abandon();
      throw error;
    }
  } else {
    result = await ctx.em.transactional(run);
  }
  // Queued once the mutation's own transaction has succeeded: a refused mutation leaves nothing to write.
  tail?.push(lastWrites);
  // Inside a request's transaction (request-transaction.ts) the commit comes when the answer is ready.
  if (!ctx.em.isInTransaction()) ctx.committed?.();
  return result;
}
