import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ALL_SCOPES, dayOf, atTime, perBucket, request, servedBasis, choiceParam, chosen } from './conventions';
import { REQUEST_CHANNELS, REQUEST_KINDS, REQUEST_SOURCES, REQUESTER_KINDS } from './choices';

const REQUEST_PARAMS = [
  choiceParam('kind', REQUEST_KINDS, 'What is asked for (ServiceRequestKind)'),
  choiceParam('channel', REQUEST_CHANNELS, 'How it is served (ServiceChannel)'),
  choiceParam('requester', REQUESTER_KINDS, 'Who asks (RequesterKind)'),
  choiceParam('source', REQUEST_SOURCES, 'Where it came from (RequestSource)'),
];

/** The requests REQUEST_PARAMS narrow to (every one when none is given). */
const requestChoice = (q: Parameters<typeof chosen>[0]): string =>
  [
    chosen(q, 'kind', 'kind'),
    chosen(q, 'channel', 'channel'),
    chosen(q, 'requester', 'requester_kind'),
    chosen(q, 'source', 'source'),
  ].join(' AND ');

/** Service requests, appointments and satisfaction (服务环境: C10, C11). */
export const SERVICES_METRICS: readonly MetricDefinition[] = [
  {
    name: 'serviceRequestCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '受理诉求', 'zh-TW': '受理訴求', en: 'Requests received' },
    description: {
      'zh-CN': '期间内受理的诉求数（企业和群众），可按诉求类型、办理渠道、诉求人类别和来源筛选。',
      en: 'Requests received in the period, of enterprises and of people; `kind`, `channel`, `requester` and `source` narrow them (e.g. residence permits delivered to the door: kind RESIDENCE_PERMIT, channel DOORSTEP). For a police unit: those assigned to it.',
    },
    sensitive: true,
    perPeriod: true,
    params: REQUEST_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.received_at')),
        atTime('x.received_at'),
        `count(*) AS num, ${servedBasis(q)} AS den`,
        requestChoice(q),
      ),
  },
  {
    name: 'problemsSolved',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '解决难题', 'zh-TW': '解決難題', en: 'Problems solved' },
    description: {
      'zh-CN': '期间内办结的诉求数（车辆通行、户籍、居住证……），可按诉求类型、办理渠道、诉求人类别和来源筛选。',
      en: 'Requests resolved in the period (车辆通行, 户籍, 居住证 …); `kind`, `channel`, `requester` and `source` narrow them.',
    },
    sensitive: true,
    perPeriod: true,
    params: REQUEST_PARAMS,
    scopes: ALL_SCOPES,
    sql: (q) =>
      perBucket(
        q,
        'service_request',
        request(dayOf('x.resolved_at')),
        atTime('x.resolved_at'),
        `count(*) AS num, ${servedBasis(q)} AS den`,
        requestChoice(q),
      ),
  },
  {
    name: 'serviceRequestsResolvedInTime',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '诉求按时办结率', 'zh-TW': '訴求按時辦結率', en: 'Requests resolved within the time limit' },
    description: {
      'zh-CN': '办理时限在期间内的诉求中，按时办结的占比。未到时限且未办结的诉求暂不计入。',
      en: 'Of the requests due in the period, the share resolved by their due time (3 working days, 7 for complex ones, on the published calendar of holidays and make-up working days, as set when received). A request still open before it is due is not judged yet.',
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
    label: { 'zh-CN': '满意度', 'zh-TW': '滿意度', en: 'Satisfaction' },
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
    label: { 'zh-CN': '满意率', 'zh-TW': '滿意率', en: 'Satisfied requesters' },
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
];
