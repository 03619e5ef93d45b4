import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordChange } from '../shared/audit/audit';
import { intArray } from '../shared/db/pg-array';
import type { SqlStatement } from '../shared/db/sql-literal';

/** For each kind of record: SQL giving the park (null when program-wide) and program of rows `?::int[]`. */
export const LOCATION: Record<string, string> = {
  Program: 'SELECT t.id, NULL::int AS park_id, t.id AS program_id FROM program t',
  Park: 'SELECT t.id, t.id AS park_id, t.program_id FROM park t',
  PoliceUnit: 'SELECT t.id, t.park_id, t.program_id FROM police_unit t',
  Officer: 'SELECT t.id, u.park_id, u.program_id FROM officer t JOIN police_unit u ON u.id = t.unit_id',
  Commitment: 'SELECT t.id, NULL::int AS park_id, t.program_id FROM commitment t',
  Indicator: 'SELECT t.id, NULL::int AS park_id, c.program_id FROM indicator t JOIN commitment c ON c.id = t.commitment_id',
  EmbedKey: 'SELECT t.id, t.park_id, t.program_id FROM embed_key t',
  Organisation: 'SELECT t.id, NULL::int AS park_id, t.program_id FROM organisation t',
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
      ['Facility', 'facility'],
      ['WorkerRegistration', 'worker_registration'],
      ['PlaceParticipant', 'place_participant'],
      // The database keeps these three in their enterprise's park (migration 2900).
      ['LiaisonAssignment', 'liaison_assignment'],
      ['Visit', 'visit'],
      ['Recognition', 'recognition'],
    ].map(([entity, table]) => [entity, `SELECT t.id, t.park_id, p.program_id FROM ${table} t JOIN park p ON p.id = t.park_id`]),
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

/**
 * The rows `changes` touch, by kind of record: where they lie before the flush (rows that change or
 * go) or after it (rows that come or change). Users are in no program.
 */
export function rowsAt(changes: RecordChange[], phase: 'before' | 'after'): Map<string, number[]> {
  const ids = new Map<string, Set<number>>();
  for (const change of changes) {
    const id = change.record.id;
    if (id === undefined || id === null || !LOCATION[change.entity]) continue;
    if (phase === 'before' && change.type === 'create') continue;
    if (phase === 'after' && change.type.startsWith('delete')) continue;
    if (!ids.has(change.entity)) ids.set(change.entity, new Set());
    ids.get(change.entity)?.add(id);
  }
  return new Map([...ids].map(([entity, set]) => [entity, [...set]]));
}

/** The programs of `rows` (by kind of record), as one query: `program_id` of each, possibly null. */
export function programsOfRowsSql(rows: Map<string, number[]>): SqlStatement | null {
  if (rows.size === 0) return null;
  const parts = [...rows].map(([entity]) => `SELECT program_id FROM (${LOCATION[entity]} WHERE t.id = any(?::int[])) l`);
  return { sql: parts.join(' UNION '), values: [...rows.values()].map((ids) => intArray(ids)) };
}

/** The programs whose data `changes` touch where they lie now, in the mutation's transaction. */
export async function programsOf(em: EntityManager, changes: RecordChange[], phase: 'before' | 'after'): Promise<number[]> {
  const query = programsOfRowsSql(rowsAt(changes, phase));
  if (!query) return [];
  const rows = await em.execute<Array<{ program_id: number | null }>>(query.sql, [...query.values]);
  return [...new Set(rows.flatMap((row) => (row.program_id === null ? [] : [row.program_id])))];
}
