import { MetricKind, MetricUnit, type MetricDefinition } from '../metric';
import { ALL_SCOPES, onDay, BASIS, perBucket, VISIT, OVERLAP_DAYS, visitedWithin } from './conventions';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
/** A slot's share of its month, and whether a visit fell on its days (an enterprise interval `sv`, a month `m`). */
const SLOT_WEIGHT = '(least(sv.p_to, m.m_to) - greatest(sv.p_from, m.m_from) + 1)::float8 / (m.m_to - m.m_from + 1)';
const SLOT_VISITED = visitedWithin('sv.days[m.month_no]', 'm.month', 'greatest(sv.p_from, m.m_from)', 'least(sv.p_to, m.m_to)');

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
    uses: ['s_shape'],
    sql: (q) => `SELECT b.idx,
        sum(CASE WHEN s_pop.group_from IS NULL THEN 0
          ELSE s_pop.n * greatest(0, least(s_pop.p_to, b.b_to) - greatest(s_pop.p_from, b.b_from, s_pop.group_from) + 1) END) AS num,
        sum(s_pop.n * ${OVERLAP_DAYS}) AS den
      FROM ${q.b} b JOIN s_shape s_pop ON s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from GROUP BY b.idx`,
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
    uses: ['s_shape', 's_cover'],
    sql: (q) => `SELECT b.idx,
        (SELECT coalesce(sum(s_cover.n * (least(s_cover.c_to, b.b_to) - greatest(s_cover.c_from, b.b_from) + 1)), 0) FROM s_cover
          WHERE s_cover.c_from <= b.b_to AND s_cover.c_to >= b.b_from) AS num,
        (SELECT coalesce(sum(s_pop.n * ${OVERLAP_DAYS}), 0) FROM s_shape s_pop WHERE s_pop.p_from <= b.b_to AND s_pop.p_to >= b.b_from) AS den
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
    uses: ['s_shape', 's_visit'],
    // Slots are calendar months clipped to the bucket and to the enterprise's interval, weighing their share
    // of the month's days; a slot is visited when a visit fell on one of its days. The weights are summed
    // by interval shape. The visits: a whole month of an enterprise active all of it is visited when the
    // month has a visited day, counted by shape from the year's bits; any other slot (a month cut short by
    // the bucket, the days of an enterprise that joined or left during the month) asks its own days.
    sql: (q) => `WITH m AS MATERIALIZED (
        SELECT b.idx, g::date AS month, extract(year FROM g)::int AS year, extract(month FROM g)::int AS month_no,
          greatest(g::date, b.b_from) AS m_from, least((g + interval '1 month' - interval '1 day')::date, b.b_to) AS m_to,
          g::date >= b.b_from AND (g + interval '1 month' - interval '1 day')::date <= b.b_to AS whole
        FROM ${q.b} b CROSS JOIN LATERAL generate_series(date_trunc('month', b.b_from::timestamp), b.b_to::timestamp, interval '1 month') g),
      visited AS (SELECT sv.year, greatest(sv.p_from, make_date(sv.year, 1, 1)) AS y_from, least(sv.p_to, make_date(sv.year, 12, 31)) AS y_to,
          ARRAY[${MONTHS.map((i) => `count(*) FILTER (WHERE sv.days[${i}] <> 0)`).join(', ')}] AS months
        FROM s_visit sv WHERE sv.year IN (SELECT m.year FROM m WHERE m.whole) GROUP BY 1, 2, 3),
      partly AS (SELECT sv.* FROM s_visit sv WHERE sv.p_from > make_date(sv.year, 1, 1) OR sv.p_to < make_date(sv.year, 12, 31))
      SELECT part.idx, sum(part.num) AS num, sum(part.den) AS den FROM (
        SELECT m.idx, 0::float8 AS num, sum(s.n * (least(s.p_to, m.m_to) - greatest(s.p_from, m.m_from) + 1)::float8 / (m.m_to - m.m_from + 1)) AS den
          FROM m JOIN s_shape s ON s.p_from <= m.m_to AND s.p_to >= m.m_from GROUP BY m.idx
        UNION ALL
        SELECT m.idx, sum(v.months[m.month_no])::float8, 0 FROM m JOIN visited v ON v.year = m.year AND v.y_from <= m.m_from AND v.y_to >= m.m_to
          WHERE m.whole GROUP BY m.idx
        UNION ALL
        SELECT m.idx, sum(${SLOT_WEIGHT}), 0 FROM m JOIN s_visit sv ON sv.year = m.year AND sv.p_from <= m.m_to AND sv.p_to >= m.m_from
          WHERE NOT m.whole AND ${SLOT_VISITED} GROUP BY m.idx
        UNION ALL
        SELECT m.idx, sum(${SLOT_WEIGHT}), 0 FROM m JOIN partly sv ON sv.year = m.year AND sv.p_from <= m.m_to AND sv.p_to >= m.m_from
          WHERE m.whole AND NOT (sv.p_from <= m.m_from AND sv.p_to >= m.m_to) AND ${SLOT_VISITED} GROUP BY m.idx) part
      GROUP BY part.idx`,
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
