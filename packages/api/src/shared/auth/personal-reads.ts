import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../audit/audit';

/** The personal fields one request showed, by record; written to the audit trail once the answer is sent. */
export class PersonalReads {
  private readonly reads = new Map<string, { entity: string; id: number; fields: Set<string> }>();

  record(entity: string, id: number, field: string): void {
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

  /** One `READ_PERSONAL` row per record, in one statement. */
  async flush(em: EntityManager, actor: Actor): Promise<void> {
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
      .getConnection()
      .execute(
        `INSERT INTO audit_log (actor_type, actor_id, actor_name, action, entity, entity_id, outcome, after, client_address, request_id) VALUES ${values}`,
        params,
      );
  }
}
