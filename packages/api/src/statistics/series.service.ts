import { InputErrorReason } from '../shared/errors/reasons';
import { MetricErrorReason } from './metrics/metric.errors';
import { currentClock, scopeInfo, type StatisticsOptions } from './report-common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainValidationError } from '../shared/validation';
import { metricNamed, resolveParams } from './metrics/catalog';
import { measure } from './metrics/engine';
import { figureOf } from './metrics/figure';
import { elapsedPart, fromStart, parseRange, PeriodKind, unitsWithin, type DayRange } from './metrics/period';
import type { Scope } from './metrics/scope';
import { MeasuredValue, MetricInfo, NotApplicableReason } from './statistics.types';
import { MetricSeries, SeriesPoint } from './figures.types';

const MAX_POINTS = 200;

/** A metric over a range of days, one point per calendar unit (clipped to the range; future ones left out). */
export async function metricSeries(
  em: EntityManager,
  scope: Scope,
  input: { metric: string; params?: Record<string, unknown> | null; from: string; to: string; granularity: PeriodKind },
  options: StatisticsOptions,
): Promise<MetricSeries> {
  const clock = options.clock ?? currentClock(scope.timeZone);
  const metric = metricNamed(input.metric, 'metric');
  const params = resolveParams(metric, input.params, 'params');
  const range = parseRange(input.from, input.to, 'range');
  if (input.granularity === PeriodKind.RANGE) {
    throw new DomainValidationError(
      'granularity',
      'granularity 应为 WEEK、MONTH、QUARTER 或 YEAR (expected a calendar unit)',
      InputErrorReason.INVALID,
    );
  }
  const units = unitsWithin(input.granularity, range);
  if (units.length > MAX_POINTS) {
    throw new DomainValidationError(
      'granularity',
      `最多 ${MAX_POINTS} 个点，请加大粒度或缩短范围 (at most ${MAX_POINTS} points)`,
      MetricErrorReason.TOO_MANY_POINTS,
    );
  }
  // Points begin where the scope began: a chart of a program starts in its first month.
  const present = units
    .filter((unit) => unit.from <= clock.today)
    .map((unit) => fromStart(unit, scope.startsOn))
    .filter((unit): unit is DayRange => unit !== null);
  const scopeOk = metric.scopes.includes(scope.kind);
  const buckets = present.map((unit) => elapsedPart(unit, clock.today)!);
  const [measured] = await measure(em, scope, scopeOk ? [{ metric, params, buckets }] : [], clock);
  const points = present.map((unit, i) =>
    Object.assign(new SeriesPoint(), {
      from: unit.from,
      to: unit.to,
      partial: unit.to > clock.today,
      value: new MeasuredValue(
        scopeOk ? figureOf(metric, measured![i]!, options.disclosure) : figureOf(metric, { num: 0, den: 0, days: 0 }, options.disclosure),
        metric,
        scopeOk ? null : NotApplicableReason.SCOPE,
      ),
    }),
  );
  return Object.assign(new MetricSeries(), {
    metric: new MetricInfo(metric),
    scope: scopeInfo(scope),
    granularity: input.granularity,
    disclosure: options.disclosure,
    points,
  });
}
