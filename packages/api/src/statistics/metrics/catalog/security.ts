import { MetricKind, MetricUnit, type MetricDefinition, type MetricQuery } from '../metric';
import {
  ALL_SCOPES,
  AREA_SCOPES,
  onDay,
  atTime,
  BASIS,
  perBucket,
  incident,
  hazard,
  patrolInScope,
  sumOfPatrols,
  servedBasis,
  choiceParam,
  chosen,
} from './conventions';
import { INCIDENT_TYPES } from './choices';

const INCIDENT_PARAMS = [
  { name: 'criminalOnly', type: 'boolean', default: false, description: 'Only criminal-class incidents (刑事类警情).' } as const,
  choiceParam('type', INCIDENT_TYPES, 'Kind of incident (IncidentType)'),
];
const incidentChoice = (q: MetricQuery) => `${q.params.criminalOnly ? 'x.criminal' : 'true'} AND ${chosen(q, 'type', 'type')}`;

/** Incidents, patrols and hazards (治安环境: C07, C08, C09). */
export const SECURITY_METRICS: readonly MetricDefinition[] = [
  {
    name: 'incidentCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '警情', 'zh-TW': '警情', en: 'Police incidents' },
    description: {
      'zh-CN': '接报时间在期间内的警情数；可只计刑事类警情（criminalOnly），或按警情类型筛选。',
      en: 'Police incidents received in the period; `criminalOnly` counts the criminal-class ones (刑事类警情), `type` one kind. For a police unit: the incidents it attended.',
    },
    sensitive: true,
    perPeriod: true,
    params: INCIDENT_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(q, 'incident', incident(), atTime('x.received_at'), `count(*) AS num, ${servedBasis(q)} AS den`, incidentChoice(q)),
  },
  {
    name: 'casesCleared',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '破获案件', 'zh-TW': '破獲案件', en: 'Cases cleared' },
    description: {
      'zh-CN': '破案日期在期间内的刑事类警情数，可按警情类型筛选。',
      en: 'Criminal-class incidents whose case was cleared (破案) in the period, whenever they were received; `type` narrows them.',
    },
    sensitive: true,
    perPeriod: true,
    params: [choiceParam('type', INCIDENT_TYPES, 'Kind of incident (IncidentType)')],
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'incident',
        incident('x.cleared_on'),
        onDay('x.cleared_on'),
        `count(*) AS num, ${servedBasis(q)} AS den`,
        `x.criminal AND ${chosen(q, 'type', 'type')}`,
      ),
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
        'patrol_day',
        null,
        onDay('x.patrolled_on'),
        `coalesce(sum(x.patrols), 0) AS num, ${BASIS.zones} AS den`,
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
        'patrol_day',
        null,
        onDay('x.patrolled_on'),
        `coalesce(sum(x.patrols), 0) AS num, ${BASIS.zones} AS den`,
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
        'patrol_day',
        null,
        onDay('x.patrolled_on'),
        `coalesce(sum(x.patrols), 0) AS num, ${BASIS.zones} * (b.b_to - b.b_from + 1) / 7.0 AS den`,
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
];
