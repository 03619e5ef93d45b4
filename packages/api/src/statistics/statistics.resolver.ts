import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Context } from '../access/context';
import { LocalDate } from '../shared/graphql/scalars';
import { EVERYONE } from '../shared/auth/role';
import { METRICS } from './metrics/catalog';
import { parsePeriod, PeriodKind } from './metrics/period';
import { todayIn } from '../shared/time/calendar';
import { resolveScope, type Scope } from './metrics/scope';
import { complianceReport, metricSeries, serviceStatistics } from './statistics.service';
import { statisticsDisclosure } from './statistics.access';
import { PeriodInput } from './statistics.inputs';
import { ComplianceReport } from './compliance.types';
import { MetricInfo } from './statistics.types';
import { MetricSeries, ServiceStatistics } from './figures.types';
import type { Disclosure } from './metrics/figure';

const SCOPE_DESCRIPTION =
  'Global id of a program, park, zone, police unit, officer or enterprise. With an embed key: its program or park, or their zones and units.';

/** The scope and the figures the viewer gets for it. */
async function scopeFor(ctx: Context, globalId: string): Promise<[Scope, { disclosure: Disclosure }]> {
  const scope = await resolveScope(ctx.em, globalId);
  return [scope, { disclosure: await statisticsDisclosure(ctx.em, ctx.viewer, scope) }];
}

@Resolver()
export class StatisticsResolver {
  @Authorized(...EVERYONE)
  @Query(() => [MetricInfo], { description: 'The metric catalog (指标口径): every metric an indicator can name.' })
  metrics(): MetricInfo[] {
    return METRICS.map((metric) => new MetricInfo(metric));
  }

  @Authorized(...EVERYONE)
  @Query(() => ComplianceReport, {
    description:
      'How the commitments of the scope’s program were kept in a period (承诺践诺情况), with the overall score and its trend. Figures are FULL for what the viewer administers, PUBLIC otherwise.',
  })
  async complianceReport(
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('period', () => PeriodInput, { description: 'The period.' }) period: PeriodInput,
    @Ctx() ctx: Context,
  ): Promise<ComplianceReport> {
    parsePeriod(period, 'period');
    const [resolved, options] = await scopeFor(ctx, scope);
    // Unfinished or not is decided on the calendar of the program's time zone.
    return complianceReport(ctx.em, resolved, parsePeriod(period, 'period', todayIn(resolved.timeZone)), options);
  }

  @Authorized(...EVERYONE)
  @Query(() => ServiceStatistics, {
    description: 'Service statistics of a scope for a period (服务成效): patrols, disputes, problems solved, engagements by type …',
  })
  async serviceStatistics(
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('period', () => PeriodInput, { description: 'The period.' }) period: PeriodInput,
    @Ctx() ctx: Context,
  ): Promise<ServiceStatistics> {
    parsePeriod(period, 'period');
    const [resolved, options] = await scopeFor(ctx, scope);
    return serviceStatistics(ctx.em, resolved, parsePeriod(period, 'period', todayIn(resolved.timeZone)), options);
  }

  @Authorized(...EVERYONE)
  @Query(() => MetricSeries, { description: 'One metric over time for a scope, one point per week, month, quarter or year.' })
  async metricSeries(
    @Arg('metric', { description: 'Name of a metric of the catalog.' }) metric: string,
    @Arg('scope', () => ID, { description: SCOPE_DESCRIPTION }) scope: string,
    @Arg('from', () => LocalDate, { description: 'First day.' }) from: string,
    @Arg('to', () => LocalDate, { description: 'Last day, included.' }) to: string,
    @Arg('granularity', () => PeriodKind, { defaultValue: PeriodKind.MONTH, description: 'Bucket size: WEEK, MONTH, QUARTER or YEAR.' })
    granularity: PeriodKind,
    @Ctx() ctx: Context,
    @Arg('params', () => GraphQLJSONObject, { nullable: true, description: 'Metric parameters, e.g. { "minutes": 15 }.' })
    params?: Record<string, unknown> | null,
  ): Promise<MetricSeries> {
    const [resolved, options] = await scopeFor(ctx, scope);
    return metricSeries(ctx.em, resolved, { metric, params, from, to, granularity }, options);
  }
}
