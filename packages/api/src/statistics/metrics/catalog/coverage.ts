import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ALL_SCOPES, onDay, BASIS, perBucket, VISIT, OVERLAP_DAYS, visitedWithin } from './conventions';

/** Liaison coverage and visits (C01, C05, C06). */
export const COVERAGE_METRICS: readonly MetricDefinition[] = [
  {
    name: 'liaisonGroupCoverage',
    kind: MetricKind.RATIO,
    unit: MetricUnit.PERCENT,
    label: { 'zh-CN': '联络群覆盖率', 'zh-TW': '聯絡群覆蓋率', en: 'Liaison group coverage' },
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
    // Slots are calendar months clipped to the bucket and to the enterprise's interval. A slot is visited
    // when a visit fell on one of its days: for a whole month, on any day of it (the month's bits).
    sql: (q) => `WITH m AS MATERIALIZED (
        SELECT b.idx, g::date AS month, extract(year FROM g)::int AS year, extract(month FROM g)::int AS month_no,
          greatest(g::date, b.b_from) AS m_from, least((g + interval '1 month' - interval '1 day')::date, b.b_to) AS m_to,
          g::date >= b.b_from AND (g + interval '1 month' - interval '1 day')::date <= b.b_to AS whole
        FROM ${q.b} b CROSS JOIN LATERAL generate_series(date_trunc('month', b.b_from::timestamp), b.b_to::timestamp, interval '1 month') g)
      SELECT slot.idx, sum(slot.weight * slot.visited) AS num, sum(slot.weight) AS den FROM (
        SELECT m.idx, (least(s_pop.p_to, m.m_to) - greatest(s_pop.p_from, m.m_from) + 1)::float8 / (m.m_to - m.m_from + 1) AS weight,
          CASE WHEN sv.days IS NULL THEN 0
               WHEN m.whole AND s_pop.p_from <= m.m_from AND s_pop.p_to >= m.m_to THEN sign(sv.days[m.month_no])
               WHEN ${visitedWithin('sv.days[m.month_no]', 'm.month', 'greatest(s_pop.p_from, m.m_from)', 'least(s_pop.p_to, m.m_to)')} THEN 1
               ELSE 0 END AS visited
        FROM m JOIN s_pop ON s_pop.p_from <= m.m_to AND s_pop.p_to >= m.m_from
        LEFT JOIN s_visit sv ON sv.enterprise_id = s_pop.enterprise_id AND sv.p_from = s_pop.p_from AND sv.year = m.year) slot
      GROUP BY slot.idx`,
  },
  {
    name: 'visitCount',
    kind: MetricKind.COUNT,
    unit: MetricUnit.COUNT,
    label: { 'zh-CN': '走访次数', 'zh-TW': '走訪次數', en: 'Visits' },
    description: { 'zh-CN': '护航警官走访企业的次数。', en: 'Visits made to enterprises in scope while they counted for it.' },
    sensitive: false,
    perPeriod: true,
    params: [],
    scopes: ALL_SCOPES,
    sql: (q) => perBucket(q, 'visit', VISIT, onDay('x.visited_on'), `count(*) AS num, ${BASIS.enterprises} AS den`),
  },
];
