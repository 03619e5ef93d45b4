import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../context';
import { LocalDate } from '../shared/graphql/scalars';
import { METRICS } from './catalog';
import { parsePeriod, PeriodKind } from './period';
import { resolveScope } from './scope';
import { complianceReport, metricSeries, serviceStatistics } from './statistics.service';
import { PeriodInput } from './statistics.inputs';
import { ComplianceReport, MetricInfo, MetricSeries, ServiceStatistics } from './statistics.types';

const SCOPE_DESCRIPTION = 'Global id of a program, park, zone, police unit, officer or enterprise.';

@Resolver()
export class StatisticsResolver {
  @Query(() => [MetricInfo], { description: 'The metric catalog (指标口径): every metric an indicator can name.' })
  metrics(): MetricInfo[] {
    return METRICS.map((metric) => new MetricInfo(metric));
  }

  @Query(() => ComplianceReport, {
    description: 'How the commitments of the scope’s program were kept in a period (承诺践诺情况), with the overall score and its trend.',
  })
  async complianceReport(
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('period', () => PeriodInput, { description: 'The period.' }) period: PeriodInput,
    @Ctx() { em, disclosure }: Context,
  ): Promise<ComplianceReport> {
    const parsed = parsePeriod(period, 'period');
    return complianceReport(em, await resolveScope(em, scope), parsed, { disclosure });
  }

  @Query(() => ServiceStatistics, {
    description: 'Service statistics of a scope for a period (服务成效): patrols, disputes, problems solved, engagements by type …',
  })
  async serviceStatistics(
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('period', () => PeriodInput, { description: 'The period.' }) period: PeriodInput,
    @Ctx() { em, disclosure }: Context,
  ): Promise<ServiceStatistics> {
    const parsed = parsePeriod(period, 'period');
    return serviceStatistics(em, await resolveScope(em, scope), parsed, { disclosure });
  }

  @Query(() => MetricSeries, { description: 'One metric over time for a scope, one point per week, month, quarter or year.' })
  async metricSeries(
    @Arg('metric', { description: 'Name of a metric of the catalog.' }) metric: string,
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('from', () => LocalDate, { description: 'First day.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day, included.' }) to: string,
    @Arg('granularity', () => PeriodKind, { defaultValue: PeriodKind.MONTH, description: 'Bucket size: WEEK, MONTH, QUARTER or YEAR.' })
    granularity: PeriodKind,
    @Ctx() { em, disclosure }: Context,
    @Arg('params', () => GraphQLJSONObject, { nullable: true, description: 'Metric parameters, e.g. { "minutes": 15 }.' })
    params?: Record<string, unknown> | null,
  ): Promise<MetricSeries> {
    return metricSeries(em, await resolveScope(em, scope), { metric, params, from, to, granularity }, { disclosure });
  }
}
