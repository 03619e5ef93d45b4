import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ALL_SCOPES, onDay, BASIS, perBucket, dispute, servedBasis, choiceParam, chosen } from './conventions';
import { DISPUTE_CATEGORIES, MEDIATION_MODES } from './choices';

const DISPUTE_PARAMS = [
  choiceParam('category', DISPUTE_CATEGORIES, 'Kind of dispute (DisputeCategory)'),
  choiceParam('mediationMode', MEDIATION_MODES, 'How it was mediated (MediationMode)'),
];
const disputeChoice = (q: Parameters<typeof chosen>[0]) =>
  `${chosen(q, 'category', 'category')} AND ${chosen(q, 'mediationMode', 'mediation_mode')}`;

/** Disputes and escalation risks (法治环境: C12). */
export const DISPUTES_METRICS: readonly MetricDefinition[] = [
  {
    name: 'disputeCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '排查矛盾纠纷', 'zh-TW': '排查矛盾糾紛', en: 'Disputes found' },
    description: {
      'zh-CN': '期间内排查发现的矛盾纠纷数，可按纠纷类型和调解方式筛选。',
      en: 'Disputes identified in the period; `category` and `mediationMode` narrow them.',
    },
    sensitive: true,
    perPeriod: true,
    params: DISPUTE_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.identified_on'),
        onDay('x.identified_on'),
        `count(*) AS num, ${servedBasis(q)} AS den`,
        disputeChoice(q),
      ),
  },
  {
    name: 'disputesResolved',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '化解矛盾纠纷', 'zh-TW': '化解矛盾糾紛', en: 'Disputes resolved' },
    description: {
      'zh-CN': '期间内化解的矛盾纠纷数，可按纠纷类型和调解方式筛选。',
      en: 'Disputes resolved in the period, whenever they were identified; `category` and `mediationMode` narrow them.',
    },
    sensitive: true,
    perPeriod: true,
    params: DISPUTE_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.resolved_on'),
        onDay('x.resolved_on'),
        `count(*) AS num, ${servedBasis(q)} AS den`,
        `x.status = 'RESOLVED' AND ${disputeChoice(q)}`,
      ),
  },
  {
    name: 'amountRecovered',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '追回金额', 'zh-TW': '追回金額', en: 'Money recovered' },
    description: {
      'zh-CN': '期间内化解的纠纷为当事人追回的金额（元），如追回欠薪；可按纠纷类型筛选。',
      en: 'Money recovered for parties (yuan) in the disputes resolved in the period, e.g. unpaid wages paid after mediation; `category` narrows them (WAGES for wages recovered).',
    },
    sensitive: true,
    perPeriod: true,
    params: DISPUTE_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'dispute',
        dispute('x.resolved_on'),
        onDay('x.resolved_on'),
        `coalesce(sum(x.amount_recovered), 0) AS num, ${servedBasis(q)} AS den`,
        `x.status = 'RESOLVED' AND ${disputeChoice(q)}`,
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
];
