import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlStatement } from '../db/sql-literal';

/** Who did something: a signed-in user, an embed key, an anonymous client, or the system itself. */
export interface Actor {
  type: 'USER' | 'KEY' | 'ANONYMOUS' | 'SYSTEM';
  id: number | null;
  name: string | null;
  clientAddress: string | null;
  requestId: string | null;
}

export const SYSTEM_ACTOR: Actor = { type: 'SYSTEM', id: null, name: null, clientAddress: null, requestId: null };

/** One record's change as the unit of work saw it before writing. */
export interface RecordChange {
  type: string;
  entity: string;
  record: { id?: number };
  /** The changed fields, as written. */
  after: Record<string, unknown>;
  /** The same fields before the change (updates and deletions). */
  before: Record<string, unknown> | null;
}

/** The changes the unit of work is about to write; call before flushing. */
export function pendingChanges(em: EntityManager): RecordChange[] {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  return uow.getChangeSets().map((changeSet) => {
    const after = { ...(changeSet.payload as Record<string, unknown>) };
    const original = changeSet.originalEntity as Record<string, unknown> | undefined;
    const before =
      changeSet.type === 'create' || !original
        ? null
        : Object.fromEntries(
            Object.keys(changeSet.type.startsWith('delete') ? original : after).map((key) => [key, original[key] ?? null]),
          );
    return { type: changeSet.type, entity: changeSet.name, record: changeSet.entity as { id?: number }, after, before };
  });
}

/** Secrets never enter the trail: password hashes, key and token hashes. */
const SECRET = /hash$/i;
const plain = (value: unknown) =>
  JSON.stringify(value, (key, v: unknown) => (SECRET.test(key) && v !== null ? '[redacted]' : typeof v === 'bigint' ? String(v) : v));

/**
 * The audit row of a successful mutation, to append in its transaction: the main record's change as
 * before and after, and the other records it touched. A mutation that fails rolls this back with the rest.
 */
export function mutationAuditRow(actor: Actor, action: string, result: { id: number }, changes: RecordChange[]): SqlStatement {
  const main = changes.find((change) => change.record === result) ?? null;
  const related = changes
    .filter((change) => change !== main)
    .map((change) => ({ type: change.type, entity: change.entity, id: change.record.id ?? null }));
  return {
    sql: `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, before, after, related, client_address, request_id)
     VALUES (?, ?, ?, ?, ?, ?, 'SUCCESS', ?::jsonb, ?::jsonb, ?::jsonb, ?, ?::uuid)`,
    values: [
      actor.type,
      actor.id,
      actor.name,
      action,
      main?.entity ?? result.constructor.name,
      result.id,
      main?.before ? plain(main.before) : null,
      main ? plain(main.after) : null,
      related.length ? plain(related) : null,
      actor.clientAddress,
      actor.requestId,
    ],
  };
}

/** Audit rows per statement when one mutation changes many records. */
const AUDIT_ROWS_PER_STATEMENT = 500;

/**
 * The audit rows of a mutation that changes many records of its own (an import): one row per record,
 * with its change as before and after, a few hundred rows to a statement.
 */
export function recordAuditRows(actor: Actor, action: string, changes: RecordChange[]): SqlStatement[] {
  const statements: SqlStatement[] = [];
  for (let start = 0; start < changes.length; start += AUDIT_ROWS_PER_STATEMENT) {
    const chunk = changes.slice(start, start + AUDIT_ROWS_PER_STATEMENT);
    statements.push({
      sql: `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, before, after, client_address, request_id)
     VALUES ${chunk.map(() => `(?, ?, ?, ?, ?, ?, 'SUCCESS', ?::jsonb, ?::jsonb, ?, ?::uuid)`).join(', ')}`,
      values: chunk.flatMap((change) => [
        actor.type,
        actor.id,
        actor.name,
        action,
        change.entity,
        change.record.id ?? null,
        change.before ? plain(change.before) : null,
        plain(change.after),
        actor.clientAddress,
        actor.requestId,
      ]),
    });
  }
  return statements;
}
