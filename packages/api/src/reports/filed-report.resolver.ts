import { Arg, Authorized, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../access/context';
import { AccessErrorReason } from '../access/access.errors';
import { forbidden, notFound } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { STAFF } from '../shared/auth/role';
import { DomainValidationError } from '../shared/validation';
import { Disclosure } from '../statistics/metrics/figure';
import { resolveScope, ScopeKind, type Scope } from '../statistics/metrics/scope';
import { statisticsDisclosure } from '../statistics/statistics.access';

@ObjectType({ description: 'A report filed after a month’s end (归档报表): kept as it was made, with every figure in full.' })
export class FiledReport {
  @Field(() => String, { description: 'The month (2026-10), quarter (2026-Q3) or year (2026) it reports on.' })
  period!: string;

  @Field(() => String, { description: 'Its language: zh-CN, zh-TW or en.' })
  locale!: string;

  @Field(() => String, { description: 'Its title, e.g. 护航园区工作月报.' })
  title!: string;

  @Field(() => Date, { description: 'When it was filed (归档时间).' })
  filedAt!: Date;

  @Field(() => Int, { description: 'Size of the workbook in bytes.' })
  size!: number;

  @Field(() => String, { description: 'Where to download the workbook: GET this path with the same credentials.' })
  download!: string;
}

@ObjectType({ description: 'A filed report’s workbook (XLSX), for GET /report?…&filed=true.' })
export class FiledReportFile {
  @Field(() => String, { description: 'Its title.' })
  title!: string;

  @Field(() => String, { description: 'The workbook, base64-encoded.' })
  base64!: string;
}

interface Row {
  period: string;
  locale: string;
  title: string;
  filed_at: Date;
  size: number;
}

/** A program or park the viewer administers: filed reports carry every figure in full. */
async function administeredScope(ctx: Context, globalId: string): Promise<Scope> {
  const scope = await resolveScope(ctx.em, globalId, 'scope');
  if (scope.kind !== ScopeKind.PROGRAM && scope.kind !== ScopeKind.PARK) {
    throw new DomainValidationError(
      'scope',
      '报表按机制或园区归档 (reports are filed for programs and parks)',
      InputErrorReason.NOT_ALLOWED,
    );
  }
  if ((await statisticsDisclosure(ctx.em, ctx.viewer, scope)) !== Disclosure.FULL) {
    throw forbidden(
      '归档报表只提供给管理该机制或园区的用户 (filed reports are for the administrators of the program or park)',
      AccessErrorReason.OUT_OF_SCOPE,
      { field: 'scope' },
    );
  }
  return scope;
}

@Resolver()
export class FiledReportResolver {
  @Authorized(...STAFF)
  @Query(() => [FiledReport], {
    description:
      'The reports filed for a program or park after each month’s end (归档报表), newest first: the monthly report, and after a quarter’s or year’s last month the quarterly or yearly one, in each language. For its administrators only.',
  })
  async filedReports(
    @Arg('scope', () => ID, { description: 'Global id of a program or park.' }) scope: string,
    @Ctx() ctx: Context,
  ): Promise<FiledReport[]> {
    const resolved = await administeredScope(ctx, scope);
    const rows = await ctx.em.execute<Row[]>(
      `SELECT period, locale, title, filed_at, octet_length(body) AS size FROM filed_report
        WHERE scope_kind = ? AND scope_id = ? ORDER BY filed_at DESC, period DESC, locale`,
      [resolved.kind, resolved.id],
    );
    return rows.map((row) =>
      Object.assign(new FiledReport(), {
        period: row.period,
        locale: row.locale,
        title: row.title,
        filedAt: new Date(row.filed_at),
        size: Number(row.size),
        download: `/report?${new URLSearchParams({ scope, period: row.period, locale: row.locale, filed: 'true' })}`,
      }),
    );
  }

  @Authorized(...STAFF)
  @Query(() => FiledReportFile, { description: 'One filed report’s workbook; GET /report?…&filed=true downloads it as a file.' })
  async filedReportFile(
    @Arg('scope', () => ID, { description: 'Global id of a program or park.' }) scope: string,
    @Arg('period', () => String, { description: 'The month (2026-10), quarter (2026-Q3) or year (2026).' }) period: string,
    @Arg('locale', () => String, { description: 'zh-CN, zh-TW or en.', defaultValue: 'zh-CN' }) locale: string,
    @Ctx() ctx: Context,
  ): Promise<FiledReportFile> {
    const resolved = await administeredScope(ctx, scope);
    const [row] = await ctx.em.execute<Array<{ title: string; body: Buffer }>>(
      'SELECT title, body FROM filed_report WHERE scope_kind = ? AND scope_id = ? AND period = ? AND locale = ?',
      [resolved.kind, resolved.id, period, locale],
    );
    if (!row) throw notFound('FiledReport', 'period');
    return Object.assign(new FiledReportFile(), { title: row.title, base64: Buffer.from(row.body).toString('base64') });
  }
}
