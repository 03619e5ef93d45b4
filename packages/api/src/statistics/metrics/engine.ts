import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import type { MetricDefinition, ParamValues, SharedCte } from './metric';
import { dayCount, type DayRange } from './period';
import { scopeCtes, type Scope } from './scope';
import { SqlBuilder } from './sql';

/** One metric, with its parameters, over a list of buckets (spans of days already clipped to what has elapsed). */
export interface MeasureRequest {
  metric: MetricDefinition;
  params: ParamValues;
  buckets: DayRange[];
}

/** A bucket's numerator and denominator, and its length in days. */
export interface Measurement {
  num: number;
  den: number;
  days: number;
}

/** The measurement of consecutive buckets together (for additive metrics). */
export function combine(parts: Measurement[]): Measurement {
  return parts.reduce((sum, m) => ({ num: sum.num + m.num, den: sum.den + m.den, days: sum.days + m.days }), { num: 0, den: 0, days: 0 });
}

/**
 * Shared common table expressions, built once per statement for the metrics that use them. Each reads
 * the enterprise intervals of `s_pop` within the statement's span of days (every bucket lies in it):
 * - `s_shape(p_from, p_to, group_from, n)`: the intervals clipped to the span, with the day the enterprise
 *   joined the liaison group (clipped likewise, none if after the interval), and how many enterprises share
 *   each: sums over enterprise-days read one row per shape instead of one per enterprise (a county's
 *   20,000 enterprises make a few thousand shapes over two years);
 * - `s_cover(c_from, c_to, n)`: the days of those intervals with a liaison officer, clipped and grouped
 *   the same way;
 * - `s_visit(enterprise_id, p_from, p_to, year, days)`: for each interval whose enterprise had a visit in
 *   a year of the span, that year's visited days (`visit_year`, kept by the visits' own transactions:
 *   `days[m]` has bit `d - 1` set for a visit on day `d` of month `m`).
 */
function sharedCte(name: SharedCte, span: DayRange, sql: SqlBuilder): string {
  const spanFrom = () => sql.param(span.from, 'date');
  const spanTo = () => sql.param(span.to, 'date');
  switch (name) {
    case 's_shape': {
      const to = `least(s_pop.p_to, ${spanTo()})`;
      return `s_shape AS MATERIALIZED (SELECT greatest(s_pop.p_from, ${spanFrom()}) AS p_from, ${to} AS p_to,
          CASE WHEN s_pop.group_from <= ${to} THEN greatest(s_pop.group_from, ${spanFrom()}) END AS group_from, count(*)::int AS n
        FROM s_pop WHERE s_pop.p_from <= ${spanTo()} AND s_pop.p_to >= ${spanFrom()} GROUP BY 1, 2, 3)`;
    }
    case 's_cover':
      return `s_cover AS MATERIALIZED (SELECT c.c_from, c.c_to, count(*)::int AS n FROM (
          SELECT greatest(s_pop.p_from, la.starts_on, ${spanFrom()}) AS c_from,
            least(s_pop.p_to, coalesce(la.ends_on, 'infinity'::date), ${spanTo()}) AS c_to
          FROM s_pop JOIN liaison_assignment la ON la.enterprise_id = s_pop.enterprise_id
            AND la.starts_on <= s_pop.p_to AND coalesce(la.ends_on, 'infinity'::date) >= s_pop.p_from) c
        WHERE c.c_from <= c.c_to GROUP BY 1, 2)`;
    case 's_visit': {
      const from = `greatest(s_pop.p_from, ${spanFrom()})`;
      const to = `least(s_pop.p_to, ${spanTo()})`;
      const years = `vy.year BETWEEN ${sql.param(Number(span.from.slice(0, 4)), 'int')} AND ${sql.param(Number(span.to.slice(0, 4)), 'int')}`;
      return `s_visit AS MATERIALIZED (SELECT s_pop.enterprise_id, s_pop.p_from, s_pop.p_to, vy.year, vy.days
        FROM s_pop JOIN visit_year vy ON vy.enterprise_id = s_pop.enterprise_id
          AND vy.year BETWEEN extract(year FROM ${from})::int AND extract(year FROM ${to})::int
        WHERE ${years})`;
    }
  }
}

type Row = { set_id: number; idx: number; num: number; den: number };

const NO_MERGE_JOINS = 'SET enable_mergejoin = off';
const MERGE_JOINS_AGAIN = 'RESET enable_mergejoin';

/**
 * Runs the engine's statement. Its text depends only on the shape of what is measured (the scope's
 * kind, the metrics, their parameters' names), every value is a parameter: it runs as a prepared
 * statement planned once per connection with a generic plan (the API's connections start with
 * `plan_cache_mode = force_generic_plan`, orm.ts), since planning this statement costs as much as
 * running it (docs/decisions/0007-read-performance.md). In a transaction (a request's, with its row
 * grants), on the transaction's connection.
 */
async function run(em: EntityManager, sql: SqlBuilder, text: string): Promise<Row[]> {
  const compiled = sql.compileNumbered(text);
  const name = `huhang_measure_${createHash('sha256').update(compiled.sql).digest('hex').slice(0, 32)}`;
  const trx = em.getTransactionContext<{ client: PoolClient }>();
  const knex = (trx ?? em.getConnection().getKnex()).client as unknown as PoolClient;
  const client = await knex.acquireConnection();
  try {
    // Planned without merge joins (decision 0007): the planner cannot see how many rows the statement's
    // materialized CTEs hold (it took 5,525 visited months for 40,574) and sorted them again for each
    // merge join, where hash joins read them once.
    await client.query(NO_MERGE_JOINS);
    try {
      return (await client.query<Row>({ name, text: compiled.sql, values: compiled.params })).rows;
    } finally {
      // In a transaction the statement aborted, the rollback undoes the setting instead.
      await client.query(MERGE_JOINS_AGAIN).catch(() => undefined);
    }
  } finally {
    await knex.releaseConnection(client);
  }
}

/** Knex's client: a connection of its pool, or a transaction's own connection (release then does nothing). */
interface PoolClient {
  acquireConnection(): Promise<ClientBase>;
  releaseConnection(c: ClientBase): Promise<void>;
}

/** When the figures are taken: today (Asia/Shanghai) and now. Tests pin them. */
export interface Clock {
  today: string;
  now: Date;
}

/**
 * Measures every request in one statement: the buckets go in as arrays, the scope's enterprises, zones and
 * parks are common table expressions, and each request is one SELECT of the UNION ALL. Returns, per
 * request, one measurement per bucket. A scope-less metric (not defined for the scope) is left out by the caller.
 */
export async function measure(em: EntityManager, scope: Scope, requests: MeasureRequest[], clock: Clock): Promise<Measurement[][]> {
  const results = requests.map((request) => request.buckets.map((bucket) => ({ num: 0, den: 0, days: dayCount(bucket) })));
  const live = requests.map((request, i) => ({ request, i })).filter(({ request }) => request.buckets.length > 0);
  if (live.length === 0) return results;

  const sql = new SqlBuilder();
  const sets: number[] = [];
  const indexes: number[] = [];
  const froms: string[] = [];
  const tos: string[] = [];
  for (const { request, i } of live) {
    request.buckets.forEach((bucket, idx) => {
      sets.push(i);
      indexes.push(idx);
      froms.push(bucket.from);
      tos.push(bucket.to);
    });
  }
  const buckets = `b AS (SELECT u.set_id, u.idx, u.b_from, u.b_to,
      (u.b_from::timestamp AT TIME ZONE (SELECT tz FROM s_tz)) AS t_from,
      ((u.b_to + 1)::timestamp AT TIME ZONE (SELECT tz FROM s_tz)) AS t_to,
      ${sql.param(clock.today, 'date')} AS b_today, ${sql.param(clock.now.toISOString(), 'timestamptz')} AS b_now
    FROM unnest(${sql.param(`{${sets.join(',')}}`, 'int[]')}, ${sql.param(`{${indexes.join(',')}}`, 'int[]')},
      ${sql.param(`{${froms.join(',')}}`, 'date[]')}, ${sql.param(`{${tos.join(',')}}`, 'date[]')}) AS u(set_id, idx, b_from, b_to))`;
  const selects = live.map(
    ({ request, i }) =>
      `SELECT ${i} AS set_id, m.idx, coalesce(m.num, 0)::float8 AS num, coalesce(m.den, 0)::float8 AS den FROM (${request.metric.sql({
        b: `(SELECT * FROM b WHERE set_id = ${i})`,
        scope,
        params: request.params,
        sql,
      })}) m`,
  );
  const span = { from: froms.reduce((a, b) => (a < b ? a : b)), to: tos.reduce((a, b) => (a > b ? a : b)) };
  const shared = [...new Set(live.flatMap(({ request }) => request.metric.uses ?? []))].map((name) => sharedCte(name, span, sql));
  // The program's time zone first: the buckets' instants and every day an instant falls on use it.
  const tz = `s_tz AS (SELECT ${sql.param(scope.timeZone, 'text')} AS tz)`;
  const text = `WITH ${[tz, buckets, scopeCtes(scope, sql), ...shared].join(', ')}\n${selects.join('\nUNION ALL\n')}`;
  const rows = await run(em, sql, text);
  for (const row of rows) {
    const slot = results[row.set_id]![row.idx]!;
    slot.num = Number(row.num);
    slot.den = Number(row.den);
  }
  return results;
}
