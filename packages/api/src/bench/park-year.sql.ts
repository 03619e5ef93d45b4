/**
 * The baseline of `npm run bench:stats`: the Weng'an indicators of a set of parks (one park, or every park of
 * a program) for two calendar years, month by month and quarter by quarter with yearly totals, written by
 * hand for this one report. It knows the indicator list, the parks and the calendar in advance, which the
 * engine does not; it is what the engine is measured against.
 *
 * Parameters: $1 the park ids (int[]), $2 first day (1 January of the earlier year), $3 last day (31 December of the later
 * year, or today while that year is unfinished: its months, quarters and year are then measured to today, as the engine
 * measures them), $4 now. Rows: (metric, unit 'M' month | 'Q' quarter | 'Y' year, starts_on, num, den).
 */
export const PARK_YEARS_SQL = `
WITH
months AS (
  SELECT g::date AS m_from, least((g + interval '1 month' - interval '1 day')::date, $3::date) AS m_to
  FROM generate_series($2::date, $3::date, interval '1 month') g
),
ent AS (
  SELECT e.id, e.liaison_group_joined_on AS g_from, e.joined_on AS a_from,
         coalesce((e.archived_at AT TIME ZONE 'Asia/Shanghai')::date - 1, 'infinity'::date) AS a_to
  FROM enterprise e WHERE e.park_id = ANY($1::int[])
),
em AS (
  SELECT e.id, e.g_from, m.m_from, greatest(e.a_from, m.m_from) AS f, least(e.a_to, m.m_to) AS t, (m.m_to - m.m_from + 1) AS days
  FROM ent e JOIN months m ON e.a_from <= m.m_to AND e.a_to >= m.m_from
),
visited AS (
  SELECT DISTINCT e.id, v.visited_on - (extract(day FROM v.visited_on)::int - 1) AS m_from
  FROM ent e CROSS JOIN LATERAL (SELECT v.visited_on FROM visit v WHERE v.enterprise_id = e.id
    AND v.visited_on BETWEEN greatest(e.a_from, $2::date) AND least(e.a_to, $3::date)) v
),
cover AS (
  SELECT greatest(e.a_from, la.starts_on) AS c_from, least(e.a_to, coalesce(la.ends_on, 'infinity'::date)) AS c_to
  FROM ent e JOIN liaison_assignment la ON la.enterprise_id = e.id AND la.starts_on <= e.a_to AND coalesce(la.ends_on, 'infinity'::date) >= e.a_from
),
covered AS (
  SELECT m.m_from, sum(least(c.c_to, m.m_to) - greatest(c.c_from, m.m_from) + 1) AS days
  FROM months m JOIN cover c ON c.c_from <= m.m_to AND c.c_to >= m.m_from
  GROUP BY m.m_from
),
per_month AS (
  SELECT em.m_from,
    sum(em.t - em.f + 1) AS active_days,
    sum(CASE WHEN em.g_from IS NULL THEN 0 ELSE greatest(0, em.t - greatest(em.f, em.g_from) + 1) END) AS group_days,
    sum((em.t - em.f + 1)::float8 / em.days) AS due,
    sum(CASE WHEN vd.id IS NULL THEN 0 ELSE (em.t - em.f + 1)::float8 / em.days END) AS visits_done
  FROM em LEFT JOIN visited vd ON vd.id = em.id AND vd.m_from = em.m_from
  GROUP BY em.m_from
),
zones AS (SELECT count(*) AS n FROM zone z WHERE z.park_id = ANY($1::int[]) AND EXISTS (SELECT 1 FROM enterprise e WHERE e.zone_id = z.id)),
incidents AS (
  SELECT date_trunc('month', i.received_at AT TIME ZONE 'Asia/Shanghai')::date AS m_from,
    count(*) FILTER (WHERE i.arrived_at <= i.received_at + interval '15 minutes') AS num,
    count(*) FILTER (WHERE i.arrived_at IS NOT NULL OR i.received_at + interval '15 minutes' < $4::timestamptz) AS den
  FROM incident i
  WHERE i.park_id = ANY($1::int[]) AND i.received_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND i.received_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY 1
),
patrols AS (
  SELECT date_trunc('month', p.patrolled_on::timestamp)::date AS m_from, count(*) AS n
  FROM patrol p JOIN team t ON t.id = p.team_id
  WHERE t.park_id = ANY($1::int[]) AND p.patrolled_on BETWEEN $2 AND $3
  GROUP BY 1
),
hazards AS (
  SELECT date_trunc('month', h.deadline::timestamp)::date AS m_from,
    count(*) FILTER (WHERE h.rectified_on <= h.deadline) AS num,
    count(*) FILTER (WHERE h.rectified_on IS NOT NULL OR h.deadline < ($4::timestamptz AT TIME ZONE 'Asia/Shanghai')::date) AS den
  FROM hazard h WHERE h.park_id = ANY($1::int[]) AND h.deadline BETWEEN $2 AND $3
  GROUP BY 1
),
requests AS (
  SELECT date_trunc('month', r.due_at AT TIME ZONE 'Asia/Shanghai')::date AS m_from,
    count(*) FILTER (WHERE r.resolved_at <= r.due_at) AS num,
    count(*) FILTER (WHERE r.resolved_at IS NOT NULL OR r.due_at < $4::timestamptz) AS den
  FROM service_request r
  WHERE r.park_id = ANY($1::int[]) AND r.due_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND r.due_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY 1
),
appointments AS (
  SELECT date_trunc('month', r.appointment_at AT TIME ZONE 'Asia/Shanghai')::date AS m_from,
    count(*) FILTER (WHERE r.served_at <= r.appointment_at + interval '30 minutes') AS num,
    count(*) FILTER (WHERE r.served_at IS NOT NULL OR r.appointment_at + interval '30 minutes' < $4::timestamptz) AS den
  FROM service_request r
  WHERE r.park_id = ANY($1::int[]) AND r.channel = 'APPOINTMENT'
    AND r.appointment_at >= ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND r.appointment_at < (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
  GROUP BY 1
),
disputes AS (
  SELECT date_trunc('quarter', d.identified_on::timestamp)::date AS q_from,
    count(*) FILTER (WHERE d.status = 'RESOLVED') AS resolved, count(*) AS found,
    count(*) FILTER (WHERE d.escalation_risk <> 'NONE' AND d.risk_outcome IS NOT NULL AND d.status <> 'ESCALATED') AS controlled,
    count(*) FILTER (WHERE d.escalation_risk <> 'NONE') AS risks
  FROM dispute d WHERE d.park_id = ANY($1::int[]) AND d.identified_on BETWEEN $2 AND $3
  GROUP BY 1
),
engagements AS (
  SELECT g.type, date_trunc('month', g.held_on::timestamp)::date AS m_from, count(*) AS n
  FROM engagement g WHERE g.park_id = ANY($1::int[]) AND g.held_on BETWEEN $2 AND $3 AND g.type IN ('SECURITY_BULLETIN', 'QUARTERLY_MEETING', 'PARTY_BUILDING')
  GROUP BY 1, 2
),
legal AS (
  SELECT date_trunc('quarter', g.held_on::timestamp)::date AS q_from, count(*) AS n
  FROM engagement g JOIN engagement_enterprise l ON l.engagement_id = g.id JOIN ent e ON e.id = l.enterprise_id AND g.held_on BETWEEN e.a_from AND e.a_to
  WHERE g.park_id = ANY($1::int[]) AND g.type = 'LEGAL_PUBLICITY' AND g.held_on BETWEEN $2 AND $3
  GROUP BY 1
),
monthly AS (
  SELECT 'liaisonGroupCoverage' AS metric, m_from, group_days::numeric AS num, active_days::numeric AS den FROM per_month
  UNION ALL SELECT 'liaisonCoverage', pm.m_from, coalesce(c.days, 0), pm.active_days FROM per_month pm LEFT JOIN covered c USING (m_from)
  UNION ALL SELECT 'visitCoverage', m_from, visits_done, due FROM per_month
  UNION ALL SELECT 'incidentArrivalWithin', m_from, num, den FROM incidents
  UNION ALL SELECT 'patrolsPerZonePerWeek', m.m_from, coalesce(p.n, 0), (SELECT n FROM zones) * (m.m_to - m.m_from + 1) / 7.0 FROM months m LEFT JOIN patrols p USING (m_from)
  UNION ALL SELECT 'hazardsRectifiedByDeadline', m_from, num, den FROM hazards
  UNION ALL SELECT 'serviceRequestsResolvedInTime', m_from, num, den FROM requests
  UNION ALL SELECT 'appointmentsHonoured', m_from, num, den FROM appointments
  UNION ALL SELECT 'engagementCount:SECURITY_BULLETIN', m.m_from, coalesce(g.n, 0), 1 FROM months m LEFT JOIN engagements g ON g.m_from = m.m_from AND g.type = 'SECURITY_BULLETIN'
),
quarterly AS (
  SELECT 'disputeResolutionRate' AS metric, q_from, resolved::numeric AS num, found::numeric AS den FROM disputes
  UNION ALL SELECT 'escalationRisksControlled', q_from, controlled, risks FROM disputes WHERE risks > 0
  UNION ALL SELECT 'engagementCountPerPark:QUARTERLY_MEETING', date_trunc('quarter', m.m_from)::date, coalesce(sum(g.n), 0), cardinality($1::int[]) FROM months m
    LEFT JOIN engagements g ON g.m_from = m.m_from AND g.type = 'QUARTERLY_MEETING' GROUP BY 2
  UNION ALL SELECT 'engagementCount:PARTY_BUILDING', date_trunc('quarter', m.m_from)::date, coalesce(sum(g.n), 0), 1 FROM months m
    LEFT JOIN engagements g ON g.m_from = m.m_from AND g.type = 'PARTY_BUILDING' GROUP BY 2
  UNION ALL SELECT 'legalPublicityPerEnterprise', q.q_from, coalesce(l.n, 0), coalesce(q.active_days, 0)::numeric / d.days
    FROM (SELECT date_trunc('quarter', m_from)::date AS q_from, sum(m_to - m_from + 1) AS days FROM months GROUP BY 1) d
    LEFT JOIN (SELECT date_trunc('quarter', m_from)::date AS q_from, sum(active_days) AS active_days FROM per_month GROUP BY 1) q USING (q_from)
    LEFT JOIN legal l USING (q_from)
)
SELECT metric, 'M' AS unit, m_from AS starts_on, num, den FROM monthly
UNION ALL SELECT metric, 'Y', date_trunc('year', m_from)::date, sum(num), sum(den) FROM monthly GROUP BY 1, 3
UNION ALL SELECT metric, 'Q', q_from, num, den FROM quarterly
UNION ALL SELECT metric, 'Y', date_trunc('year', q_from)::date, sum(num), sum(den) FROM quarterly WHERE metric <> 'legalPublicityPerEnterprise' GROUP BY 1, 3
-- Sessions per enterprise over a year: attendances ÷ the year's average number of active enterprises.
UNION ALL SELECT 'legalPublicityPerEnterprise', 'Y', d.y_from, coalesce((SELECT sum(l.n) FROM legal l WHERE date_trunc('year', l.q_from)::date = d.y_from), 0),
    coalesce(y.active_days, 0)::numeric / d.days
  FROM (SELECT date_trunc('year', m_from)::date AS y_from, sum(m_to - m_from + 1) AS days FROM months GROUP BY 1) d
  LEFT JOIN (SELECT date_trunc('year', m_from)::date AS y_from, sum(active_days) AS active_days FROM per_month GROUP BY 1) y USING (y_from)
`;
