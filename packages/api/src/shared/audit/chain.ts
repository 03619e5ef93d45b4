import type { Client } from 'pg';

/**
 * The audit trail's hash chain (migration 1500): each row's `hash` is sha256 of the previous row's
 * hash (hex) and the row's columns as canonical JSON. The expression is written out here rather than
 * calling the database's `huhang_audit_hash`, so that replacing that function does not fool the check.
 */
const ROW_HASH = `sha256(convert_to(coalesce(encode(a.prev_hash, 'hex'), '') || '|' || jsonb_build_object(
  'id', a.id, 'at', to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  'actor_type', a.actor_type, 'actor_id', a.actor_id, 'actor_name', a.actor_name, 'action', a.action,
  'entity', a.entity, 'entity_id', a.entity_id, 'outcome', a.outcome, 'before', a.before, 'after', a.after,
  'related', a.related, 'client_address', a.client_address, 'request_id', a.request_id)::text, 'UTF8'))`;

export type ChainProblem =
  /** The row's columns no longer give its hash: it was changed, or inserted with a made-up hash. */
  | 'CHANGED'
  /** The row does not follow the row before it: a row between was deleted, or this one was inserted out of place. */
  | 'OUT_OF_PLACE'
  /** The first row follows a row that is gone, and no purge says so: rows at the start were deleted. */
  | 'START_DELETED'
  /** The chain's recorded end is not the last row: rows at the end were deleted (or the end was rewritten). */
  | 'END_DELETED';

export interface ChainReport {
  ok: boolean;
  rows: number;
  firstId: number | null;
  lastId: number | null;
  /** The first problem found, with the row it names. */
  problem?: { kind: ChainProblem; id: number | null; message: string };
}

interface ChainRow {
  id: string;
  action: string;
  after: { firstKeptId?: number | null } | null;
  prev_hash: Buffer | null;
  hash: Buffer | null;
  intact: boolean;
}

const hex = (value: Buffer | null) => (value ? value.toString('hex') : null);

/**
 * Walks the chain in id order, `batch` rows at a time, and names the first row that was changed,
 * deleted around or inserted out of place. Runs as any role that may read the audit table.
 */
export async function verifyAuditChain(
  client: Client,
  options: {
    batch?: number;
    onProgress?: (checked: number) => void;
    /** The caller's transaction gives the snapshot. */ inTransaction?: boolean;
  } = {},
): Promise<ChainReport> {
  const batch = options.batch ?? 5000;
  let after: bigint | null = null;
  let previous: { id: string; hash: string | null } | null = null;
  let first: ChainRow | null = null;
  let checked = 0;
  const purgesKept = new Set<string>();
  const fail = (kind: ChainProblem, id: string | null, message: string): ChainReport => ({
    ok: false,
    rows: checked,
    firstId: first ? Number(first.id) : null,
    lastId: previous ? Number(previous.id) : null,
    problem: { kind, id: id === null ? null : Number(id), message },
  });

  // One snapshot for the walk and the chain's end, so that rows appended meanwhile do not count.
  if (options.inTransaction) return walk();
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    return await walk();
  } finally {
    await client.query('COMMIT');
  }

  async function walk(): Promise<ChainReport> {
    for (;;) {
      const { rows } = await client.query<ChainRow>(
        `SELECT a.id, a.action, a.after, a.prev_hash, a.hash, a.hash IS NOT NULL AND a.hash = ${ROW_HASH} AS intact
         FROM audit_log a WHERE $1::bigint IS NULL OR a.id > $1::bigint ORDER BY a.id LIMIT $2`,
        [after === null ? null : after.toString(), batch],
      );
      for (const row of rows) {
        if (!first) first = row;
        if (row.action === 'purgeAuditLog') purgesKept.add(String(row.after?.firstKeptId ?? row.id));
        if (!row.intact) return fail('CHANGED', row.id, `row ${row.id} (${row.action}) was changed: its columns do not give its hash`);
        if (previous && hex(row.prev_hash) !== previous.hash) {
          return fail(
            'OUT_OF_PLACE',
            row.id,
            `row ${row.id} (${row.action}) does not follow row ${previous.id}: a row between them was deleted, or one of them was inserted out of place`,
          );
        }
        previous = { id: row.id, hash: hex(row.hash) };
        checked += 1;
      }
      options.onProgress?.(checked);
      if (rows.length < batch) break;
      after = BigInt(rows[rows.length - 1]!.id);
    }

    // The first row either starts the chain or follows rows a recorded purge removed.
    if (first && first.prev_hash && !purgesKept.has(first.id)) {
      return fail(
        'START_DELETED',
        first.id,
        `row ${first.id} follows a row that is gone, and no purge removed it: rows before it were deleted`,
      );
    }
    const tip = await client.query<{ last_id: string | null; last_hash: Buffer | null }>('SELECT last_id, last_hash FROM audit_chain_tip');
    const end = tip.rows[0];
    if (end && (end.last_id ?? null) !== (previous?.id ?? null)) {
      return fail(
        'END_DELETED',
        end.last_id,
        `the chain ends at row ${end.last_id ?? 'none'}, but the last row is ${previous?.id ?? 'none'}: rows at the end were deleted or the end was rewritten`,
      );
    }
    if (end && hex(end.last_hash) !== (previous?.hash ?? null)) {
      return fail(
        'END_DELETED',
        previous ? previous.id : null,
        `the last row ${previous?.id ?? 'none'} is not the one the chain recorded: it was replaced`,
      );
    }
    return { ok: true, rows: checked, firstId: first ? Number(first.id) : null, lastId: previous ? Number(previous.id) : null };
  }
}
