import type { EntityManager } from '@mikro-orm/postgresql';
import type { MetricDefinition, ParamValues } from './metric';
import type { DayRange } from './period';
import { scopeCtes, type Scope } from './scope';
import { SqlBuilder } from './sql';

/** One metric, with its parameters, over a list of buckets (spans of days already clipped to what has elapsed). */
export interface MeasureRequest {
  metric: MetricDefinition;
  params: ParamValues;
  buckets: DayRange[];
}

/** A bucket's numerator and denominator. */
export interface Measurement {
  num: number;
  den: number;
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
  const results = requests.map((request) => request.buckets.map(() => ({ num: 0, den: 0 })));
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
      (u.b_from::timestamp AT TIME ZONE 'Asia/Shanghai') AS t_from,
      ((u.b_to + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') AS t_to,
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
  const text = `WITH ${buckets}, ${scopeCtes(scope, sql)}\n${selects.join('\nUNION ALL\n')}`;
  const compiled = sql.compile(text);
  const rows = await em
    .getConnection()
    .execute<Array<{ set_id: number; idx: number; num: number; den: number }>>(compiled.sql, compiled.params);
  for (const row of rows) results[row.set_id]![row.idx] = { num: Number(row.num), den: Number(row.den) };
  return results;
}
