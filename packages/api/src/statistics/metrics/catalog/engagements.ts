import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ScopeKind } from '../scope';
import {
  ALL_SCOPES,
  onDay,
  BASIS,
  perBucket,
  RECOGNITION,
  engagementInScope,
  typeParam,
  engagementType,
  OVERLAP_DAYS,
} from './conventions';

/** Meetings, publicity and recognitions (警企共建: C02–C04, C13). */
export const ENGAGEMENTS_METRICS: readonly MetricDefinition[] = [
  {
    name: 'engagementCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '共建活动次数', 'zh-TW': '共建活動次數', en: 'Engagements' },
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
    label: { 'zh-CN': '每处活动次数', 'zh-TW': '每處活動次數', en: 'Engagements per place' },
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
    label: { 'zh-CN': '每单位法治宣传次数', 'zh-TW': '每單位法治宣傳次數', en: 'Legal publicity sessions per place' },
    description: {
      'zh-CN': '企业参加“法律服务进企业”活动的人次 ÷ 期间内平均在册企业数。',
      en: 'Enterprise attendances of legal publicity sessions (法律服务进企业) in the period ÷ the average number of active enterprises in scope over the period.',
    },
    sensitive: false,
    perPeriod: true,
    perDay: true,
    params: [],
    scopes: ALL_SCOPES,
    uses: ['s_shape'],
    sql: (q) => `SELECT b.idx,
        (SELECT count(*) FROM engagement x JOIN engagement_enterprise l ON l.engagement_id = x.id
           JOIN s_pop ON s_pop.enterprise_id = l.enterprise_id AND x.held_on BETWEEN s_pop.p_from AND s_pop.p_to
          WHERE x.park_id IN (SELECT park_id FROM s_park) AND x.type = 'LEGAL_PUBLICITY' AND ${onDay('x.held_on')}) AS num,
        (SELECT coalesce(sum(s_pop.n * ${OVERLAP_DAYS}), 0) FROM s_shape s_pop) AS den
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
