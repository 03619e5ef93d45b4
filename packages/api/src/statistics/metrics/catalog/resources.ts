import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ScopeKind, TZ } from '../scope';
import { FACILITY_KINDS, STAFF_POSTS } from './choices';
import { BASIS, choiceParam, chosen } from './conventions';

/** The day a stock is read on: a bucket's last day, or today while the bucket is still running. */
const ON = 'least(b.b_to, b.b_today)';

/** The people on post (队伍力量) and the facilities in service (技防、物防设施). */
export const RESOURCES_METRICS: readonly MetricDefinition[] = [
  {
    name: 'staffOnPost',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '在岗警务力量', 'zh-TW': '在崗警務力量', en: 'Staff on post' },
    description: {
      'zh-CN': '期末（或今天）在园区、社区队伍中的人数，民警按人计一次；可按岗位（民警、辅警、警务助理、消防协勤、网格员……）筛选。',
      en: 'People in the teams of the parks in scope on the last day of the period (or today, while it runs); an officer in several teams counts once. `kind` narrows them to one post: officers, auxiliary police, police assistants, fire auxiliaries, grid workers …',
    },
    sensitive: false,
    perPeriod: false,
    params: [choiceParam('kind', STAFF_POSTS, 'The post (TeamMemberKind)')],
    scopes: [ScopeKind.PROGRAM, ScopeKind.PARK],
    sql: (q) =>
      `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (
        SELECT count(DISTINCT coalesce('o' || x.officer_id, 'm' || x.id)) AS num, ${BASIS.parks} AS den
          FROM team_member x JOIN team t ON t.id = x.team_id
         WHERE t.park_id IN (SELECT park_id FROM s_park)
           AND (t.archived_at IS NULL OR (t.archived_at AT TIME ZONE ${TZ})::date > ${ON})
           AND x.joined_on <= ${ON} AND (x.left_on IS NULL OR x.left_on >= ${ON})
           AND ${chosen(q, 'kind', 'kind')}) a`,
  },
  {
    name: 'facilitiesInService',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '在用设施', 'zh-TW': '在用設施', en: 'Facilities in service' },
    description: {
      'zh-CN': '期末（或今天）在用的设施数量，视频监控按路计；可按类型（视频监控、一键报警、警务室、岗亭……）筛选。',
      en: 'Facilities in service in the places in scope on the last day of the period (or today, while it runs), by quantity: cameras in channels, alarm buttons, police offices … `kind` narrows them to one kind.',
    },
    sensitive: false,
    perPeriod: false,
    params: [choiceParam('kind', FACILITY_KINDS, 'The kind (FacilityKind)')],
    scopes: [ScopeKind.PROGRAM, ScopeKind.PARK],
    sql: (q) =>
      `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (
        SELECT coalesce(sum(x.quantity), 0) AS num, ${BASIS.parks} AS den
          FROM facility x
         WHERE x.park_id IN (SELECT park_id FROM s_park)
           AND x.installed_on <= ${ON} AND (x.removed_on IS NULL OR x.removed_on > ${ON})
           AND ${chosen(q, 'kind', 'kind')}) a`,
  },
  {
    name: 'workersRegistered',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '登记在岗从业人员', 'zh-TW': '登記在崗從業人員', en: 'Workers registered on site' },
    description: {
      'zh-CN': '期末（或今天）在所辖场所登记在岗、尚未离场的从业人员数。',
      en: 'People registered as working at the places in scope on the last day of the period (or today, while it runs), not yet gone.',
    },
    sensitive: false,
    perPeriod: false,
    params: [],
    scopes: [ScopeKind.PROGRAM, ScopeKind.PARK],
    sql: (q) =>
      `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (
        SELECT count(*) AS num, ${BASIS.parks} AS den
          FROM worker_registration x
         WHERE x.park_id IN (SELECT park_id FROM s_park)
           AND x.registered_on <= ${ON} AND (x.left_on IS NULL OR x.left_on > ${ON})) a`,
  },
  {
    name: 'registrationAccuracy',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '“一标三实”数据准确率', 'zh-TW': '「一標三實」數據準確率', en: 'Registrations found accurate' },
    description: {
      'zh-CN': '期间内核查的从业人员登记中，“一标三实”数据准确的占比（按每条登记最近一次核查）。',
      en: 'Of the worker registrations checked in the period (their latest check), the share whose "一标三实" data were accurate.',
    },
    sensitive: false,
    perPeriod: false,
    params: [],
    scopes: [ScopeKind.PROGRAM, ScopeKind.PARK],
    sql: (q) =>
      `SELECT b.idx, a.num, a.den FROM ${q.b} b CROSS JOIN LATERAL (
        SELECT count(*) FILTER (WHERE x.accurate) AS num, count(*) AS den
          FROM worker_registration x
         WHERE x.park_id IN (SELECT park_id FROM s_park) AND x.checked_on BETWEEN b.b_from AND b.b_to) a`,
  },
];
