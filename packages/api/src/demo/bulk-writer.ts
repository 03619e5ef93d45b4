import type { Client, PoolClient } from 'pg';

/** Buffers rows and writes them with multi-row INSERTs; ids are reserved from the table's sequence. */
export class BulkWriter {
  private buffers = new Map<string, { table: string; columns: string[]; rows: unknown[][] }>();
  written = 0;

  constructor(
    private readonly client: Client | PoolClient,
    private readonly onWrite: (rows: number) => void = () => undefined,
    private readonly batchSize = 1000,
  ) {}

  /** Reserves `count` ids from `<table>_id_seq`, in order. */
  async reserveIds(table: string, count: number): Promise<number[]> {
    if (count === 0) return [];
    const { rows } = await this.client.query<{ id: number }>(`SELECT nextval('"${table}_id_seq"')::int AS id FROM generate_series(1, $1)`, [
      count,
    ]);
    return rows.map((row) => row.id);
  }

  async add(table: string, columns: string[], row: unknown[]): Promise<void> {
    const key = `${table}(${columns.join(',')})`;
    let buffer = this.buffers.get(key);
    if (!buffer) {
      buffer = { table, columns, rows: [] };
      this.buffers.set(key, buffer);
    }
    buffer.rows.push(row);
    // Flushing every buffer in creation order writes parents (added first) before the rows that point at them.
    if (buffer.rows.length >= this.batchSize) await this.flush();
  }

  private async flushBuffer(key: string): Promise<void> {
    const buffer = this.buffers.get(key);
    if (!buffer || buffer.rows.length === 0) return;
    const { table, columns, rows } = buffer;
    const params: unknown[] = [];
    const tuples = rows.map((row) => `(${row.map((value) => `$${params.push(value)}`).join(', ')})`);
    await this.client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, params);
    this.written += rows.length;
    this.onWrite(rows.length);
    buffer.rows = [];
  }

  async flush(): Promise<void> {
    for (const key of this.buffers.keys()) await this.flushBuffer(key);
  }
}
