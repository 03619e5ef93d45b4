import { Field, Float, ObjectType } from 'type-graphql';
import { TranslatedText } from '../shared/i18n/translated';
import { LocalDate } from '../shared/graphql/scalars';
import { Disclosure } from './metrics/figure';
import { PeriodKind } from './metrics/period';
import { MeasuredValue, MetricInfo, ReportPeriod, StatisticsScope, Trend } from './statistics.types';

@ObjectType({ description: 'One service statistic (服务成效), e.g. patrol person-times.' })
export class StatisticFigure {
  @Field({ description: 'Stable key, e.g. `patrolPersonTimes` or `engagements.TRAINING`.' })
  key!: string;

  @Field(() => TranslatedText, { description: 'Label in each language.' })
  label!: TranslatedText;

  @Field(() => MetricInfo, { description: 'The metric behind it.' })
  metric!: MetricInfo;

  @Field(() => MeasuredValue, { description: 'Value in the period.' })
  value!: MeasuredValue;

  @Field(() => MeasuredValue, { description: 'Value in the previous period.' })
  previous!: MeasuredValue;

  @Field(() => Float, { nullable: true, description: 'value − previous, when both are shown.' })
  change!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the change.' })
  trend!: Trend | null;

  @Field(() => MeasuredValue, {
    description: 'Value in the same period a year earlier (同比); while unfinished, over the same days so far.',
  })
  yearAgo!: MeasuredValue;

  @Field(() => Float, { nullable: true, description: 'value − yearAgo, when both are shown (同比增减).' })
  changeYearOnYear!: number | null;

  @Field(() => Trend, { nullable: true, description: 'Direction of the year-on-year change.' })
  trendYearOnYear!: Trend | null;
}

@ObjectType({ description: 'Service statistics for a scope and period: patrols, disputes, problems solved … (服务成效统计).' })
export class ServiceStatistics {
  @Field(() => StatisticsScope, { description: 'What it is for.' })
  scope!: StatisticsScope;

  @Field(() => ReportPeriod, { description: 'The period.' })
  period!: ReportPeriod;

  @Field(() => ReportPeriod, { description: 'The period before, for the trend.' })
  previousPeriod!: ReportPeriod;

  @Field(() => ReportPeriod, { description: 'The same period a year earlier (同比); while unfinished, its days so far (同期).' })
  yearAgoPeriod!: ReportPeriod;

  @Field(() => Disclosure, { description: 'Who the figures are for.' })
  disclosure!: Disclosure;

  @Field(() => [StatisticFigure], { description: 'The figures, in a stable order.' })
  figures!: StatisticFigure[];
}

@ObjectType({ description: 'One point of a metric series.' })
export class SeriesPoint {
  @Field(() => LocalDate, { description: 'First day of the bucket (clipped to the requested range).' })
  from!: string;

  @Field(() => LocalDate, { description: 'Last day of the bucket (clipped to the requested range).' })
  to!: string;

  @Field({ description: 'True while the bucket is unfinished.' })
  partial!: boolean;

  @Field(() => MeasuredValue, { description: 'The value in the bucket.' })
  value!: MeasuredValue;
}

@ObjectType({ description: 'A metric over time, one point per week, month, quarter or year.' })
export class MetricSeries {
  @Field(() => MetricInfo, { description: 'The metric.' })
  metric!: MetricInfo;

  @Field(() => StatisticsScope, { description: 'What it is for.' })
  scope!: StatisticsScope;

  @Field(() => PeriodKind, { description: 'Bucket size.' })
  granularity!: PeriodKind;

  @Field(() => Disclosure, { description: 'Who the figures are for.' })
  disclosure!: Disclosure;

  @Field(() => [SeriesPoint], { description: 'Points in time order; future buckets are left out.' })
  points!: SeriesPoint[];
}
