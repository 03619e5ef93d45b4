import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Commitment, CommitmentArea } from '../commitments/commitment.entity';
import { Comparator, Indicator, IndicatorPeriod } from '../commitments/indicator.entity';
import { TranslatedText } from '../shared/i18n/translated';
import { LocalDate } from '../shared/graphql/scalars';
import { Disclosure } from './metrics/figure';
import { MeasuredValue, MetricInfo, ReportPeriod, StatisticsScope, ComplianceStatus, Trend } from './statistics.types';

@ObjectType({ description: 'How one indicator fared in the period (考核结果).' })
export class IndicatorResult {
  @Field(() => Indicator, { description: 'The indicator.' })
  indicator!: Indicator;

  @Field(() => MetricInfo, { description: 'Its metric.' })
  metric!: MetricInfo;

  @Field(() => TranslatedText, { description: 'Label: the indicator’s own, or its metric’s.' })
  label!: TranslatedText;

  @Field(() => Float, { description: 'Target in the metric’s unit (per indicator period for counts of events).' })
  target!: number;

  @Field(() => Comparator, { description: 'How the value is compared with the target.' })
  comparator!: Comparator;

  @Field(() => IndicatorPeriod, { description: 'The period the indicator is judged over.' })
  period!: IndicatorPeriod;

  @Field(() => LocalDate, {
    description:
      'First day measured: the start of the first indicator period overlapping the report (a quarterly indicator in a monthly report is judged over its quarter).',
  })
  evaluatedFrom!: string;

  @Field(() => LocalDate, { description: 'Last day of the indicator periods measured.' })
  evaluatedTo!: string;

  @Field(() => MeasuredValue, { description: 'The value over the indicator periods measured (per indicator period for counts of events).' })
  value!: MeasuredValue;

  @Field(() => MeasuredValue, { description: 'The value in the previous report period.' })
  previous!: MeasuredValue;

  @Field(() => Float, { nullable: true, description: 'value − previous, when both are shown.' })
  change!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the change.' })
  trend!: Trend | null;

  @Field(() => MeasuredValue, { description: 'The value in the same period a year earlier (同比).' })
  yearAgo!: MeasuredValue;

  @Field(() => Float, { nullable: true, description: 'value − yearAgo, when both are shown (同比增减).' })
  changeYearOnYear!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the year-on-year change.' })
  trendYearOnYear!: Trend | null;

  @Field(() => ComplianceStatus, { description: 'Met, not met, pending, or not applicable.' })
  status!: ComplianceStatus;

  @Field(() => ComplianceStatus, { description: 'Status in the previous report period.' })
  previousStatus!: ComplianceStatus;

  @Field(() => ComplianceStatus, { description: 'Status in the same period a year earlier.' })
  yearAgoStatus!: ComplianceStatus;

  @Field({
    description: 'True while an indicator period measured is unfinished: values are measured to date, never projected to the whole period.',
  })
  partial!: boolean;

  @Field({
    description:
      'A rate or share judged on an unfinished period (暂定): the status may change before the period ends. Counts are PENDING instead until they decide.',
  })
  provisional!: boolean;

  @Field(() => Int, { description: 'Indicator periods judged (e.g. months of a yearly report).' })
  periodsJudged!: number;

  @Field(() => Int, { description: 'Indicator periods in which the target was met.' })
  periodsMet!: number;
}

@ObjectType({ description: 'How one commitment fared in the period.' })
export class CommitmentCompliance {
  @Field(() => Commitment, { description: 'The commitment.' })
  commitment!: Commitment;

  @Field({ description: 'Code, e.g. C06.' })
  code!: string;

  @Field(() => CommitmentArea, { description: 'Its area.' })
  area!: CommitmentArea;

  @Field(() => TranslatedText, { description: 'Title in each language.' })
  title!: TranslatedText;

  @Field(() => ComplianceStatus, { description: 'Met when every applicable indicator is met; not applicable when none is.' })
  status!: ComplianceStatus;

  @Field(() => [IndicatorResult], { description: 'Its indicators.' })
  indicators!: IndicatorResult[];
}

@ObjectType({ description: 'Compliance with a program’s commitments for a scope and period (承诺践诺情况).' })
export class ComplianceReport {
  @Field(() => StatisticsScope, { description: 'What it is for.' })
  scope!: StatisticsScope;

  @Field(() => ReportPeriod, { description: 'The period.' })
  period!: ReportPeriod;

  @Field(() => ReportPeriod, { description: 'The period before, for the trend (环比).' })
  previousPeriod!: ReportPeriod;

  @Field(() => ReportPeriod, {
    description:
      'The same period a year earlier (同比): the same month, quarter or year; while the period is unfinished, its days so far (同期).',
  })
  yearAgoPeriod!: ReportPeriod;

  @Field(() => Disclosure, { description: 'Who the figures are for.' })
  disclosure!: Disclosure;

  @Field(() => Float, {
    nullable: true,
    description: 'Overall score: 100 × indicators met ÷ indicators judged; null when no indicator applies.',
  })
  score!: number | null;

  @Field(() => Float, { nullable: true, description: 'The score of the previous period.' })
  previousScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − previousScore.' })
  scoreChange!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the score against the previous period.' })
  trend!: Trend | null;

  @Field(() => Float, { nullable: true, description: 'The score of the same period a year earlier (同比).' })
  yearAgoScore!: number | null;

  @Field(() => Float, { nullable: true, description: 'score − yearAgoScore (同比增减).' })
  scoreChangeYearOnYear!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the score against the same period a year earlier.' })
  trendYearOnYear!: Trend | null;

  @Field(() => Int, { description: 'Indicators met.' })
  indicatorsMet!: number;

  @Field(() => Int, { description: 'Indicators judged (met or not met); the score is the share of them met.' })
  indicatorsJudged!: number;

  @Field(() => Int, { description: 'Indicators pending: counts of an unfinished period that can still go either way; not in the score.' })
  indicatorsPending!: number;

  @Field(() => Int, { description: 'Indicators not applicable.' })
  indicatorsNotApplicable!: number;

  @Field(() => [CommitmentCompliance], { description: 'Each commitment in force during the period, in published order.' })
  commitments!: CommitmentCompliance[];
}
