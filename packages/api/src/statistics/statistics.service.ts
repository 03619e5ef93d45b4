import type { EntityManager } from '@mikro-orm/postgresql';
import { Commitment } from '../commitments/commitment.entity';
import { Comparator, type Indicator } from '../commitments/indicator.entity';
import { toGlobalId } from '../shared/graphql/global-id';
import { TranslatedText, type Translated } from '../shared/i18n/translated';
import { todayInShanghai } from '../shared/time/calendar';
import { DomainValidationError } from '../shared/validation';
import { metricNamed, resolveParams } from './metrics/catalog';
import { combine, measure, type Clock, type MeasureRequest, type Measurement } from './metrics/engine';
import { Disclosure, figureOf, numeratorFigure, type Figure } from './metrics/figure';
import { isAdditive, type MetricDefinition, type ParamValues } from './metrics/metric';
import {
  dayCount,
  elapsedPart,
  parseRange,
  PeriodKind,
  previousPeriod,
  unitsOverlapping,
  unitsWithin,
  type CalendarUnit,
  type DayRange,
  type Period,
} from './metrics/period';
import { type ScopeKind, type Scope } from './metrics/scope';
import {
  CommitmentCompliance,
  ComplianceReport,
  ComplianceStatus,
  IndicatorResult,
  MeasuredValue,
  MetricInfo,
  MetricSeries,
  NotApplicableReason,
  ReportPeriod,
  SeriesPoint,
  ServiceStatistics,
  StatisticFigure,
  StatisticsScope,
  Trend,
} from './statistics.types';

export interface StatisticsOptions {
  disclosure: Disclosure;
  clock?: Clock;
}

const TYPE_OF_SCOPE: Record<ScopeKind, string> = {
  PROGRAM: 'Program',
  PARK: 'Park',
  ZONE: 'Zone',
  POLICE_UNIT: 'PoliceUnit',
  OFFICER: 'Officer',
  ENTERPRISE: 'Enterprise',
};

export function currentClock(): Clock {
  const now = new Date();
  return { today: todayInShanghai(now), now };
}

function scopeInfo(scope: Scope): StatisticsScope {
  return Object.assign(new StatisticsScope(), { kind: scope.kind, id: toGlobalId(TYPE_OF_SCOPE[scope.kind], scope.id), name: scope.name });
}

const clip = elapsedPart;

const elapsedShare = (range: DayRange, today: string) => {
  const elapsed = clip(range, today);
  return elapsed ? dayCount(elapsed) / dayCount(range) : 0;
};

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

function changeOf(current: Figure, previous: Figure): { change: number | null; trend: Trend | null } {
  if (current.value === null || previous.value === null) return { change: null, trend: null };
  const change = Math.round((current.value - previous.value) * 1e4) / 1e4;
  return { change, trend: change > 0 ? Trend.UP : change < 0 ? Trend.DOWN : Trend.FLAT };
}

/** Shares identical measurements between requests (the same metric, parameters and buckets). */
class RequestSet {
  readonly requests: MeasureRequest[] = [];
  private readonly keys = new Map<string, number>();

  add(metric: MetricDefinition, params: ParamValues, buckets: DayRange[]): number {
    const key = JSON.stringify([metric.name, params, buckets]);
    let index = this.keys.get(key);
    if (index === undefined) {
      index = this.requests.push({ metric, params, buckets }) - 1;
      this.keys.set(key, index);
    }
    return index;
  }
}

/** How an indicator is measured in one report period: the indicator periods that overlap it. */
interface IndicatorPlan {
  windows: DayRange[];
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
): IndicatorPlan {
  const windows = unitsOverlapping(unit, period);
  const evaluated = { from: windows[0]!.from, to: windows.at(-1)!.to };
  const whole = clip(evaluated, today);
  if (!whole) return { windows, evaluated, request: null, split: false, summed: false };
  const split = windows.length > 1;
  const summed = split && isAdditive(metric);
  const elapsed = windows.map((w) => clip(w, today)).filter((w): w is DayRange => w !== null);
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
  if (plan.request === null) return notApplicable(NotApplicableReason.FUTURE);
  const measured = measurementsOf(plan, results);
  const target = Number(indicator.target);
  const divisorOf = (spans: DayRange[]) => (metric.perPeriod ? spans.reduce((sum, w) => sum + elapsedShare(w, today), 0) : 1);
  // Status is judged on the full value; only what is shown is subject to disclosure.
  const full = figureOf(metric, measured.whole, Disclosure.FULL, divisorOf(plan.windows));
  const shown = figureOf(metric, measured.whole, disclosure, divisorOf(plan.windows));
  if (full.value === null) return { ...notApplicable(NotApplicableReason.NOTHING_IN_SCOPE), figure: shown };
  const windowResults = plan.split
    ? plan.windows
        .filter((w) => clip(w, today))
        .map((w, i) => figureOf(metric, measured.windows[i]!, Disclosure.FULL, divisorOf([w])).value)
    : [full.value];
  const judged = windowResults.filter((v): v is number => v !== null);
  return {
    figure: shown,
    status: meets(full.value, target, indicator.comparator) ? ComplianceStatus.MET : ComplianceStatus.NOT_MET,
    reason: null,
    periodsJudged: judged.length,
    periodsMet: judged.filter((v) => meets(v, target, indicator.comparator)).length,
  };
}

const UNIT_OF_INDICATOR: Record<string, CalendarUnit> = {
  WEEK: PeriodKind.WEEK,
  MONTH: PeriodKind.MONTH,
  QUARTER: PeriodKind.QUARTER,
  YEAR: PeriodKind.YEAR,
};

function score(results: IndicatorResult[], pick: (r: IndicatorResult) => ComplianceStatus): number | null {
  const judged = results.filter((r) => pick(r) !== ComplianceStatus.NOT_APPLICABLE);
  if (judged.length === 0) return null;
  return Math.round((10000 * judged.filter((r) => pick(r) === ComplianceStatus.MET).length) / judged.length) / 100;
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
  const clock = options.clock ?? currentClock();
  const previous = previousPeriod(period, clock.today);
  const commitments = await em.find(
    Commitment,
    { program: scope.programId, $or: [{ retiredAt: null }, { retiredAt: { $gte: new Date(`${period.from}T00:00:00+08:00`) } }] },
    { populate: ['indicators'], orderBy: { sortOrder: 'asc', id: 'asc' } },
  );
  const set = new RequestSet();
  const planned = commitments.map((commitment) => ({
    commitment,
    indicators: commitment.indicators
      .getItems()
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((indicator) => {
        const metric = metricNamed(indicator.metric);
        const params = resolveParams(metric, indicator.params);
        const unit = UNIT_OF_INDICATOR[indicator.period]!;
        const scopeOk = metric.scopes.includes(scope.kind);
        return {
          indicator,
          metric,
          scopeOk,
          current: scopeOk ? planIndicator(set, metric, params, unit, period, clock.today) : null,
          previous: scopeOk ? planIndicator(set, metric, params, unit, previous, clock.today) : null,
        };
      }),
  }));
  const results = await measure(em, scope, set.requests, clock);

  const all: IndicatorResult[] = [];
  const commitmentResults = planned.map(({ commitment, indicators }) => {
    const indicatorResults = indicators.map(({ indicator, metric, scopeOk, current, previous: before }) => {
      const fallbackPlan = {
        windows: unitsOverlapping(UNIT_OF_INDICATOR[indicator.period]!, period),
        request: null,
        split: false,
        summed: false,
      };
      const now = current ?? { ...fallbackPlan, evaluated: { from: period.from, to: period.to } };
      const then = before ?? { ...fallbackPlan, evaluated: { from: previous.from, to: previous.to } };
      const a = judge(metric, indicator, now, results, options.disclosure, clock.today, scopeOk);
      const b = judge(metric, indicator, then, results, options.disclosure, clock.today, scopeOk);
      const result = Object.assign(new IndicatorResult(), {
        indicator,
        metric: new MetricInfo(metric),
        label: new TranslatedText(indicator.label ?? metric.label),
        target: Number(indicator.target),
        comparator: indicator.comparator,
        period: indicator.period,
        evaluatedFrom: now.evaluated.from,
        evaluatedTo: now.evaluated.to,
        value: new MeasuredValue(a.figure, metric, a.reason),
        previous: new MeasuredValue(b.figure, metric, b.reason),
        ...changeOf(a.figure, b.figure),
        status: a.status,
        previousStatus: b.status,
        partial: now.evaluated.to > clock.today && now.evaluated.from <= clock.today,
        periodsJudged: a.periodsJudged,
        periodsMet: a.periodsMet,
      });
      all.push(result);
      return result;
    });
    const judged = indicatorResults.filter((r) => r.status !== ComplianceStatus.NOT_APPLICABLE);
    return Object.assign(new CommitmentCompliance(), {
      commitment,
      code: commitment.code,
      area: commitment.area,
      title: new TranslatedText(commitment.title),
      status:
        judged.length === 0
          ? ComplianceStatus.NOT_APPLICABLE
          : judged.every((r) => r.status === ComplianceStatus.MET)
            ? ComplianceStatus.MET
            : ComplianceStatus.NOT_MET,
      indicators: indicatorResults,
    });
  });

  const current = score(all, (r) => r.status);
  const before = score(all, (r) => r.previousStatus);
  const scoreChange = current !== null && before !== null ? Math.round((current - before) * 100) / 100 : null;
  return Object.assign(new ComplianceReport(), {
    scope: scopeInfo(scope),
    period: new ReportPeriod(period),
    previousPeriod: new ReportPeriod(previous),
    disclosure: options.disclosure,
    score: current,
    previousScore: before,
    scoreChange,
    trend: scoreChange === null ? null : scoreChange > 0 ? Trend.UP : scoreChange < 0 ? Trend.DOWN : Trend.FLAT,
    indicatorsMet: all.filter((r) => r.status === ComplianceStatus.MET).length,
    indicatorsJudged: all.filter((r) => r.status !== ComplianceStatus.NOT_APPLICABLE).length,
    indicatorsNotApplicable: all.filter((r) => r.status === ComplianceStatus.NOT_APPLICABLE).length,
    commitments: commitmentResults,
  });
}

/** A service statistic: a metric, its parameters, and whether the figure is its value or its numerator. */
interface FigureSpec {
  key: string;
  metric: string;
  params?: Record<string, unknown>;
  part?: 'numerator';
  label?: Translated;
}

const ENGAGEMENT_LABELS: Record<string, Translated> = {
  QUARTERLY_MEETING: { 'zh-CN': '警企季度恳谈会', 'zh-TW': '警企季度懇談會', en: 'Quarterly meetings' },
  FORUM: { 'zh-CN': '座谈会', 'zh-TW': '座談會', en: 'Forums' },
  PARTY_BUILDING: { 'zh-CN': '党建联谊活动', 'zh-TW': '黨建聯誼活動', en: 'Party-building events' },
  LEGAL_PUBLICITY: { 'zh-CN': '法律服务进企业', 'zh-TW': '法律服務進企業', en: 'Legal publicity sessions' },
  TRAINING: { 'zh-CN': '培训', 'zh-TW': '培訓', en: 'Trainings' },
  SECURITY_BULLETIN: { 'zh-CN': '治安形势通报', 'zh-TW': '治安形勢通報', en: 'Security bulletins' },
  ANALYSIS_MEETING: { 'zh-CN': '研判会', 'zh-TW': '研判會', en: 'Analysis meetings' },
};

/** The figures portals show, in order: the three teams' results, then services and engagements by type. */
export const SERVICE_FIGURES: readonly FigureSpec[] = [
  { key: 'patrolPersonTimes', metric: 'patrolPersonTimes' },
  {
    key: 'patrols',
    metric: 'patrolCount',
    params: { kind: 'ON_SITE' },
    label: { 'zh-CN': '实地巡逻', 'zh-TW': '實地巡邏', en: 'On-site patrols' },
  },
  { key: 'videoPatrols', metric: 'videoPatrolCount' },
  { key: 'hazardsRectifiedOnSite', metric: 'hazardsRectifiedOnSite' },
  { key: 'suspiciousPersonsChecked', metric: 'suspiciousPersonsChecked' },
  { key: 'suspiciousVehiclesChecked', metric: 'suspiciousVehiclesChecked' },
  { key: 'peopleAssisted', metric: 'peopleAssisted' },
  { key: 'disputes', metric: 'disputeCount' },
  {
    key: 'disputesResolved',
    metric: 'disputeResolutionRate',
    part: 'numerator',
    label: { 'zh-CN': '化解矛盾纠纷', 'zh-TW': '化解矛盾糾紛', en: 'Disputes resolved' },
  },
  { key: 'disputeResolutionRate', metric: 'disputeResolutionRate' },
  { key: 'escalationRisks', metric: 'escalationRiskCount' },
  {
    key: 'escalationRisksDefused',
    metric: 'escalationRisksDefused',
    part: 'numerator',
    label: { 'zh-CN': '化解升级风险', 'zh-TW': '化解升級風險', en: 'Escalation risks defused' },
  },
  { key: 'escalationRisksControlled', metric: 'escalationRisksControlled' },
  { key: 'problemsSolved', metric: 'problemsSolved' },
  { key: 'serviceRequestsResolvedInTime', metric: 'serviceRequestsResolvedInTime' },
  { key: 'satisfaction', metric: 'satisfaction' },
  { key: 'pennants', metric: 'recognitionCount', params: { kind: 'PENNANT' }, label: { 'zh-CN': '锦旗', 'zh-TW': '錦旗', en: 'Pennants' } },
  {
    key: 'letters',
    metric: 'recognitionCount',
    params: { kind: 'LETTER' },
    label: { 'zh-CN': '感谢信', 'zh-TW': '感謝信', en: 'Letters of thanks' },
  },
  { key: 'visits', metric: 'visitCount' },
  { key: 'visitCoverage', metric: 'visitCoverage' },
  { key: 'incidents', metric: 'incidentCount' },
  { key: 'incidentArrivalWithin15', metric: 'incidentArrivalWithin', params: { minutes: 15 } },
  { key: 'responseMinutesMedian', metric: 'responseMinutesMedian' },
  ...Object.entries(ENGAGEMENT_LABELS).map(([type, label]) => ({
    key: `engagements.${type}`,
    metric: 'engagementCount',
    params: { type },
    label,
  })),
];

/** Service statistics of a scope for a period and the one before, in one SQL statement. */
export async function serviceStatistics(
  em: EntityManager,
  scope: Scope,
  period: Period,
  options: StatisticsOptions,
): Promise<ServiceStatistics> {
  const clock = options.clock ?? currentClock();
  const previous = previousPeriod(period, clock.today);
  const set = new RequestSet();
  // One bucket per period that has begun; `slots` says which bucket holds each (or -1).
  const spans = [period.elapsed, previous.elapsed];
  const buckets = spans.filter((b): b is DayRange => b !== null);
  const slots = spans.map((span) => (span ? buckets.indexOf(span) : -1));
  const specs = SERVICE_FIGURES.map((spec) => {
    const metric = metricNamed(spec.metric);
    const params = resolveParams(metric, spec.params);
    const scopeOk = metric.scopes.includes(scope.kind);
    return { spec, metric, scopeOk, request: scopeOk ? set.add(metric, params, buckets) : null };
  });
  const results = await measure(em, scope, set.requests, clock);
  const empty: Measurement = { num: 0, den: 0, days: 0 };
  const figures = specs.map(({ spec, metric, scopeOk, request }) => {
    const measured = request === null ? [] : results[request]!;
    const at = (which: 0 | 1) => (slots[which]! >= 0 ? (measured[slots[which]!] ?? empty) : empty);
    const make = (m: Measurement) =>
      spec.part === 'numerator' ? numeratorFigure(metric, m, options.disclosure) : figureOf(metric, m, options.disclosure);
    const reason = !scopeOk ? NotApplicableReason.SCOPE : null;
    const now = make(at(0));
    const then = make(at(1));
    const shownMetric = spec.part === 'numerator' ? { ...metric, unit: 'COUNT' as MetricDefinition['unit'] } : metric;
    return Object.assign(new StatisticFigure(), {
      key: spec.key,
      label: new TranslatedText(spec.label ?? metric.label),
      metric: new MetricInfo(metric),
      value: new MeasuredValue(now, shownMetric, reason ?? (period.elapsed ? null : NotApplicableReason.FUTURE)),
      previous: new MeasuredValue(then, shownMetric, reason),
      ...changeOf(now, then),
    });
  });
  return Object.assign(new ServiceStatistics(), {
    scope: scopeInfo(scope),
    period: new ReportPeriod(period),
    previousPeriod: new ReportPeriod(previous),
    disclosure: options.disclosure,
    figures,
  });
}

const MAX_POINTS = 200;

/** A metric over a range of days, one point per calendar unit (clipped to the range; future ones left out). */
export async function metricSeries(
  em: EntityManager,
  scope: Scope,
  input: { metric: string; params?: Record<string, unknown> | null; from: string; to: string; granularity: PeriodKind },
  options: StatisticsOptions,
): Promise<MetricSeries> {
  const clock = options.clock ?? currentClock();
  const metric = metricNamed(input.metric, 'metric');
  const params = resolveParams(metric, input.params, 'params');
  const range = parseRange(input.from, input.to, 'range');
  if (input.granularity === PeriodKind.RANGE) {
    throw new DomainValidationError('granularity', 'granularity 应为 WEEK、MONTH、QUARTER 或 YEAR (expected a calendar unit)', 'INVALID');
  }
  const units = unitsWithin(input.granularity, range);
  if (units.length > MAX_POINTS) {
    throw new DomainValidationError(
      'granularity',
      `最多 ${MAX_POINTS} 个点，请加大粒度或缩短范围 (at most ${MAX_POINTS} points)`,
      'TOO_MANY_POINTS',
    );
  }
  const present = units.filter((unit) => unit.from <= clock.today);
  const scopeOk = metric.scopes.includes(scope.kind);
  const buckets = present.map((unit) => clip(unit, clock.today)!);
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
