import { changeOf, currentClock, RequestSet, scopeInfo, type StatisticsOptions } from './report-common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TranslatedText, type Translated } from '../shared/i18n/translated';
import { metricNamed, resolveParams } from './metrics/catalog';
import { measure, type Measurement } from './metrics/engine';
import { figureOf, numeratorFigure } from './metrics/figure';
import type { MetricDefinition } from './metrics/metric';
import { fromStart, previousPeriod, yearAgoPeriod, type DayRange, type Period } from './metrics/period';
import type { Scope } from './metrics/scope';
import { MeasuredValue, MetricInfo, NotApplicableReason, ReportPeriod } from './statistics.types';
import { ServiceStatistics, StatisticFigure } from './figures.types';

/** A service statistic: a metric, its parameters, and whether the figure is its value or its numerator. */
interface FigureSpec {
  key: string;
  metric: string;
  params?: Record<string, unknown>;
  part?: 'numerator';
  label?: Translated;
  /** The measure word, where the figure counts something other than its metric's cases (锦旗 in 面). */
  measureWord?: Translated;
}

const ENGAGEMENT_LABELS: Record<string, Translated> = {
  QUARTERLY_MEETING: { 'zh-CN': '警企季度恳谈会', 'zh-TW': '警企季度懇談會', en: 'Quarterly meetings' },
  FORUM: { 'zh-CN': '座谈会', 'zh-TW': '座談會', en: 'Forums' },
  PARTY_BUILDING: { 'zh-CN': '党建联谊活动', 'zh-TW': '黨建聯誼活動', en: 'Party-building events' },
  LEGAL_PUBLICITY: { 'zh-CN': '法治宣传', 'zh-TW': '法治宣傳', en: 'Legal publicity sessions' },
  TRAINING: { 'zh-CN': '培训', 'zh-TW': '培訓', en: 'Trainings' },
  SECURITY_BULLETIN: { 'zh-CN': '治安形势通报', 'zh-TW': '治安形勢通報', en: 'Security bulletins' },
  ANALYSIS_MEETING: { 'zh-CN': '研判会', 'zh-TW': '研判會', en: 'Analysis meetings' },
  DRILL: { 'zh-CN': '应急演练', 'zh-TW': '應急演練', en: 'Drills' },
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
    // Not the catalog's disputesResolved (resolved in the period, whenever found): these are the
    // disputes found in the period that are resolved by now, the numerator of the resolution rate.
    label: { 'zh-CN': '本期排查纠纷已化解', 'zh-TW': '本期排查糾紛已化解', en: 'Disputes found in the period, resolved by now' },
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
  {
    key: 'pennants',
    metric: 'recognitionCount',
    params: { kind: 'PENNANT' },
    label: { 'zh-CN': '锦旗', 'zh-TW': '錦旗', en: 'Pennants' },
    measureWord: { 'zh-CN': '面', 'zh-TW': '面', en: 'pennants' },
  },
  {
    key: 'letters',
    metric: 'recognitionCount',
    params: { kind: 'LETTER' },
    label: { 'zh-CN': '感谢信', 'zh-TW': '感謝信', en: 'Letters of thanks' },
    measureWord: { 'zh-CN': '封', 'zh-TW': '封', en: 'letters' },
  },
  { key: 'visits', metric: 'visitCount' },
  { key: 'visitCoverage', metric: 'visitCoverage' },
  { key: 'incidents', metric: 'incidentCount' },
  { key: 'incidentArrivalWithin15', metric: 'incidentArrivalWithin', params: { minutes: 15 } },
  { key: 'responseMinutesMedian', metric: 'responseMinutesMedian' },
  // What programs serving people rather than a park also publish: requests of every kind, criminal
  // incidents and the cases cleared, money recovered for the parties, the people on post.
  { key: 'requests', metric: 'serviceRequestCount' },
  {
    key: 'criminalIncidents',
    metric: 'incidentCount',
    params: { criminalOnly: true },
    label: { 'zh-CN': '刑事类警情', 'zh-TW': '刑事類警情', en: 'Criminal incidents' },
  },
  { key: 'casesCleared', metric: 'casesCleared' },
  { key: 'amountRecovered', metric: 'amountRecovered' },
  { key: 'staffOnPost', metric: 'staffOnPost' },
  {
    key: 'cameras',
    metric: 'facilitiesInService',
    params: { kind: 'CAMERA' },
    label: { 'zh-CN': '视频监控（路）', 'zh-TW': '視頻監控（路）', en: 'Camera channels' },
  },
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
  const clock = options.clock ?? currentClock(scope.timeZone);
  const previous = previousPeriod(period, clock.today);
  const yearAgo = yearAgoPeriod(period, clock.today);
  const set = new RequestSet();
  // One bucket per period that has begun; `slots` says which bucket holds each (or -1).
  // Each from the scope's start on: a period before it has nothing to show or compare.
  const started = (span: DayRange | null) => (span ? fromStart(span, scope.startsOn) : null);
  const spans = [started(period.elapsed), started(previous.elapsed), started(yearAgo.elapsed)];
  const idle = (which: number, whole: DayRange | null) =>
    spans[which] ? null : whole && !fromStart(whole, scope.startsOn) ? NotApplicableReason.BEFORE_START : null;
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
    const at = (which: 0 | 1 | 2) => (slots[which]! >= 0 ? (measured[slots[which]!] ?? empty) : empty);
    const make = (m: Measurement) =>
      spec.part === 'numerator' ? numeratorFigure(metric, m, options.disclosure) : figureOf(metric, m, options.disclosure);
    const reason = !scopeOk ? NotApplicableReason.SCOPE : null;
    const currentFigure = make(at(0));
    const previousFigure = make(at(1));
    const yearAgoFigure = make(at(2));
    const yearOnYear = changeOf(currentFigure, yearAgoFigure);
    const counted = spec.part === 'numerator' ? { ...metric, unit: 'COUNT' as MetricDefinition['unit'] } : metric;
    const shownMetric = spec.measureWord ? { ...counted, measureWord: spec.measureWord } : counted;
    return Object.assign(new StatisticFigure(), {
      key: spec.key,
      label: new TranslatedText(spec.label ?? metric.label),
      metric: new MetricInfo(metric),
      value: new MeasuredValue(
        currentFigure,
        shownMetric,
        reason ?? idle(0, period) ?? (period.elapsed ? null : NotApplicableReason.FUTURE),
      ),
      previous: new MeasuredValue(previousFigure, shownMetric, reason ?? idle(1, previous)),
      ...changeOf(currentFigure, previousFigure),
      yearAgo: new MeasuredValue(yearAgoFigure, shownMetric, reason ?? idle(2, yearAgo)),
      changeYearOnYear: yearOnYear.change,
      trendYearOnYear: yearOnYear.trend,
    });
  });
  return Object.assign(new ServiceStatistics(), {
    scope: scopeInfo(scope),
    period: new ReportPeriod(period),
    previousPeriod: new ReportPeriod(previous),
    yearAgoPeriod: new ReportPeriod(yearAgo),
    disclosure: options.disclosure,
    figures,
  });
}
