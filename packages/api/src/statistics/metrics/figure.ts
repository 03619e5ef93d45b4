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

/** The decimals a value is shown with by default: one for percentages and minutes, two otherwise, none for a whole count. */
function defaultDigits(metric: MetricDefinition, value: number): number {
  switch (metric.unit) {
    case MetricUnit.PERCENT:
    case MetricUnit.MINUTES:
      return 1;
    case MetricUnit.COUNT:
      return Number.isInteger(round(value, 2)) ? 0 : 2;
    default:
      return 2;
  }
}

function format(metric: MetricDefinition, value: number, digits = defaultDigits(metric, value)): string {
  const text = round(value, digits).toFixed(digits);
  return metric.unit === MetricUnit.PERCENT ? `${text}%` : text;
}

/**
 * A figure shown with as many decimals as it takes (at most four, the precision values are kept at)
 * for the number shown to be judged as the value itself is: 0.9996 against "at least 1" is shown
 * "0.9996", never "1.00" beside "not met". `judged` says whether a number meets the target.
 */
export function agreeingDisplay(metric: MetricDefinition, figure: Figure, judged: (value: number) => boolean): Figure {
  if (figure.value === null || !figure.applicable) return figure;
  const truth = judged(figure.value);
  for (let digits = defaultDigits(metric, figure.value); digits <= 4; digits++) {
    if (judged(round(figure.value, digits)) === truth) {
      return { ...figure, display: format(metric, figure.value, digits) };
    }
  }
  return figure;
}

const small = (count: number) => count > 0 && count < SMALL_COUNT_THRESHOLD;

/**
 * What public figures must not let anyone work out: a count of sensitive cases from 1 to
 * SMALL_COUNT_THRESHOLD − 1. For a share of cases (a RATIO: resolved of found), the cases counted,
 * the cases judged and the cases left over (judged minus counted) are each such a count, so the
 * share and both its parts are hidden when any of them is small: "66.7 % of 3" would give away the
 * two, "2 of 3 resolved" beside "3 found" the one left. Other sensitive rates hide when either part
 * is small. Zero singles out no one and is shown. (docs/decisions/0003-compliance-engine.md)
 */
function discloses(metric: MetricDefinition, m: Measurement): boolean {
  if (metric.kind === MetricKind.COUNT) return !small(m.num);
  if (small(m.num) || small(m.den)) return false;
  return metric.kind !== MetricKind.RATIO || !small(m.den - m.num);
}

/**
 * Makes a figure from a measurement. `divisor` turns a per-period count into a rate per indicator period
 * (the number of indicator periods measured).
 */
export function figureOf(metric: MetricDefinition, m: Measurement, disclosure: Disclosure, divisor = 1): Figure {
  const raw = metricValue(metric, m.num, m.den, m.days);
  if (raw === null || divisor <= 0) {
    return { value: null, numerator: null, denominator: null, applicable: false, suppressed: false, display: '—' };
  }
  const value = round(raw / divisor, 4);
  const countLike = metric.kind === MetricKind.COUNT;
  if (disclosure === Disclosure.PUBLIC && metric.sensitive && !discloses(metric, m)) {
    return {
      value: null,
      numerator: null,
      denominator: null,
      applicable: true,
      suppressed: true,
      display: countLike ? `<${SMALL_COUNT_THRESHOLD}` : '—',
    };
  }
  return {
    value,
    numerator: countLike || metric.kind === MetricKind.STATISTIC ? null : round(m.num, 2),
    denominator: countLike ? null : round(shownDenominator(metric, m.den, m.days), 2),
    applicable: true,
    suppressed: false,
    display: format(metric, value),
  };
}

/**
 * The numerator of a ratio as a count figure of its own (e.g. the disputes resolved); hidden when the
 * ratio is (its part, its whole or what is left over is small), so that it and the whole shown beside
 * it never give away a small remainder.
 */
export function numeratorFigure(metric: MetricDefinition, m: Measurement, disclosure: Disclosure): Figure {
  if (m.den === 0) return { value: null, numerator: null, denominator: null, applicable: false, suppressed: false, display: '—' };
  if (disclosure === Disclosure.PUBLIC && metric.sensitive && !discloses(metric, m)) {
    const display = small(m.num) ? `<${SMALL_COUNT_THRESHOLD}` : '—';
    return { value: null, numerator: null, denominator: null, applicable: true, suppressed: true, display };
  }
  const value = round(m.num, 2);
  return { value, numerator: null, denominator: null, applicable: true, suppressed: false, display: String(value) };
}
