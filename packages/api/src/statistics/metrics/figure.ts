import { registerEnumType } from 'type-graphql';
import { MetricKind, MetricUnit, metricValue, shownDenominator, type MetricDefinition } from './metric';
import type { Measurement } from './engine';

/** Who the figures are for. */
export enum Disclosure {
  /** The public (portals): small counts of sensitive cases are hidden. */
  PUBLIC = 'PUBLIC',
  /** Staff entitled to the underlying records: every figure as measured. */
  FULL = 'FULL',
}

registerEnumType(Disclosure, {
  name: 'Disclosure',
  description: 'Who the figures are for.',
  valuesConfig: {
    PUBLIC: { description: 'The public: counts of sensitive cases below the threshold are hidden (shown as "<3").' },
    FULL: { description: 'Entitled staff: every figure as measured.' },
  },
});

/**
 * Public figures hide counts of sensitive cases (disputes, incidents, requests, hazards at enterprises,
 * recognitions …) from 1 to SMALL_COUNT_THRESHOLD − 1, and ratios or statistics over so few cases, so that
 * no figure points at one enterprise or one person. Zero is shown: it singles out no one.
 */
export const SMALL_COUNT_THRESHOLD = 3;

/** A measured value ready to show: the number, its parts, and what applies to it. */
export interface Figure {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  applicable: boolean;
  suppressed: boolean;
  display: string;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function format(metric: MetricDefinition, value: number): string {
  switch (metric.unit) {
    case MetricUnit.PERCENT:
      return `${round(value, 1).toFixed(1)}%`;
    case MetricUnit.COUNT:
      return Number.isInteger(round(value, 2)) ? String(round(value, 0)) : round(value, 2).toFixed(2);
    case MetricUnit.MINUTES:
      return round(value, 1).toFixed(1);
    default:
      return round(value, 2).toFixed(2);
  }
}

const small = (count: number) => count > 0 && count < SMALL_COUNT_THRESHOLD;

/**
 * Makes a figure from a measurement. `divisor` turns a per-period count into a rate per indicator period
 * (the number of indicator periods measured, fractional for an unfinished one).
 */
export function figureOf(metric: MetricDefinition, m: Measurement, disclosure: Disclosure, divisor = 1): Figure {
  const raw = metricValue(metric, m.num, m.den, m.days);
  if (raw === null || divisor <= 0) {
    return { value: null, numerator: null, denominator: null, applicable: false, suppressed: false, display: '—' };
  }
  const value = round(raw / divisor, 4);
  const countLike = metric.kind === MetricKind.COUNT;
  const hide = disclosure === Disclosure.PUBLIC && metric.sensitive && (countLike ? small(m.num) : small(m.den));
  if (hide) {
    return {
      value: null,
      numerator: null,
      denominator: null,
      applicable: true,
      suppressed: true,
      display: countLike ? `<${SMALL_COUNT_THRESHOLD}` : '—',
    };
  }
  const hideNumerator = disclosure === Disclosure.PUBLIC && metric.sensitive && small(m.num);
  return {
    value,
    numerator: countLike || metric.kind === MetricKind.STATISTIC ? null : hideNumerator ? null : round(m.num, 2),
    denominator: countLike ? null : round(shownDenominator(metric, m.den, m.days), 2),
    applicable: true,
    suppressed: hideNumerator,
    display: format(metric, value),
  };
}

/** The numerator of a ratio as a count figure of its own (e.g. the disputes resolved); hidden when either part is small. */
export function numeratorFigure(metric: MetricDefinition, m: Measurement, disclosure: Disclosure): Figure {
  if (m.den === 0) return { value: null, numerator: null, denominator: null, applicable: false, suppressed: false, display: '—' };
  if (disclosure === Disclosure.PUBLIC && metric.sensitive && (small(m.num) || small(m.den))) {
    return { value: null, numerator: null, denominator: null, applicable: true, suppressed: true, display: `<${SMALL_COUNT_THRESHOLD}` };
  }
  const value = round(m.num, 2);
  return { value, numerator: null, denominator: null, applicable: true, suppressed: false, display: String(value) };
}
