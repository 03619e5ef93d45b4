import { changeOf, currentClock, RequestSet, scopeInfo, type StatisticsOptions } from './report-common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Commitment } from '../commitments/commitment.entity';
import { Comparator, Indicator } from '../commitments/indicator.entity';
import { findRows } from '../shared/db/rows';
import { TranslatedText } from '../shared/i18n/translated';
import { metricNamed, resolveParams } from './metrics/catalog';
import { combine, measure, type Measurement } from './metrics/engine';
import { agreeingDisplay, Disclosure, figureOf, type Figure } from './metrics/figure';
import { isAdditive, type MetricDefinition, type ParamValues } from './metrics/metric';
import {
  elapsedPart,
  fromStart,
  PeriodKind,
  previousPeriod,
  unitsOverlapping,
  yearAgoPeriod,
  type CalendarUnit,
  type DayRange,
  type Period,
} from './metrics/period';
import type { Scope } from './metrics/scope';
import { CommitmentCompliance, ComplianceReport, IndicatorResult } from './compliance.types';
import { ComplianceStatus, MeasuredValue, MetricInfo, NotApplicableReason, ReportPeriod, Trend } from './statistics.types';

/**
 * Whether a value meets its target. A count of events in a period that has not ended can still grow:
 * "at least N" is MET once reached and PENDING until then; "at most N" (or exactly N) is NOT_MET once
 * passed and PENDING until the period ends. Every other value is judged as measured to date.
 */
export function verdict(value: number, target: number, comparator: Comparator, growing: boolean): ComplianceStatus {
  const met = meets(value, target, comparator);
  if (!growing) return met ? ComplianceStatus.MET : ComplianceStatus.NOT_MET;
  const atLeast = comparator === Comparator.GTE || comparator === Comparator.GT;
  if (atLeast) return met ? ComplianceStatus.MET : ComplianceStatus.PENDING;
  const passed = comparator === Comparator.EQ ? value > target : !met;
  return passed ? ComplianceStatus.NOT_MET : ComplianceStatus.PENDING;
}

function meets(value: number, target: number, comparator: Comparator): boolean {
  const v = Math.round(value * 1e6) / 1e6;
  switch (comparator) {
    case Comparator.GTE:
      return v >= target;
    case Comparator.GT:
      return v > target;
    case Comparator.LTE:
      return v <= target;
    case Comparator.LT:
      return v < target;
    case Comparator.EQ:
      return v === target;
  }
}

/** How an indicator is measured in one report period: the indicator periods that overlap it. */
interface IndicatorPlan {
  /** The indicator periods measured, each from the scope's start on. */
  windows: DayRange[];
  /** Why nothing is measured: the period lies before the start, or has not begun. */
  idle?: NotApplicableReason;
  evaluated: DayRange;
  request: number | null;
  /**
   * With several windows, the buckets hold them; the whole evaluated span is their sum for an additive
   * metric (measured once), or bucket 0 otherwise (buckets 1… then hold the windows).
   */
  split: boolean;
  summed: boolean;
}

/** The whole evaluated span's measurement and each window's. */
function measurementsOf(plan: IndicatorPlan, results: Measurement[][]): { whole: Measurement; windows: Measurement[] } {
  const measured = results[plan.request!]!;
  if (!plan.split) return { whole: measured[0]!, windows: [measured[0]!] };
  if (plan.summed) return { whole: combine(measured), windows: measured };
  return { whole: measured[0]!, windows: measured.slice(1) };
}

function planIndicator(
  set: RequestSet,
  metric: MetricDefinition,
  params: ParamValues,
  unit: CalendarUnit,
  period: Period,
  today: string,
  start: string | null,
): IndicatorPlan {
  const overlapping = unitsOverlapping(unit, period);
  // A program or park is judged from the day it began: earlier periods are not applicable, and the
  // period it began in is measured from that day.
  const windows = overlapping.map((w) => fromStart(w, start)).filter((w): w is DayRange => w !== null);
  if (windows.length === 0) {
    const evaluated = { from: overlapping[0]!.from, to: overlapping.at(-1)!.to };
    return { windows: overlapping, evaluated, request: null, split: false, summed: false, idle: NotApplicableReason.BEFORE_START };
  }
  const evaluated = { from: windows[0]!.from, to: windows.at(-1)!.to };
  const whole = elapsedPart(evaluated, today);
  if (!whole) return { windows, evaluated, request: null, split: false, summed: false, idle: NotApplicableReason.FUTURE };
  const split = windows.length > 1;
  const summed = split && isAdditive(metric);
  const elapsed = windows.map((w) => elapsedPart(w, today)).filter((w): w is DayRange => w !== null);
  const buckets = !split ? [whole] : summed ? elapsed : [whole, ...elapsed];
  return { windows, evaluated, request: set.add(metric, params, buckets), split, summed };
}

interface Judgement {
  figure: Figure;
  status: ComplianceStatus;
  reason: NotApplicableReason | null;
  periodsJudged: number;
  periodsMet: number;
}

function judge(
  metric: MetricDefinition,
  indicator: Indicator,
  plan: IndicatorPlan,
  results: Measurement[][],
  disclosure: Disclosure,
  today: string,
  scopeOk: boolean,
): Judgement {
  const notApplicable = (reason: NotApplicableReason): Judgement => ({
    figure: { value: null, numerator: null, denominator: null, applicable: false, suppressed: false, display: '—' },
    status: ComplianceStatus.NOT_APPLICABLE,
    reason,
    periodsJudged: 0,
    periodsMet: 0,
  });
  if (!scopeOk) return notApplicable(NotApplicableReason.SCOPE);
  if (plan.request === null) return notApplicable(plan.idle ?? NotApplicableReason.FUTURE);
  const measured = measurementsOf(plan, results);
  const target = Number(indicator.target);
  // A count per indicator period is the count to date: each period begun counts as one, never projected.
  const started = plan.windows.filter((w) => elapsedPart(w, today));
  const divisorOf = (spans: DayRange[]) => (metric.perPeriod ? spans.length : 1);
  const open = (span: DayRange) => metric.perPeriod && span.to > today;
  // Status is judged on the full value; only what is shown is subject to disclosure.
  const full = figureOf(metric, measured.whole, Disclosure.FULL, divisorOf(started));
  const shown = figureOf(metric, measured.whole, disclosure, divisorOf(started));
  if (full.value === null) return { ...notApplicable(NotApplicableReason.NOTHING_IN_SCOPE), figure: shown };
  const windowVerdicts = (plan.split ? started : [plan.evaluated]).map((w, i) => {
    const value = plan.split ? figureOf(metric, measured.windows[i]!, Disclosure.FULL, divisorOf([w])).value : full.value;
    return value === null ? null : verdict(value, target, indicator.comparator, open(w));
  });
  const judged = windowVerdicts.filter((v) => v === ComplianceStatus.MET || v === ComplianceStatus.NOT_MET);
  return {
    // The number shown reads as judged: never the target beside "not met".
    figure: agreeingDisplay(metric, shown, (value) => meets(value, target, indicator.comparator)),
    status: verdict(full.value, target, indicator.comparator, open(plan.evaluated)),
    reason: null,
    periodsJudged: judged.length,
    periodsMet: judged.filter((v) => v === ComplianceStatus.MET).length,
  };
}

const UNIT_OF_INDICATOR: Record<string, CalendarUnit> = {
  WEEK: PeriodKind.WEEK,
  MONTH: PeriodKind.MONTH,
  QUARTER: PeriodKind.QUARTER,
  YEAR: PeriodKind.YEAR,
};

/** The share of the indicators judged (met or not met) that are met; pending ones are not judged yet. */
function score(results: IndicatorResult[], pick: (r: IndicatorResult) => ComplianceStatus): number | null {
  const judged = results.filter((r) => pick(r) === ComplianceStatus.MET || pick(r) === ComplianceStatus.NOT_MET);
  if (judged.length === 0) return null;
  return Math.round((10000 * judged.filter((r) => pick(r) === ComplianceStatus.MET).length) / judged.length) / 100;
}

/**
 * The program's commitments in force at some time of the period, in published order, and their
 * indicators in theirs: rows within the viewer's read scope, as answers read them, not entities of
 * the unit of work (hydrating them was the largest part of a report's time in Node).
 */
async function commitmentsInForce(
  em: EntityManager,
  programId: number,
  period: Period,
): Promise<{ commitments: Commitment[]; indicatorsOf(commitment: Commitment): Indicator[] }> {
  const inOrder: Array<Record<string, 'asc'>> = [{ sortOrder: 'asc' }, { id: 'asc' }];
  const commitments = await findRows(em, Commitment, {
    where: { program: programId, $or: [{ retiredAt: null }, { retiredAt: { $gte: new Date(`${period.from}T00:00:00+08:00`) } }] },
    orderBy: inOrder,
  });
  const indicators =
    commitments.length === 0
      ? []
      : await findRows(em, Indicator, { where: { commitment: { $in: commitments.map((c) => c.id) } }, orderBy: inOrder });
  const byCommitment = new Map<number, Indicator[]>();
  for (const indicator of indicators) {
    const list = byCommitment.get(indicator.commitment.id);
    if (list) list.push(indicator);
    else byCommitment.set(indicator.commitment.id, [indicator]);
  }
  return { commitments, indicatorsOf: (commitment) => byCommitment.get(commitment.id) ?? [] };
}

/**
 * The compliance report of a scope's program for a period: every commitment in force, each indicator
 * measured over the indicator periods that overlap the report period, the overall score and the trend
 * against the previous period. Every figure of both periods comes from one SQL statement.
 */
export async function complianceReport(
  em: EntityManager,
  scope: Scope,
  period: Period,
  options: StatisticsOptions,
): Promise<ComplianceReport> {
  const clock = options.clock ?? currentClock(scope.timeZone);
  const previous = previousPeriod(period, clock.today);
  const yearAgo = yearAgoPeriod(period, clock.today);
  const { commitments, indicatorsOf } = await commitmentsInForce(em, scope.programId, period);
  const set = new RequestSet();
  const planned = commitments.map((commitment) => ({
    commitment,
    indicators: indicatorsOf(commitment).map((indicator) => {
      const metric = metricNamed(indicator.metric);
      const params = resolveParams(metric, indicator.params);
      const unit = UNIT_OF_INDICATOR[indicator.period]!;
      const scopeOk = metric.scopes.includes(scope.kind);
      return {
        indicator,
        metric,
        scopeOk,
        current: scopeOk ? planIndicator(set, metric, params, unit, period, clock.today, scope.startsOn) : null,
        previous: scopeOk ? planIndicator(set, metric, params, unit, previous, clock.today, scope.startsOn) : null,
        yearAgo: scopeOk ? planIndicator(set, metric, params, unit, yearAgo, clock.today, scope.startsOn) : null,
      };
    }),
  }));
  const results = await measure(em, scope, set.requests, clock);

  const all: IndicatorResult[] = [];
  const commitmentResults = planned.map(({ commitment, indicators }) => {
    const indicatorResults = indicators.map(
      ({ indicator, metric, scopeOk, current: currentPlanned, previous: previousPlanned, yearAgo: yearAgoPlanned }) => {
        const fallbackPlan = {
          windows: unitsOverlapping(UNIT_OF_INDICATOR[indicator.period]!, period),
          request: null,
          split: false,
          summed: false,
        };
        const currentPlan = currentPlanned ?? { ...fallbackPlan, evaluated: { from: period.from, to: period.to } };
        const previousPlan = previousPlanned ?? { ...fallbackPlan, evaluated: { from: previous.from, to: previous.to } };
        const yearAgoPlan = yearAgoPlanned ?? { ...fallbackPlan, evaluated: { from: yearAgo.from, to: yearAgo.to } };
        const judged = judge(metric, indicator, currentPlan, results, options.disclosure, clock.today, scopeOk);
        const judgedBefore = judge(metric, indicator, previousPlan, results, options.disclosure, clock.today, scopeOk);
        const judgedYearAgo = judge(metric, indicator, yearAgoPlan, results, options.disclosure, clock.today, scopeOk);
        const yearOnYear = changeOf(judged.figure, judgedYearAgo.figure);
        const result = Object.assign(new IndicatorResult(), {
          indicator,
          metric: new MetricInfo(metric),
          label: new TranslatedText(indicator.label ?? metric.label),
          target: Number(indicator.target),
          comparator: indicator.comparator,
          period: indicator.period,
          evaluatedFrom: currentPlan.evaluated.from,
          evaluatedTo: currentPlan.evaluated.to,
          value: new MeasuredValue(judged.figure, metric, judged.reason),
          previous: new MeasuredValue(judgedBefore.figure, metric, judgedBefore.reason),
          ...changeOf(judged.figure, judgedBefore.figure),
          yearAgo: new MeasuredValue(judgedYearAgo.figure, metric, judgedYearAgo.reason),
          changeYearOnYear: yearOnYear.change,
          trendYearOnYear: yearOnYear.trend,
          status: judged.status,
          previousStatus: judgedBefore.status,
          yearAgoStatus: judgedYearAgo.status,
          partial: currentPlan.evaluated.to > clock.today && currentPlan.evaluated.from <= clock.today,
          provisional:
            !metric.perPeriod &&
            currentPlan.evaluated.to > clock.today &&
            (judged.status === ComplianceStatus.MET || judged.status === ComplianceStatus.NOT_MET),
          periodsJudged: judged.periodsJudged,
          periodsMet: judged.periodsMet,
        });
        all.push(result);
        return result;
      },
    );
    const statuses = new Set(indicatorResults.map((r) => r.status));
    return Object.assign(new CommitmentCompliance(), {
      commitment,
      code: commitment.code,
      area: commitment.area,
      title: new TranslatedText(commitment.title),
      // Not met as soon as one indicator is not; pending while one can still go either way.
      status: statuses.has(ComplianceStatus.NOT_MET)
        ? ComplianceStatus.NOT_MET
        : statuses.has(ComplianceStatus.PENDING)
          ? ComplianceStatus.PENDING
          : statuses.has(ComplianceStatus.MET)
            ? ComplianceStatus.MET
            : ComplianceStatus.NOT_APPLICABLE,
      indicators: indicatorResults,
    });
  });

  const currentScore = score(all, (r) => r.status);
  const previousScore = score(all, (r) => r.previousStatus);
  const yearAgoScore = score(all, (r) => r.yearAgoStatus);
  const difference = (a: number | null, b: number | null) => (a !== null && b !== null ? Math.round((a - b) * 100) / 100 : null);
  const direction = (change: number | null) => (change === null ? null : change > 0 ? Trend.UP : change < 0 ? Trend.DOWN : Trend.FLAT);
  const scoreChange = difference(currentScore, previousScore);
  const scoreChangeYearOnYear = difference(currentScore, yearAgoScore);
  return Object.assign(new ComplianceReport(), {
    scope: scopeInfo(scope),
    period: new ReportPeriod(period),
    previousPeriod: new ReportPeriod(previous),
    yearAgoPeriod: new ReportPeriod(yearAgo),
    disclosure: options.disclosure,
    score: currentScore,
    previousScore,
    scoreChange,
    trend: direction(scoreChange),
    yearAgoScore,
    scoreChangeYearOnYear,
    trendYearOnYear: direction(scoreChangeYearOnYear),
    indicatorsMet: all.filter((r) => r.status === ComplianceStatus.MET).length,
    indicatorsJudged: all.filter((r) => r.status === ComplianceStatus.MET || r.status === ComplianceStatus.NOT_MET).length,
    indicatorsPending: all.filter((r) => r.status === ComplianceStatus.PENDING).length,
    indicatorsNotApplicable: all.filter((r) => r.status === ComplianceStatus.NOT_APPLICABLE).length,
    commitments: commitmentResults,
  });
}
