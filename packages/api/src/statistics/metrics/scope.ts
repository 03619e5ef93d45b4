import { InputErrorReason } from '../../shared/errors/reasons';
import { registerEnumType } from 'type-graphql';
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { scopeCondition } from '../../shared/db/scope-filter';
import { builtRead, readKey } from '../../shared/db/built-reads';
import { notFound } from '../../shared/errors/domain-error';
import { parseGlobalId } from '../../shared/graphql/global-id';
import { DomainValidationError } from '../../shared/validation';
import type { SqlBuilder } from './sql';

/** What a statistic can be computed for. */
export enum ScopeKind {
  PROGRAM = 'PROGRAM',
  PARK = 'PARK',
  ZONE = 'ZONE',
  POLICE_UNIT = 'POLICE_UNIT',
  OFFICER = 'OFFICER',
  ENTERPRISE = 'ENTERPRISE',
}

registerEnumType(ScopeKind, {
  name: 'ScopeKind',
  description: 'What a statistic is computed for.',
  valuesConfig: {
    PROGRAM: { description: 'A whole program (工作机制): all its parks.' },
    PARK: { description: 'A park (园区).' },
    ZONE: { description: 'A zone of a park (片区).' },
    POLICE_UNIT: {
      description:
        'A police unit (单位): the enterprises its officers held at the time, the incidents it attended, the requests assigned to it, the events it organised and the zones it covers.',
    },
    OFFICER: { description: 'A liaison officer (护航警官): the enterprises the officer held at the time.' },
    ENTERPRISE: { description: 'One enterprise (企业).' },
  },
});

const KIND_BY_TYPE: Record<string, ScopeKind> = {
  Program: ScopeKind.PROGRAM,
  Park: ScopeKind.PARK,
  Zone: ScopeKind.ZONE,
  PoliceUnit: ScopeKind.POLICE_UNIT,
  Officer: ScopeKind.OFFICER,
  Enterprise: ScopeKind.ENTERPRISE,
};

/** A resolved scope: its kind, row id, name and program, and the day it began, if known. */
export interface Scope {
  kind: ScopeKind;
  id: number;
  name: string;
  programId: number;
  /** The later of its program's and its park's start days; no period before it is judged. */
  startsOn: string | null;
  /** Its program's IANA time zone: the calendar its days, months and years follow. */
  timeZone: string;
  /** The park it lies in, null when program-wide (as `locate` gives it); read with the scope. */
  parkId?: number | null;
  /** Whether the viewer's read scope shows the record (as the ORM's filter would); read with the scope. */
  visible?: boolean;
}

/** The later of a program's and a park's start (greatest() skips nulls), as text. */
const START = (program: string, park: string | null) =>
  `to_char(${park ? `greatest(${program}.starts_on, ${park}.starts_on)` : `${program}.starts_on`}, 'YYYY-MM-DD') AS starts_on, ${program}.time_zone`;

const LOOKUP: Record<ScopeKind, string> = {
  PROGRAM: `SELECT g.name, g.id AS program_id, NULL::int AS park_id, ${START('g', null)} FROM program g WHERE g.id = ?`,
  PARK: `SELECT p.name, p.program_id, p.id AS park_id, ${START('g', 'p')} FROM park p JOIN program g ON g.id = p.program_id WHERE p.id = ?`,
  ZONE: `SELECT z.name, p.program_id, z.park_id, ${START('g', 'p')} FROM zone z JOIN park p ON p.id = z.park_id JOIN program g ON g.id = p.program_id WHERE z.id = ?`,
  POLICE_UNIT: `SELECT u.name, u.program_id, u.park_id, ${START('g', 'p')} FROM police_unit u JOIN program g ON g.id = u.program_id LEFT JOIN park p ON p.id = u.park_id WHERE u.id = ?`,
  OFFICER: `SELECT o.name, u.program_id, u.park_id, ${START('g', 'p')} FROM officer o JOIN police_unit u ON u.id = o.unit_id JOIN program g ON g.id = u.program_id LEFT JOIN park p ON p.id = u.park_id WHERE o.id = ?`,
  ENTERPRISE: `SELECT e.name, p.program_id, e.park_id, ${START('g', 'p')} FROM enterprise e JOIN park p ON p.id = e.park_id JOIN program g ON g.id = p.program_id WHERE e.id = ?`,
};

/** Resolves the global id of a program, park, zone, police unit, officer or enterprise into a scope. */
export async function resolveScope(em: EntityManager, globalId: string, field = 'scope'): Promise<Scope> {
  const { type, id } = parseGlobalId(globalId, field);
  const kind = KIND_BY_TYPE[type];
  if (!kind) {
    throw new DomainValidationError(
      field,
      `${field} 应为计划、园区、片区、单位、民警或企业的 ID (a scope is a program, park, zone, police unit, officer or enterprise; got a ${type})`,
      InputErrorReason.WRONG_TYPE,
    );
  }
  // Whether the viewer's read scope shows the record, in the same statement (row-level security binds both).
  const condition = scopeCondition(em, type);
  const visible = condition
    ? builtRead(em.getMetadata(), readKey(['visible', type, condition]), () => ({
        sql: `s.id IN (${em.createQueryBuilder(type, 'v').select(raw('v.id')).where(condition).getKnexQuery().toQuery()})`,
        bindings: [],
        extra: null,
      })).sql
    : 'true';
  const rows = await em
    .getConnection()
    .execute<
      Array<{ name: string; program_id: number; park_id: number | null; starts_on: string | null; time_zone: string; visible: boolean }>
    >(`SELECT s.*, ${visible} AS visible FROM (${LOOKUP[kind].replace(/^SELECT /, `SELECT ${Number(id)} AS id, `)}) s`, [id], 'all', em.getTransactionContext());
  const row = rows[0];
  if (!row) throw notFound(type, field);
  return {
    kind,
    id,
    name: row.name,
    programId: row.program_id,
    startsOn: row.starts_on,
    timeZone: row.time_zone,
    parkId: row.park_id,
    visible: row.visible,
  };
}

/** The program's time zone, from the statement's `s_tz` (engine.ts). */
export const TZ = '(SELECT tz FROM s_tz)';

const ACTIVE_TO = `coalesce((e.archived_at AT TIME ZONE ${TZ})::date - 1, 'infinity'::date)`;

/**
 * The common table expressions every metric reads:
 * - `s_pop(enterprise_id, zone_id, park_id, p_from, p_to, group_from)`: the enterprises in scope and the
 *   days each counts for: while active (from joining to the day before archiving) and, for an officer or a
 *   unit, while held by that officer or one of the unit's officers;
 * - `s_zone(zone_id)`: the zones in scope that hold enterprises (patrols are counted by zone);
 * - `s_park(park_id)`: the parks whose park-wide records (bulletins, patrol teams) reach the scope: a
 *   program's or park's own, otherwise the parks of the enterprises in scope.
 */
export function scopeCtes(scope: Scope, sql: SqlBuilder): string {
  const id = () => sql.param(scope.id);
  const enterpriseColumns = (from: string, to: string) =>
    `e.id AS enterprise_id, e.zone_id, e.park_id, ${from} AS p_from, ${to} AS p_to, e.liaison_group_joined_on AS group_from`;
  let pop: string;
  switch (scope.kind) {
    case ScopeKind.PROGRAM:
      pop = `SELECT ${enterpriseColumns('e.joined_on', ACTIVE_TO)} FROM enterprise e JOIN park pk ON pk.id = e.park_id WHERE pk.program_id = ${id()}`;
      break;
    case ScopeKind.PARK:
      pop = `SELECT ${enterpriseColumns('e.joined_on', ACTIVE_TO)} FROM enterprise e WHERE e.park_id = ${id()}`;
      break;
    case ScopeKind.ZONE:
      pop = `SELECT ${enterpriseColumns('e.joined_on', ACTIVE_TO)} FROM enterprise e WHERE e.zone_id = ${id()}`;
      break;
    case ScopeKind.ENTERPRISE:
      pop = `SELECT ${enterpriseColumns('e.joined_on', ACTIVE_TO)} FROM enterprise e WHERE e.id = ${id()}`;
      break;
    case ScopeKind.OFFICER:
    case ScopeKind.POLICE_UNIT: {
      const held = scope.kind === ScopeKind.OFFICER ? `la.officer_id = ${id()}` : `o.unit_id = ${id()}`;
      pop = `SELECT * FROM (SELECT ${enterpriseColumns(
        'greatest(e.joined_on, la.starts_on)',
        `least(${ACTIVE_TO}, coalesce(la.ends_on, 'infinity'::date))`,
      )} FROM liaison_assignment la JOIN enterprise e ON e.id = la.enterprise_id JOIN officer o ON o.id = la.officer_id WHERE ${held}) held WHERE p_from <= p_to`;
      break;
    }
  }
  // Zones count when an enterprise is (or was) in them: an empty zone is not judged on patrols.
  const withEnterprises = 'EXISTS (SELECT 1 FROM enterprise ez WHERE ez.zone_id = z.id)';
  let zones: string;
  switch (scope.kind) {
    case ScopeKind.PROGRAM:
      zones = `SELECT z.id AS zone_id FROM zone z JOIN park pk ON pk.id = z.park_id WHERE pk.program_id = ${id()} AND ${withEnterprises}`;
      break;
    case ScopeKind.PARK:
      zones = `SELECT z.id AS zone_id FROM zone z WHERE z.park_id = ${id()} AND ${withEnterprises}`;
      break;
    case ScopeKind.ZONE:
      zones = `SELECT z.id AS zone_id FROM zone z WHERE z.id = ${id()} AND ${withEnterprises}`;
      break;
    case ScopeKind.POLICE_UNIT:
      zones = `SELECT z.id AS zone_id FROM police_unit_zone puz JOIN zone z ON z.id = puz.zone_id WHERE puz.police_unit_id = ${id()} AND ${withEnterprises}`;
      break;
    default:
      zones = 'SELECT NULL::int AS zone_id WHERE false';
  }
  let parks: string;
  switch (scope.kind) {
    case ScopeKind.PROGRAM:
      parks = `SELECT id AS park_id FROM park WHERE program_id = ${id()}`;
      break;
    case ScopeKind.PARK:
      parks = `SELECT ${id()}::int AS park_id`;
      break;
    default:
      parks = 'SELECT DISTINCT park_id FROM s_pop';
  }
  return `s_pop AS MATERIALIZED (${pop}), s_zone AS (${zones}), s_park AS (${parks})`;
}

/** How a table's rows belong to a scope. */
export interface Subject {
  /** Has `park_id`. */
  park?: boolean;
  /**
   * Has `zone_id`. `'or-enterprises'`: the zone may be left empty (a dispute between enterprises of
   * several zones); a row without one lies in the zones of the enterprises it names.
   */
  zone?: boolean | 'or-enterprises';
  /** How the row names its enterprise: a column, or a link table `(link, key)`; absent when it has none. */
  enterprise?: 'column' | { link: string; key: string };
  /** The row's day, as SQL over alias `x`. */
  day: string;
  /** For a police unit: the row's own attribution (e.g. the unit assigned), instead of its enterprise. */
  unit?: (unitId: string) => string;
  /** For an officer: the row's own attribution, instead of its enterprise. */
  officer?: (officerId: string) => string;
}

/** The SQL condition, over alias `x`, that a row of `subject` belongs to the scope. */
export function inScope(scope: Scope, subject: Subject, sql: SqlBuilder): string {
  const held = () => {
    if (!subject.enterprise) return 'false';
    if (subject.enterprise === 'column') {
      return `EXISTS (SELECT 1 FROM s_pop WHERE s_pop.enterprise_id = x.enterprise_id AND ${subject.day} BETWEEN s_pop.p_from AND s_pop.p_to)`;
    }
    const { link, key } = subject.enterprise;
    return `EXISTS (SELECT 1 FROM ${link} l JOIN s_pop ON s_pop.enterprise_id = l.enterprise_id WHERE l.${key} = x.id AND ${subject.day} BETWEEN s_pop.p_from AND s_pop.p_to)`;
  };
  switch (scope.kind) {
    case ScopeKind.PROGRAM:
    case ScopeKind.PARK:
      return subject.park ? 'x.park_id IN (SELECT park_id FROM s_park)' : held();
    case ScopeKind.ZONE:
      if (subject.zone === 'or-enterprises') return `(x.zone_id = ${sql.param(scope.id)} OR (x.zone_id IS NULL AND ${held()}))`;
      return subject.zone ? `x.zone_id = ${sql.param(scope.id)}` : held();
    case ScopeKind.POLICE_UNIT:
      if (subject.unit) return subject.unit(sql.param(scope.id));
      // A workstation's zones, the same way as one zone.
      if (subject.zone === 'or-enterprises') return `(x.zone_id IN (SELECT zone_id FROM s_zone) OR (x.zone_id IS NULL AND ${held()}))`;
      return held();
    case ScopeKind.OFFICER:
      return subject.officer ? subject.officer(sql.param(scope.id)) : held();
    case ScopeKind.ENTERPRISE:
      return held();
  }
}
