import { AccessErrorReason } from './access.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden } from '../shared/errors/domain-error';
import type { RecordChange } from '../shared/audit/audit';
import { Role } from '../shared/auth/role';
import { intArray } from '../shared/db/pg-array';
import type { Viewer } from './viewer';

/** For each kind of record: SQL giving the park (null when program-wide) and program of rows `?::int[]`. */
const LOCATION: Record<string, string> = {
  Program: 'SELECT t.id, NULL::int AS park_id, t.id AS program_id FROM program t',
  Park: 'SELECT t.id, t.id AS park_id, t.program_id FROM park t',
  PoliceUnit: 'SELECT t.id, t.park_id, t.program_id FROM police_unit t',
  Officer: 'SELECT t.id, u.park_id, u.program_id FROM officer t JOIN police_unit u ON u.id = t.unit_id',
  Commitment: 'SELECT t.id, NULL::int AS park_id, t.program_id FROM commitment t',
  Indicator: 'SELECT t.id, NULL::int AS park_id, c.program_id FROM indicator t JOIN commitment c ON c.id = t.commitment_id',
  EmbedKey: 'SELECT t.id, t.park_id, t.program_id FROM embed_key t',
  ...Object.fromEntries(
    [
      ['Zone', 'zone'],
      ['Enterprise', 'enterprise'],
      ['Team', 'team'],
      ['Dispute', 'dispute'],
      ['Incident', 'incident'],
      ['ServiceRequest', 'service_request'],
      ['Hazard', 'hazard'],
      ['Engagement', 'engagement'],
    ].map(([entity, table]) => [entity, `SELECT t.id, t.park_id, p.program_id FROM ${table} t JOIN park p ON p.id = t.park_id`]),
  ),
  ...Object.fromEntries(
    [
      ['LiaisonAssignment', 'liaison_assignment'],
      ['Visit', 'visit'],
      ['Recognition', 'recognition'],
    ].map(([entity, table]) => [
      entity,
      `SELECT t.id, e.park_id, p.program_id FROM ${table} t JOIN enterprise e ON e.id = t.enterprise_id JOIN park p ON p.id = e.park_id`,
    ]),
  ),
  ...Object.fromEntries(
    [
      ['TeamMember', 'team_member'],
      ['Patrol', 'patrol'],
    ].map(([entity, table]) => [
      entity,
      `SELECT t.id, m.park_id, p.program_id FROM ${table} t JOIN team m ON m.id = t.team_id JOIN park p ON p.id = m.park_id`,
    ]),
  ),
};

/** What an officer may write: own visits to current enterprises, and patrols of the officer's teams. */
const OFFICER_ROWS: Record<string, string> = {
  Visit: 'SELECT t.id FROM visit t WHERE t.id = any(?::int[]) AND t.officer_id = ? AND t.enterprise_id = any(?::int[])',
  Patrol: 'SELECT t.id FROM patrol t WHERE t.id = any(?::int[]) AND ? IS NOT NULL AND t.team_id = any(?::int[])',
};

/** Where one record lies: its park (null when program-wide) and program; null when there is no such record. */
export async function locate(
  em: EntityManager,
  entity: string,
  id: number,
): Promise<{ parkId: number | null; programId: number | null } | null> {
  const sql = LOCATION[entity];
  if (!sql) return null;
  const [row] = await em.execute<Array<{ park_id: number | null; program_id: number | null }>>(`${sql} WHERE t.id = ?`, [id]);
  return row ? { parkId: row.park_id, programId: row.program_id } : null;
}

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
