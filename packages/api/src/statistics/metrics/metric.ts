import { registerEnumType } from 'type-graphql';
import type { Translated } from '../../shared/i18n/translated';
import type { Scope, ScopeKind } from './scope';
import type { SqlBuilder } from './sql';

/** How a metric's numerator and denominator make its value. */
/** Common table expressions the engine builds once per statement for the metrics that read them. */
export type SharedCte = 's_shape' | 's_cover' | 's_visit';

export enum MetricKind {
  /** 100 × numerator / denominator; not applicable when the denominator is 0. */
  RATIO = 'RATIO',
  /** The numerator, a count or sum; not applicable when the scope has nothing it could count (denominator 0). */
  COUNT = 'COUNT',
  /** numerator / denominator, e.g. patrols per zone per week. */
  RATE = 'RATE',
  /** A statistic computed in the database (a median, a mean) over a sample whose size is the denominator. */
  STATISTIC = 'STATISTIC',
}

export enum MetricUnit {
  PERCENT = 'PERCENT',
  COUNT = 'COUNT',
  MINUTES = 'MINUTES',
  PER_ZONE_PER_WEEK = 'PER_ZONE_PER_WEEK',
  PER_ENTERPRISE = 'PER_ENTERPRISE',
  PER_PARK = 'PER_PARK',
  SCORE = 'SCORE',
}

registerEnumType(MetricKind, {
  name: 'MetricKind',
  description: 'How a metric’s value is made from its numerator and denominator.',
  valuesConfig: {
    RATIO: { description: '100 × numerator ÷ denominator; not applicable when the denominator is 0 (never 100 %).' },
    COUNT: { description: 'A count or sum; not applicable when the scope holds nothing it could count.' },
    RATE: { description: 'numerator ÷ denominator, e.g. patrols per zone per week.' },
    STATISTIC: { description: 'A median, percentile or mean computed over a sample; the denominator is the sample size.' },
  },
});

registerEnumType(MetricUnit, {
  name: 'MetricUnit',
  description: 'The unit of a metric’s value.',
  valuesConfig: {
    PERCENT: { description: 'Per cent (%).' },
    COUNT: { description: 'A number of things (次, 起, 人次 …).' },
    MINUTES: { description: 'Minutes (分钟).' },
    PER_ZONE_PER_WEEK: { description: 'Per zone per week (每片区每周).' },
    PER_ENTERPRISE: { description: 'Per enterprise (每企业).' },
    PER_PARK: { description: 'Per park (每园区).' },
    SCORE: { description: 'A score from 1 to 5 (分).' },
  },
});

export const UNIT_LABELS: Record<MetricUnit, Translated> = {
  PERCENT: { 'zh-CN': '%', 'zh-TW': '%', en: '%' },
  COUNT: { 'zh-CN': '次', 'zh-TW': '次', en: 'times' },
  MINUTES: { 'zh-CN': '分钟', 'zh-TW': '分鐘', en: 'minutes' },
  PER_ZONE_PER_WEEK: { 'zh-CN': '次/片区/周', 'zh-TW': '次/片區/週', en: 'per zone per week' },
  PER_ENTERPRISE: { 'zh-CN': '次/企业', 'zh-TW': '次/企業', en: 'per enterprise' },
  PER_PARK: { 'zh-CN': '次/园区', 'zh-TW': '次/園區', en: 'per park' },
  SCORE: { 'zh-CN': '分', 'zh-TW': '分', en: 'points' },
};

/** A parameter an indicator may set on its metric. */
export interface ParamSpec {
  name: string;
  type: 'int' | 'boolean' | 'enum';
  default: number | boolean | string;
  min?: number;
  max?: number;
  values?: readonly string[];
  description: string;
}

export type ParamValues = Record<string, number | boolean | string>;

/**
 * What a metric's SQL gets: the bucket relation `b` (columns idx, b_from, b_to as dates, t_from and t_to as
 * the instants the days begin and end, b_today, b_now), the scope, its resolved parameters and the builder
 * for parameters. The SQL returns rows `(idx, num, den)`; a bucket without a row counts as (0, 0).
 */
export interface MetricQuery {
  b: string;
  scope: Scope;
  params: ParamValues;
  sql: SqlBuilder;
}

export interface MetricDefinition {
  name: string;
  kind: MetricKind;
  unit: MetricUnit;
  label: Translated;
  /** What it counts, its unit and its edge cases. */
  description: Translated;
  /** Counts of cases that concern a person or an enterprise: public figures hide small ones. */
  sensitive: boolean;
  /** A count of events: an indicator reads it per indicator period (per month, per quarter …). */
  perPeriod: boolean;
  /**
   * The measure word of its count (量词): 起 for disputes, 人次 for patrol person-times, 辆 for
   * vehicles … For a ratio, the word of the cases it counts, used where its numerator is shown alone.
   */
  measureWord?: Translated;
  /** The denominator is a sum over days (enterprise-days, park-days): the value divides by its daily average. */
  perDay?: boolean;
  /** Shared common table expressions its SQL reads besides s_pop, s_zone and s_park (engine.ts). */
  uses?: ReadonlyArray<SharedCte>;
  params: readonly ParamSpec[];
  /** Scopes it is defined for; elsewhere it is not applicable. */
  scopes: readonly ScopeKind[];
  sql(query: MetricQuery): string;
}

/** The unit shown beside a value: a count's own measure word, else the unit's label. */
export function unitLabelOf(metric: Pick<MetricDefinition, 'unit' | 'measureWord'>): Translated {
  return metric.unit === MetricUnit.COUNT && metric.measureWord ? metric.measureWord : UNIT_LABELS[metric.unit];
}

/** A metric's SQL sums can be added up over consecutive buckets to give the whole (all but statistics). */
export function isAdditive(metric: MetricDefinition): boolean {
  return metric.kind !== MetricKind.STATISTIC;
}

/** The denominator as shown: a per-day sum becomes its daily average over the bucket's `days`. */
export function shownDenominator(metric: MetricDefinition, den: number, days: number): number {
  return metric.perDay && days > 0 ? den / days : den;
}

/** The value a metric's numerator and denominator make over `days` days, or null when it is not applicable. */
export function metricValue(metric: MetricDefinition, num: number, rawDen: number, days: number): number | null {
  const den = shownDenominator(metric, rawDen, days);
  if (den === 0) return null;
  switch (metric.kind) {
    case MetricKind.RATIO:
      return (100 * num) / den;
    case MetricKind.RATE:
      return num / den;
    case MetricKind.COUNT:
    case MetricKind.STATISTIC:
      return num;
  }
}
