import { AccessErrorReason } from './access.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../shared/errors/domain-error';
import type { RecordChange } from '../shared/audit/audit';
import { Role } from '../shared/auth/role';
import { intArray } from '../shared/db/pg-array';
import type { Viewer } from './viewer';
import { LOCATION } from './location';

/** What an officer may write: own visits to current enterprises, and patrols of the officer's teams. */
const OFFICER_ROWS: Record<string, string> = {
  Visit: 'SELECT t.id FROM visit t WHERE t.id = any(?::int[]) AND t.officer_id = ? AND t.enterprise_id = any(?::int[])',
  Patrol: 'SELECT t.id FROM patrol t WHERE t.id = any(?::int[]) AND ? IS NOT NULL AND t.team_id = any(?::int[])',
};

function outOfScope(entity: string): Error {
  return forbidden(`无权修改此${entity}记录 (this ${entity} is outside what you may change)`, AccessErrorReason.OUT_OF_SCOPE, {
    type: entity,
  });
}

/**
 * Checks that the viewer may write every row a mutation changes. Called before the flush (where the
 * rows are now: nothing may be moved out of another park) and after it (where they end up).
 */
export async function assertWritable(em: EntityManager, viewer: Viewer, changes: RecordChange[], phase: 'before' | 'after'): Promise<void> {
  if (viewer.isSystemAdmin) return;
  const ids = new Map<string, Set<number>>();
  for (const change of changes) {
    const id = change.record.id;
    if (id === undefined || id === null) continue;
    if (phase === 'before' && change.type === 'create') continue;
    if (phase === 'after' && change.type.startsWith('delete')) continue;
    if (!ids.has(change.entity)) ids.set(change.entity, new Set());
    ids.get(change.entity)?.add(id);
  }
  for (const [entity, set] of ids) {
    const rowIds = [...set];
    if (entity === 'User') {
      // The user service decides which users a program administrator may manage.
      if (viewer.role === Role.PROGRAM_ADMIN) continue;
      throw outOfScope(entity);
    }
    if (viewer.role === Role.OFFICER) {
      const sql = OFFICER_ROWS[entity];
      if (!sql) throw outOfScope(entity);
      const list = entity === 'Visit' ? viewer.grants.enterpriseIds : viewer.grants.teamIds;
      // In the mutation's transaction: rows it created are visible only there.
      const rows = await em.execute<Array<{ id: number }>>(sql, [intArray(rowIds), viewer.grants.officerId, intArray(list)]);
      if (rows.length !== rowIds.length) throw outOfScope(entity);
      continue;
    }
    const sql = LOCATION[entity];
    if (!sql) throw outOfScope(entity);
    const rows = await em.execute<Array<{ id: number; park_id: number | null; program_id: number | null }>>(
      `${sql} WHERE t.id = any(?::int[])`,
      [intArray(rowIds)],
    );
    if (rows.length !== rowIds.length || rows.some((row) => !viewer.writable({ parkId: row.park_id, programId: row.program_id }))) {
      throw outOfScope(entity);
    }
  }
}
