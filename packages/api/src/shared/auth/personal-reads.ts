import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../audit/audit';

/** A transaction of the ORM's connection (a savepoint included). */
type Transaction = ReturnType<EntityManager['getTransactionContext']>;

/**
 * The personal fields one request showed, by record. They are written to the audit trail before the
 * answer leaves; when that fails, every value shown is replaced by its masked form (`maskIn`): no
 * personal data goes out without its READ_PERSONAL row.
 */
export class PersonalReads {
  private readonly reads = new Map<string, { entity: string; id: number; fields: Set<string> }>();
  /** Each value shown (a string, or an object by identity) and what stands in for it when unaudited. */
  private readonly shown = new Map<unknown, unknown>();

  record(entity: string, id: number, field: string, shown?: { value: unknown; masked: unknown }): void {
    if (shown) this.shown.set(shown.value, shown.masked);
    const key = `${entity}:${id}`;
    let read = this.reads.get(key);
    if (!read) {
      read = { entity, id, fields: new Set() };
      this.reads.set(key, read);
    }
    read.fields.add(field);
  }

  get size(): number {
    return this.reads.size;
  }

  /** `data` with every value recorded here replaced by its masked form. */
  maskIn(data: unknown): unknown {
    if (this.shown.has(data)) return this.shown.get(data);
    if (Array.isArray(data)) return data.map((item) => this.maskIn(item));
    if (data && typeof data === 'object') {
      return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, this.maskIn(value)]));
    }
    return data;
  }

  /** One `READ_PERSONAL` row per record, in one statement. */
  /** In `transaction` (a savepoint of the request's), or on the primary by itself ('primary': the reads ran on a replica). */
  async flush(em: EntityManager, actor: Actor, transaction: Transaction | 'primary'): Promise<void> {
    if (this.reads.size === 0) return;
    const rows = [...this.reads.values()];
    this.reads.clear();
    const values = rows.map(() => `(?, ?, ?, 'READ_PERSONAL', ?, ?, 'SUCCESS', ?::jsonb, ?, ?::uuid)`).join(', ');
    const params = rows.flatMap((read) => [
      actor.type,
      actor.id,
      actor.name,
      read.entity,
      read.id,
      JSON.stringify({ fields: [...read.fields].sort() }),
      actor.clientAddress,
      actor.requestId,
    ]);
    await em
      .getConnection('write')
      .execute(
        `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, after, client_address, request_id) VALUES ${values}`,
        params,
        'run',
        transaction === 'primary' ? undefined : transaction,
      );
  }
}
