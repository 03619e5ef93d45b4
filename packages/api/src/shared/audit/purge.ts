import { Client } from 'pg';

/** Audit rows are kept at least this long (six months); the default retention. */
export const MIN_RETENTION_DAYS = 180;

/**
 * Deletes audit rows older than `retentionDays` through the database's `huhang_audit_purge`, the one
 * way rows leave the table: it runs as the table's owner, enforces the same floor, deletes a prefix of
 * the hash chain and records itself as an audit row. `url` must connect as the owner (the API's role
 * may not call it). Returns how many were deleted.
 */
export async function purgeAuditLog(url: string, retentionDays = MIN_RETENTION_DAYS): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new Error(`audit rows are kept at least ${MIN_RETENTION_DAYS} days; got ${retentionDays}`);
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ deleted: string }>('SELECT huhang_audit_purge($1) AS deleted', [retentionDays]);
    return Number(rows[0]!.deleted);
  } finally {
    await client.end();
  }
}
