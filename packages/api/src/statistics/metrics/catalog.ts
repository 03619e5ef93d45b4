import { DomainValidationError } from '../../shared/validation';
import { MetricKind, MetricUnit, type MetricDefinition, type MetricQuery, type ParamSpec, type ParamValues } from './metric';
import { inScope, ScopeKind, type Subject } from './scope';

/*
 * The metric catalog. Every metric is computed by SQL aggregates in the database over "buckets" (spans of
 * days); nothing is counted in JavaScript. Conventions shared by all of them:
 * - Days follow the Asia/Shanghai calendar; an instant belongs to the Shanghai day it falls on.
 * - An enterprise counts from the day it joined until the day before it was archived ("while active"),
 *   and, for an officer or a police unit, only on the days it was held by that officer or the unit's officers.
 * - A ratio with nothing to judge (denominator 0) is not applicable, never 100 %.
 * - Cases still open whose time has not run out (a hazard before its deadline, a request before its due
 *   time) are not judged yet: they count neither for nor against.
 */

const ALL_SCOPES = Object.values(ScopeKind);
const AREA_SCOPES = [ScopeKind.PROGRAM, ScopeKind.PARK, ScopeKind.ZONE, ScopeKind.POLICE_UNIT] as const;
const SH = `'Asia/Shanghai'`;
const dayOf = (column: string) => `(${column} AT TIME ZONE ${SH})::date`;

/** Bucket filter for a date column and for an instant column. */
const onDay = (column: string) => `${column} BETWEEN b.b_from AND b.b_to`;
const atTime = (column: string) => `${column} >= b.t_from AND ${column} < b.t_to`;

/** Denominators that say whether a count is applicable: the scope holds enterprises, zones or parks in the bucket. */
const BASIS = {
  enterprises: `(SELECT count(*) FROM s_pop WHERE s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from)`,
  zones: `(SELECT count(*) FROM s_zone)`,
  parks: `(SELECT count(*) FROM s_park)`,
};

/**
 * One aggregate row per bucket over the rows of `table` that fall in it and in scope; with no subject,
 * `extra` carries the scope condition itself (patrols, engagements).
 */
function perBucket(q: MetricQuery, table: string, subject: Subject | null, when: string, select: string, extra = 'true'): string {
  const scoped = subject ? inScope(q.scope, subject, q.sql) : 'true';
  return `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (SELECT ${select} FROM ${table} x WHERE ${when} AND ${scoped} AND ${extra}) a`;
}

const VISIT: Subject = { enterprise: 'column', day: 'x.visited_on' };
const incident = (day = dayOf('x.received_at')): Subject => ({
  park: true,
  zone: true,
  enterprise: 'column',
  day,
  unit: (id) => `EXISTS (SELECT 1 FROM incident_unit iu WHERE iu.incident_id = x.id AND iu.police_unit_id = ${id})`,
});
const hazard = (day: string): Subject => ({ park: true, zone: true, enterprise: 'column', day });
const request = (day: string): Subject => ({ park: true, enterprise: 'column', day, unit: (id) => `x.assigned_unit_id = ${id}` });
const dispute = (day: string): Subject => ({ park: true, zone: true, enterprise: { link: 'dispute_enterprise', key: 'dispute_id' }, day });
const RECOGNITION: Subject = {
  enterprise: 'column',
  day: 'x.received_on',
  officer: (id) => `x.officer_id = ${id}`,
  unit: (id) => `(x.unit_id = ${id} OR x.officer_id IN (SELECT id FROM officer WHERE unit_id = ${id}))`,
};

/** Patrols belong to a park through their team, and to a zone or a unit's zones through their zone. */
function patrolInScope(q: MetricQuery): string {
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
function engagementInScope(q: MetricQuery): string {
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

const ENGAGEMENT_TYPES = [
  'ALL',
  'QUARTERLY_MEETING',
  'FORUM',
  'PARTY_BUILDING',
  'LEGAL_PUBLICITY',
  'TRAINING',
  'SECURITY_BULLETIN',
  'ANALYSIS_MEETING',
] as const;
const typeParam: ParamSpec = {
  name: 'type',
  type: 'enum',
  default: 'ALL',
  values: ENGAGEMENT_TYPES,
  description: 'Engagement type (EngagementType), or ALL.',
};
const engagementType = (q: MetricQuery) => (q.params.type === 'ALL' ? 'true' : `x.type = ${q.sql.param(q.params.type)}`);

/** Days an enterprise interval and a bucket share, as SQL (0 when they do not overlap). */
const OVERLAP_DAYS = 'greatest(0, least(s_pop.p_to, b.b_to) - greatest(s_pop.p_from, b.b_from) + 1)';

function sumOfPatrols(
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
        'patrol',
        null,
        onDay('x.patrolled_on'),
        `coalesce(sum(x.${column}), 0) AS num, ${BASIS.zones} AS den`,
        patrolInScope(q),
      ),
  };
}

export const METRICS: readonly MetricDefinition[] = [
  {
    name: 'liaisonGroupCoverage',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '警企联络群覆盖率', 'zh-TW': '警企聯絡群覆蓋率', en: 'Liaison group coverage' },
    description: {
      'zh-CN': '已加入警企联络群的企业占比，按企业在册天数加权：企业入群之日起计入分子。',
      en: 'Share of enterprise-days on which the enterprise was in the police–enterprise liaison group, over the days it was active in scope. An enterprise that joined mid-period weighs only its active days.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) => `SELECT b.idx,
        sum(CASE WHEN s_pop.group_from IS NULL THEN 0 ELSE greatest(0, least(s_pop.p_to, b.b_to) - greatest(s_pop.p_from, b.b_from, s_pop.group_from) + 1) END) AS num,
        sum(${OVERLAP_DAYS}) AS den
      FROM ${q.b} b JOIN s_pop ON s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from GROUP BY b.idx`,
  },
  {
    name: 'liaisonCoverage',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '护航警官覆盖率', 'zh-TW': '護航警官覆蓋率', en: 'Liaison officer coverage' },
    description: {
      'zh-CN': '有在岗护航警官的企业占比，按企业在册天数加权；调整挂钩期间的空档计为未覆盖。',
      en: 'Share of enterprise-days on which the enterprise had a liaison officer assigned, over its active days in scope. Gaps between assignments count as uncovered. For an officer or a unit it is 100 % by construction whenever applicable.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    uses: ['s_cover'],
    sql: (q) => `SELECT b.idx,
        (SELECT coalesce(sum(least(s_cover.c_to, b.b_to) - greatest(s_cover.c_from, b.b_from) + 1), 0) FROM s_cover
          WHERE s_cover.c_from <= b.b_to AND s_cover.c_to >= b.b_from) AS num,
        (SELECT coalesce(sum(${OVERLAP_DAYS}), 0) FROM s_pop WHERE s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from) AS den
      FROM ${q.b} b`,
  },
  {
    name: 'visitCoverage',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '月度走访覆盖率', 'zh-TW': '月度走訪覆蓋率', en: 'Monthly visit coverage' },
    description: {
      'zh-CN':
        '企业每月应走访一次：已走访的“企业·月”占应走访“企业·月”的比例。当月只在册部分天数的企业按在册天数折算权重；调整挂钩的企业按各自挂钩天数计入当时的民警。',
      en: 'Each active enterprise is due one visit per calendar month: visited enterprise-months over due enterprise-months. An enterprise active for part of a month weighs its share of that month’s days, and is visited if a visit fell on one of those days; a reassigned enterprise counts, for each officer, for the days that officer held it. The current month counts up to today.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    uses: ['s_visit'],
    // Slots are calendar months clipped to the bucket. A slot covering the whole of its month and enterprise
    // interval is visited when s_visit lists that month; a clipped one (the current month, the ends of a
    // range) looks for a visit on its days.
    sql: (q) => `WITH m AS MATERIALIZED (
        SELECT b.idx, g::date AS month, greatest(g::date, b.b_from) AS m_from, least((g + interval '1 month' - interval '1 day')::date, b.b_to) AS m_to,
          g::date >= b.b_from AND (g + interval '1 month' - interval '1 day')::date <= b.b_to AS whole
        FROM ${q.b} b CROSS JOIN LATERAL generate_series(date_trunc('month', b.b_from::timestamp), b.b_to::timestamp, interval '1 month') g)
      SELECT slot.idx, sum(slot.weight * slot.visited) AS num, sum(slot.weight) AS den FROM (
        SELECT m.idx, (least(s_pop.p_to, m.m_to) - greatest(s_pop.p_from, m.m_from) + 1)::float8 / (m.m_to - m.m_from + 1) AS weight,
          CASE WHEN sv.month IS NULL THEN 0
               WHEN m.whole THEN 1
               WHEN EXISTS (SELECT 1 FROM visit v WHERE v.enterprise_id = s_pop.enterprise_id
                 AND v.visited_on BETWEEN greatest(s_pop.p_from, m.m_from) AND least(s_pop.p_to, m.m_to)) THEN 1
               ELSE 0 END AS visited
        FROM m JOIN s_pop ON s_pop.p_from <= m.m_to AND s_pop.p_to >= m.m_from
        LEFT JOIN s_visit sv ON sv.enterprise_id = s_pop.enterprise_id AND sv.p_from = s_pop.p_from AND sv.month = m.month) slot
      GROUP BY slot.idx`,
  },
  {
    name: 'visitCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '走访企业次数', 'zh-TW': '走訪企業次數', en: 'Visits' },
    description: { 'zh-CN': '护航警官走访企业的次数。', en: 'Visits made to enterprises in scope while they counted for it.' },
    sensitive: false,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) => perBucket(q, 'visit', VISIT, onDay('x.visited_on'), `count(*) AS num, ${BASIS.enterprises} AS den`),
  },
  {
    name: 'incidentCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '涉企警情', 'zh-TW': '涉企警情', en: 'Enterprise-related incidents' },
    description: {
      'zh-CN': '接报时间在期间内的涉企警情数。',
      en: 'Enterprise-related police incidents received in the period. For a police unit: the incidents it attended.',
    },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) => perBucket(q, 'incident', incident(), atTime('x.received_at'), `count(*) AS num, ${BASIS.enterprises} AS den`),
  },
  {
    name: 'incidentArrivalWithin',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '按时到场率', 'zh-TW': '按時到場率', en: 'Arrival within the target time' },
    description: {
      'zh-CN': '接报后在规定分钟内到场的警情占比。尚未到场且未超时的警情暂不计入。',
      en: 'Share of incidents received in the period where police arrived within `minutes` of the call. An incident without an arrival counts against once its time has run out; before that it is not judged.',
    },
    sensitive: true,
    perPeriod: false,
    params: [{ name: 'minutes', type: 'int', default: 15, min: 1, max: 240, description: 'Target minutes from the call to arrival.' }],
    scopes: ALL_SCOPES,
    sql: (q) => {
      const limit = `make_interval(mins => ${q.sql.param(q.params.minutes, 'int')})`;
      return perBucket(
        q,
        'incident',
        incident(),
        atTime('x.received_at'),
        `count(*) FILTER (WHERE x.arrived_at <= x.received_at + ${limit}) AS num,
         count(*) FILTER (WHERE x.arrived_at IS NOT NULL OR x.received_at + ${limit} < b.b_now) AS den`,
      );
    },
  },
  ...(
    [
      ['responseMinutesMedian', 0.5, { 'zh-CN': '到场时间中位数', 'zh-TW': '到場時間中位數', en: 'Median response time' }],
      ['responseMinutesP90', 0.9, { 'zh-CN': '到场时间 90 分位', 'zh-TW': '到場時間 90 分位', en: '90th percentile response time' }],
    ] as const
  ).map(
    ([name, fraction, label]): MetricDefinition => ({
      name,
      kind: MetricKind.STATISTIC,
      unit: MetricUnit.MINUTES,
      label,
      description: {
        'zh-CN': `从接报到到场的分钟数（${fraction === 0.5 ? '中位数' : '第 90 百分位'}），只计已到场的警情。`,
        en: `Minutes from the call to arrival, ${fraction === 0.5 ? 'median' : '90th percentile'} (continuous), over incidents received in the period that have an arrival. Not applicable without any.`,
      },
      sensitive: true,
      perPeriod: false,
      params: [],
      scopes: ALL_SCOPES,
      sql: (q) =>
        perBucket(
          q,
          'incident',
          incident(),
          atTime('x.received_at'),
          `percentile_cont(${fraction}) WITHIN GROUP (ORDER BY extract(epoch FROM x.arrived_at - x.received_at) / 60) FILTER (WHERE x.arrived_at IS NOT NULL) AS num,
           count(*) FILTER (WHERE x.arrived_at IS NOT NULL) AS den`,
        ),
    }),
  ),
  {
    name: 'patrolCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '巡逻次数', 'zh-TW': '巡邏次數', en: 'Patrols' },
    description: {
      'zh-CN': '巡逻次数，可按实地或视频巡逻筛选。巡逻按片区统计，不归属单个企业或民警。',
      en: 'Patrols, on site, by video or all. Patrols are counted by zone (a unit: the zones it covers) and do not apply to an enterprise or an officer.',
    },
    sensitive: false,
    perPeriod: true,
    params: [{ name: 'kind', type: 'enum', default: 'ALL', values: ['ALL', 'ON_SITE', 'VIDEO'], description: 'ON_SITE, VIDEO or ALL.' }],
    scopes: AREA_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'patrol',
        null,
        onDay('x.patrolled_on'),
        `count(*) AS num, ${BASIS.zones} AS den`,
        `${patrolInScope(q)} AND ${q.params.kind === 'ALL' ? 'true' : `x.kind = ${q.sql.param(q.params.kind)}`}`,
      ),
  },
  {
    name: 'videoPatrolCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '视频巡逻次数', 'zh-TW': '視頻巡邏次數', en: 'Video patrols' },
    description: { 'zh-CN': '通过视频监控开展的巡逻次数。', en: 'Patrols made through the video monitoring system, counted by zone.' },
    sensitive: false,
    perPeriod: true,
    params: [],
    scopes: AREA_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'patrol',
        null,
        onDay('x.patrolled_on'),
        `count(*) AS num, ${BASIS.zones} AS den`,
        `${patrolInScope(q)} AND x.kind = 'VIDEO'`,
      ),
  },
  sumOfPatrols(
    'patrolPersonTimes',
    'person_times',
    { 'zh-CN': '巡逻人次', 'zh-TW': '巡邏人次', en: 'Patrol person-times' },
    { 'zh-CN': '巡逻投入的人次之和。', en: 'Sum of the person-times (人次) of patrols.' },
  ),
  sumOfPatrols(
    'suspiciousPersonsChecked',
    'suspicious_persons_checked',
    { 'zh-CN': '盘查可疑人员', 'zh-TW': '盤查可疑人員', en: 'Suspicious persons checked' },
    { 'zh-CN': '巡逻中盘查的可疑人员数。', en: 'Suspicious persons checked on patrols.' },
  ),
  sumOfPatrols(
    'suspiciousVehiclesChecked',
    'suspicious_vehicles_checked',
    { 'zh-CN': '盘查可疑车辆', 'zh-TW': '盤查可疑車輛', en: 'Suspicious vehicles checked' },
    { 'zh-CN': '巡逻中盘查的可疑车辆数。', en: 'Suspicious vehicles checked on patrols.' },
  ),
  sumOfPatrols(
    'peopleAssisted',
    'people_assisted',
    { 'zh-CN': '救助群众', 'zh-TW': '救助群眾', en: 'People assisted' },
    { 'zh-CN': '巡逻中救助、帮助的群众人数。', en: 'People assisted on patrols.' },
  ),
  {
    name: 'patrolsPerZonePerWeek',
    kind: MetricKind.RATE,
    unit: MetricUnit.PER_ZONE_PER_WEEK,
    label: { 'zh-CN': '每片区每周巡逻次数', 'zh-TW': '每片區每週巡邏次數', en: 'Patrols per zone per week' },
    description: {
      'zh-CN': '巡逻次数 ÷（片区数 × 周数），周数按天数 ÷ 7 计；可选是否计入视频巡逻。',
      en: 'Patrols ÷ (zones in scope × weeks), weeks being days ÷ 7, so a partial period is judged at its own pace. Video patrols count unless includeVideo is false.',
    },
    sensitive: false,
    perPeriod: false,
    params: [{ name: 'includeVideo', type: 'boolean', default: true, description: 'Whether video patrols count.' }],
    scopes: AREA_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'patrol',
        null,
        onDay('x.patrolled_on'),
        `count(*) AS num, ${BASIS.zones} * (b.b_to - b.b_from + 1) / 7.0 AS den`,
        `${patrolInScope(q)} AND ${q.params.includeVideo ? 'true' : `x.kind = 'ON_SITE'`}`,
      ),
  },
  {
    name: 'hazardCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '排查发现隐患', 'zh-TW': '排查發現隱患', en: 'Hazards found' },
    description: { 'zh-CN': '期间内发现的安全隐患数。', en: 'Hazards found in the period, at enterprises and at places of the park.' },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(q, 'hazard', hazard('x.found_on'), onDay('x.found_on'), `count(*) AS num, ${BASIS.enterprises} + ${BASIS.zones} AS den`),
  },
  {
    name: 'hazardsRectifiedOnSite',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '当场整改隐患', 'zh-TW': '當場整改隱患', en: 'Hazards rectified on site' },
    description: { 'zh-CN': '发现后责令当场整改的隐患数。', en: 'Hazards found in the period and ordered rectified on the spot.' },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'hazard',
        hazard('x.found_on'),
        onDay('x.found_on'),
        `count(*) AS num, ${BASIS.enterprises} + ${BASIS.zones} AS den`,
        'x.rectified_on_site',
      ),
  },
  {
    name: 'hazardsRectifiedByDeadline',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '隐患按期整改率', 'zh-TW': '隱患按期整改率', en: 'Hazards rectified by their deadline' },
    description: {
      'zh-CN': '整改期限在期间内的隐患中，按期整改的占比。期限未到且未整改的隐患暂不计入。',
      en: 'Of the hazards whose deadline falls in the period, the share rectified on or before it. A hazard still open before its deadline has passed is not judged yet.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'hazard',
        hazard('x.deadline'),
        onDay('x.deadline'),
        `count(*) FILTER (WHERE x.rectified_on <= x.deadline) AS num,
         count(*) FILTER (WHERE x.rectified_on IS NOT NULL OR x.deadline < b.b_today) AS den`,
      ),
  },
  {
    name: 'serviceRequestCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '受理企业诉求', 'zh-TW': '受理企業訴求', en: 'Requests received' },
    description: {
      'zh-CN': '期间内受理的企业诉求数。',
      en: 'Enterprise requests received in the period. For a police unit: those assigned to it.',
    },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.received_at')),
        atTime('x.received_at'),
        `count(*) AS num, ${BASIS.enterprises} AS den`,
      ),
  },
  {
    name: 'problemsSolved',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '解决企业难题', 'zh-TW': '解決企業難題', en: 'Problems solved' },
    description: { 'zh-CN': '期间内办结的企业诉求数。', en: 'Enterprise requests resolved in the period (车辆通行, 户籍 …).' },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.resolved_at')),
        atTime('x.resolved_at'),
        `count(*) AS num, ${BASIS.enterprises} AS den`,
      ),
  },
  {
    name: 'serviceRequestsResolvedInTime',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '诉求按时办结率', 'zh-TW': '訴求按時辦結率', en: 'Requests resolved within the time limit' },
    description: {
      'zh-CN': '办理时限在期间内的诉求中，按时办结的占比。未到时限且未办结的诉求暂不计入。',
      en: 'Of the requests due in the period, the share resolved by their due time (3 working days, 7 for complex ones, as set when received). A request still open before it is due is not judged yet.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.due_at')),
        atTime('x.due_at'),
        `count(*) FILTER (WHERE x.resolved_at <= x.due_at) AS num,
         count(*) FILTER (WHERE x.resolved_at IS NOT NULL OR x.due_at < b.b_now) AS den`,
      ),
  },
  {
    name: 'appointmentsHonoured',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '预约按时服务率', 'zh-TW': '預約按時服務率', en: 'Appointments honoured on time' },
    description: {
      'zh-CN': '预约时间在期间内的预约办诉求中，在预约时间（含宽限分钟）内提供服务的占比。',
      en: 'Of the appointment-channel requests whose appointment falls in the period, the share served within `graceMinutes` of the appointment. One not served counts against once the grace has run out.',
    },
    sensitive: true,
    perPeriod: false,
    params: [
      { name: 'graceMinutes', type: 'int', default: 30, min: 0, max: 240, description: 'Minutes of grace after the appointment time.' },
    ],
    scopes: ALL_SCOPES,
    sql: (q) => {
      const grace = `make_interval(mins => ${q.sql.param(q.params.graceMinutes, 'int')})`;
      return perBucket(
        q,
        'service_request',
        request(dayOf('x.appointment_at')),
        atTime('x.appointment_at'),
        `count(*) FILTER (WHERE x.served_at <= x.appointment_at + ${grace}) AS num,
         count(*) FILTER (WHERE x.served_at IS NOT NULL OR x.appointment_at + ${grace} < b.b_now) AS den`,
        `x.channel = 'APPOINTMENT'`,
      );
    },
  },
  {
    name: 'satisfaction',
    kind: MetricKind.STATISTIC,
    unit: MetricUnit.SCORE,
    label: { 'zh-CN': '企业满意度', 'zh-TW': '企業滿意度', en: 'Satisfaction' },
    description: {
      'zh-CN': '期间内企业评价的平均分（1–5 分）。',
      en: 'Mean satisfaction score (1 to 5) of the evaluations enterprises gave in the period.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.evaluated_at')),
        atTime('x.evaluated_at'),
        `avg(x.satisfaction) AS num, count(x.satisfaction) AS den`,
      ),
  },
  {
    name: 'satisfactionRate',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '企业满意率', 'zh-TW': '企業滿意率', en: 'Satisfied enterprises' },
    description: {
      'zh-CN': '期间内评价为“满意”（4 分及以上）的占比。',
      en: 'Share of the evaluations given in the period that scored 4 or 5.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.evaluated_at')),
        atTime('x.evaluated_at'),
        `count(*) FILTER (WHERE x.satisfaction >= 4) AS num, count(x.satisfaction) AS den`,
      ),
  },
  {
    name: 'disputeCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '排查矛盾纠纷', 'zh-TW': '排查矛盾糾紛', en: 'Disputes found' },
    description: { 'zh-CN': '期间内排查发现的矛盾纠纷数。', en: 'Disputes identified in the period.' },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(q, 'dispute', dispute('x.identified_on'), onDay('x.identified_on'), `count(*) AS num, ${BASIS.enterprises} AS den`),
  },
  {
    name: 'disputesResolved',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '化解矛盾纠纷', 'zh-TW': '化解矛盾糾紛', en: 'Disputes resolved' },
    description: { 'zh-CN': '期间内化解的矛盾纠纷数。', en: 'Disputes resolved in the period, whenever they were identified.' },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.resolved_on'),
        onDay('x.resolved_on'),
        `count(*) AS num, ${BASIS.enterprises} AS den`,
        `x.status = 'RESOLVED'`,
      ),
  },
  {
    name: 'disputeResolutionRate',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '矛盾纠纷化解率', 'zh-TW': '矛盾糾紛化解率', en: 'Dispute resolution rate' },
    description: {
      'zh-CN': '期间内排查发现的纠纷中，目前已化解的占比；升级（转为刑事等）的计为未化解。',
      en: 'Of the disputes identified in the period, the share resolved by now. Escalated ones and those still mediating count as not resolved.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.identified_on'),
        onDay('x.identified_on'),
        `count(*) FILTER (WHERE x.status = 'RESOLVED') AS num, count(*) AS den`,
      ),
  },
  {
    name: 'escalationRiskCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '发现“民转刑”“刑转命”风险', 'zh-TW': '發現「民轉刑」「刑轉命」風險', en: 'Escalation risks found' },
    description: {
      'zh-CN': '期间内发现的有“民转刑”“刑转命”风险的纠纷数。',
      en: 'Disputes identified in the period with a risk of turning criminal (民转刑) or deadly (刑转命).',
    },
    sensitive: true,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.identified_on'),
        onDay('x.identified_on'),
        `count(*) AS num, ${BASIS.enterprises} AS den`,
        `x.escalation_risk <> 'NONE'`,
      ),
  },
  {
    name: 'escalationRisksDefused',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '风险化解率', 'zh-TW': '風險化解率', en: 'Escalation risks defused' },
    description: {
      'zh-CN': '期间内发现的升级风险中，已化解的占比（分子为化解数）。',
      en: 'Of the escalation risks identified in the period, the share defused; the numerator is the number defused.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.identified_on'),
        onDay('x.identified_on'),
        `count(*) FILTER (WHERE x.risk_outcome = 'DEFUSED') AS num, count(*) AS den`,
        `x.escalation_risk <> 'NONE'`,
      ),
  },
  {
    name: 'escalationRisksControlled',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '风险管控率', 'zh-TW': '風險管控率', en: 'Escalation risks under control' },
    description: {
      'zh-CN': '期间内发现的升级风险中，已化解或已稳控且未升级的占比。',
      en: 'Of the escalation risks identified in the period, the share defused or under control and not escalated.',
    },
    sensitive: true,
    perPeriod: false,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.identified_on'),
        onDay('x.identified_on'),
        `count(*) FILTER (WHERE x.risk_outcome IS NOT NULL AND x.status <> 'ESCALATED') AS num, count(*) AS den`,
        `x.escalation_risk <> 'NONE'`,
      ),
  },
  {
    name: 'engagementCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '警企活动次数', 'zh-TW': '警企活動次數', en: 'Engagements' },
    description: {
      'zh-CN': '期间内举办的警企活动次数，可按类型筛选（恳谈会、座谈会、党建联谊、法律服务进企业、培训、治安形势通报、研判会）。',
      en: 'Meetings and events held in the period, of one type or all. A program or park counts its own; a police unit those it organised; a zone, an officer or an enterprise those its enterprises took part in and the park-wide ones (no enterprise listed) of its park.',
    },
    sensitive: false,
    perPeriod: true,
    params: [typeParam],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'engagement',
        null,
        onDay('x.held_on'),
        `count(*) AS num, ${BASIS.parks} AS den`,
        `${engagementInScope(q)} AND ${engagementType(q)}`,
      ),
  },
  {
    name: 'engagementCountPerPark',
    kind: MetricKind.RATE,
    unit: MetricUnit.PER_PARK,
    label: { 'zh-CN': '每园区活动次数', 'zh-TW': '每園區活動次數', en: 'Engagements per park' },
    description: {
      'zh-CN': '活动次数 ÷ 范围内园区数。',
      en: 'Engagements of a type held in the period ÷ the parks in scope (one for a park and anything inside it).',
    },
    sensitive: false,
    perPeriod: true,
    perDay: true,
    params: [typeParam],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'engagement',
        null,
        onDay('x.held_on'),
        `count(*) AS num, ${BASIS.parks} * (b.b_to - b.b_from + 1) AS den`,
        `${engagementInScope(q)} AND ${engagementType(q)}`,
      ),
  },
  {
    name: 'legalPublicityPerEnterprise',
    kind: MetricKind.RATE,
    unit: MetricUnit.PER_ENTERPRISE,
    label: { 'zh-CN': '每企业法治宣传次数', 'zh-TW': '每企業法治宣傳次數', en: 'Legal publicity sessions per enterprise' },
    description: {
      'zh-CN': '企业参加“法律服务进企业”活动的人次 ÷ 期间内平均在册企业数。',
      en: 'Enterprise attendances of legal publicity sessions (法律服务进企业) in the period ÷ the average number of active enterprises in scope over the period.',
    },
    sensitive: false,
    perPeriod: true,
    perDay: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) => `SELECT b.idx,
        (SELECT count(*) FROM engagement x JOIN engagement_enterprise l ON l.engagement_id = x.id
           JOIN s_pop ON s_pop.enterprise_id = l.enterprise_id AND x.held_on BETWEEN s_pop.p_from AND s_pop.p_to
          WHERE x.park_id IN (SELECT park_id FROM s_park) AND x.type = 'LEGAL_PUBLICITY' AND ${onDay('x.held_on')}) AS num,
        (SELECT coalesce(sum(${OVERLAP_DAYS}), 0) FROM s_pop) AS den
      FROM ${q.b} b`,
  },
  {
    name: 'recognitionCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '收到锦旗、感谢信', 'zh-TW': '收到錦旗、感謝信', en: 'Recognitions received' },
    description: {
      'zh-CN': '期间内收到企业赠送的锦旗、感谢信数，可按类型筛选。',
      en: 'Thank-you pennants (锦旗) and letters (感谢信) received from enterprises in the period. For an officer: those naming the officer.',
    },
    sensitive: true,
    perPeriod: true,
    params: [{ name: 'kind', type: 'enum', default: 'ALL', values: ['ALL', 'PENNANT', 'LETTER'], description: 'PENNANT, LETTER or ALL.' }],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'recognition',
        RECOGNITION,
        onDay('x.received_on'),
        `count(*) AS num, ${q.scope.kind === ScopeKind.OFFICER || q.scope.kind === ScopeKind.POLICE_UNIT ? '1' : BASIS.enterprises} AS den`,
        q.params.kind === 'ALL' ? 'true' : `x.kind = ${q.sql.param(q.params.kind)}`,
      ),
  },
];

const BY_NAME = new Map(METRICS.map((metric) => [metric.name, metric]));

export const METRIC_NAMES = METRICS.map((metric) => metric.name);

/** The metric of that name; an unknown name is a BAD_USER_INPUT on `field`. */
export function metricNamed(name: string, field = 'metric'): MetricDefinition {
  const metric = BY_NAME.get(name);
  if (!metric) {
    throw new DomainValidationError(field, `未知指标口径 ${name}; 可用: ${METRIC_NAMES.join(', ')} (unknown metric)`, 'UNKNOWN_METRIC');
  }
  return metric;
}

/** A metric's parameters with defaults filled in; unknown names and bad values are BAD_USER_INPUT on `field.<name>`. */
export function resolveParams(metric: MetricDefinition, given: Record<string, unknown> | null | undefined, field = 'params'): ParamValues {
  const out: ParamValues = {};
  const input = given ?? {};
  for (const key of Object.keys(input)) {
    if (!metric.params.some((p) => p.name === key)) {
      const known = metric.params.map((p) => p.name).join(', ') || '无 (none)';
      throw new DomainValidationError(
        `${field}.${key}`,
        `指标 ${metric.name} 没有参数 ${key}; 可用: ${known} (unknown parameter)`,
        'UNKNOWN_PARAMETER',
      );
    }
  }
  for (const spec of metric.params) {
    const value = input[spec.name];
    if (value === undefined || value === null) {
      out[spec.name] = spec.default;
      continue;
    }
    const bad = (expected: string) =>
      new DomainValidationError(
        `${field}.${spec.name}`,
        `${field}.${spec.name} 应为 ${expected} (expected ${expected})`,
        'INVALID_PARAMETER',
      );
    if (spec.type === 'int') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < (spec.min ?? -Infinity) || value > (spec.max ?? Infinity)) {
        throw bad(`an integer from ${spec.min} to ${spec.max}`);
      }
    } else if (spec.type === 'boolean') {
      if (typeof value !== 'boolean') throw bad('true or false');
    } else if (typeof value !== 'string' || !spec.values!.includes(value)) {
      throw bad(`one of ${spec.values!.join(', ')}`);
    }
    out[spec.name] = value as number | boolean | string;
  }
  return out;
}
