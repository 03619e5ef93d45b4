import type { EntityManager } from '@mikro-orm/postgresql';

/** Audit rows are kept at least this long (six months); the default retention. */
export const MIN_RETENTION_DAYS = 180;

/**
 * Deletes audit rows older than `retentionDays`, the one way rows leave the table: the setting it makes
 * for its own transaction is what the table's trigger lets through. Returns how many were deleted.
 */
export async function purgeAuditLog(em: EntityManager, retentionDays = MIN_RETENTION_DAYS): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < MIN_RETENTION_DAYS) {
    throw new Error(`audit rows are kept at least ${MIN_RETENTION_DAYS} days; got ${retentionDays}`);
  }
  return em.transactional(async (tx) => {
    await tx.execute(`SELECT set_config('huhang.audit_purge', 'on', true)`);
    const rows = await tx.execute<Array<{ id: string }>>(`DELETE FROM audit_log WHERE at < now() - make_interval(days => ?) RETURNING id`, [
      retentionDays,
    ]);
    return rows.length;
  });
}
