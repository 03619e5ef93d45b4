import { MetricKind, MetricUnit, type MetricDefinition, type MetricQuery, type ParamSpec } from '../metric';
import { inScope, ScopeKind, TZ, type Subject } from '../scope';

/*
 * The metric catalog. Every metric is computed by SQL aggregates in the database over "buckets" (spans of
 * days); nothing is counted in JavaScript. Conventions shared by all of them:
 * - Days follow the calendar of the program's time zone (Asia/Shanghai unless it says otherwise); an
 *   instant belongs to the day it falls on there.
 * - An enterprise counts from the day it joined until the day before it was archived ("while active"),
 *   and, for an officer or a police unit, only on the days it was held by that officer or the unit's officers.
 * - A ratio with nothing to judge (denominator 0) is not applicable, never 100 %.
 * - Cases still open whose time has not run out (a hazard before its deadline, a request before its due
 *   time) are not judged yet: they count neither for nor against.
 */

export const ALL_SCOPES = Object.values(ScopeKind);
export const AREA_SCOPES = [ScopeKind.PROGRAM, ScopeKind.PARK, ScopeKind.ZONE, ScopeKind.POLICE_UNIT] as const;
export const SH = TZ;
export const dayOf = (column: string) => `(${column} AT TIME ZONE ${SH})::date`;

/** Bucket filter for a date column and for an instant column. */
export const onDay = (column: string) => `${column} BETWEEN b.b_from AND b.b_to`;
export const atTime = (column: string) => `${column} >= b.t_from AND ${column} < b.t_to`;

/** Denominators that say whether a count is applicable: the scope holds enterprises, zones or parks in the bucket. */
export const BASIS = {
  enterprises: `(SELECT count(*) FROM s_pop WHERE s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from)`,
  zones: `(SELECT count(*) FROM s_zone)`,
  parks: `(SELECT count(*) FROM s_park)`,
};

/**
 * The denominator of a count of what people as well as enterprises bring (requests, disputes): a
 * program or a park can always have them, so its count is applicable even with no enterprise in it
 * (a residential community, a district); narrower scopes count through their enterprises.
 */
export const servedBasis = (q: MetricQuery) =>
  q.scope.kind === ScopeKind.PROGRAM || q.scope.kind === ScopeKind.PARK ? BASIS.parks : BASIS.enterprises;

/** An enum parameter that narrows a count to one value of a column, or ALL. */
export function choiceParam(name: string, values: readonly string[], description: string): ParamSpec {
  return { name, type: 'enum', default: 'ALL', values: ['ALL', ...values], description: `${description}, or ALL.` };
}

/** The condition a choice parameter puts on column `x.<column>`. */
export const chosen = (q: MetricQuery, name: string, column: string) =>
  q.params[name] === 'ALL' ? 'true' : `x.${column} = ${q.sql.param(q.params[name])}`;

/**
 * One aggregate row per bucket over the rows of `table` that fall in it and in scope; with no subject,
 * `extra` carries the scope condition itself (patrols, engagements).
 */
export function perBucket(q: MetricQuery, table: string, subject: Subject | null, when: string, select: string, extra = 'true'): string {
  const scoped = subject ? inScope(q.scope, subject, q.sql) : 'true';
  return `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (SELECT ${select} FROM ${table} x WHERE ${when} AND ${scoped} AND ${extra}) a`;
}

export const VISIT: Subject = { enterprise: 'column', day: 'x.visited_on' };
export const incident = (day = dayOf('x.received_at')): Subject => ({
  park: true,
  zone: true,
  enterprise: 'column',
  day,
  unit: (id) => `EXISTS (SELECT 1 FROM incident_unit iu WHERE iu.incident_id = x.id AND iu.police_unit_id = ${id})`,
});
export const hazard = (day: string): Subject => ({ park: true, zone: true, enterprise: 'column', day });
export const request = (day: string): Subject => ({ park: true, enterprise: 'column', day, unit: (id) => `x.assigned_unit_id = ${id}` });
/** A dispute lies in the zone recorded for it, or else in the zones of the enterprises involved. */
export const dispute = (day: string): Subject => ({
  park: true,
  zone: 'or-enterprises',
  enterprise: { link: 'dispute_enterprise', key: 'dispute_id' },
  day,
});
export const RECOGNITION: Subject = {
  enterprise: 'column',
  day: 'x.received_on',
  officer: (id) => `x.officer_id = ${id}`,
  unit: (id) => `(x.unit_id = ${id} OR x.officer_id IN (SELECT id FROM officer WHERE unit_id = ${id}))`,
};

/**
 * Patrols belong to a park through their team, and to a zone or a unit's zones through their zone. The
 * patrol metrics read `patrol_day` (patrols summed by team, day, zone and kind; zone 0 for none).
 */
export function patrolInScope(q: MetricQuery): string {
  switch (q.scope.kind) {
    case ScopeKind.PROGRAM:
    case ScopeKind.PARK:
      return 'x.team_id IN (SELECT id FROM team WHERE park_id IN (SELECT park_id FROM s_park))';
    case ScopeKind.ZONE:
    case ScopeKind.POLICE_UNIT:
      return 'x.zone_id IN (SELECT zone_id FROM s_zone)';
    default:
      return 'false';
  }
}

/**
 * Engagements: a park's for a program or park; a unit's own (as organiser); otherwise those an enterprise of
 * the scope took part in while it counted, and the park-wide ones (with no enterprise listed) of its parks.
 */
export function engagementInScope(q: MetricQuery): string {
  switch (q.scope.kind) {
    case ScopeKind.PROGRAM:
    case ScopeKind.PARK:
      return 'x.park_id IN (SELECT park_id FROM s_park)';
    case ScopeKind.POLICE_UNIT:
      return `x.organizer_id = ${q.sql.param(q.scope.id)}`;
    default:
      return `(EXISTS (SELECT 1 FROM engagement_enterprise l JOIN s_pop ON s_pop.enterprise_id = l.enterprise_id WHERE l.engagement_id = x.id AND x.held_on BETWEEN s_pop.p_from AND s_pop.p_to)
        OR (x.park_id IN (SELECT park_id FROM s_park) AND NOT EXISTS (SELECT 1 FROM engagement_enterprise l WHERE l.engagement_id = x.id)))`;
  }
}

export const ENGAGEMENT_TYPES = [
  'ALL',
  'QUARTERLY_MEETING',
  'FORUM',
  'PARTY_BUILDING',
  'LEGAL_PUBLICITY',
  'TRAINING',
  'SECURITY_BULLETIN',
  'ANALYSIS_MEETING',
  'DRILL',
] as const;
export const typeParam: ParamSpec = {
  name: 'type',
  type: 'enum',
  default: 'ALL',
  values: ENGAGEMENT_TYPES,
  description: 'Engagement type (EngagementType), or ALL.',
};
export const engagementType = (q: MetricQuery) => (q.params.type === 'ALL' ? 'true' : `x.type = ${q.sql.param(q.params.type)}`);

/**
 * Whether a month's visited days (an element of `visit_year.days`: bit d - 1 for day d of `month`) hold
 * a visit between `from` and `to`, two days that bound a span reaching into that month (from its month or
 * before, to its month or after). Bits past the month's last day are never set, so the span's end is
 * capped at day 31.
 */
export const visitedWithin = (days: string, month: string, from: string, to: string) =>
  `(${days}::int8 & ((1::int8 << least(${to} - ${month} + 1, 31)) - (1::int8 << (greatest(${from} - ${month} + 1, 1) - 1)))) <> 0`;

/** Days an enterprise interval and a bucket share, as SQL (0 when they do not overlap). */
export const OVERLAP_DAYS = 'greatest(0, least(s_pop.p_to, b.b_to) - greatest(s_pop.p_from, b.b_from) + 1)';

export function sumOfPatrols(
  name: string,
  column: string,
  label: MetricDefinition['label'],
  description: MetricDefinition['description'],
): MetricDefinition {
  return {
    name,
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label,
    description,
    sensitive: false,
    perPeriod: true,
    params: [],
    scopes: AREA_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'patrol_day',
        null,
        onDay('x.patrolled_on'),
        `coalesce(sum(x.${column}), 0) AS num, ${BASIS.zones} AS den`,
        patrolInScope(q),
      ),
  };
}
