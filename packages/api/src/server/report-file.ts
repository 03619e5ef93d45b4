import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from '../access/viewer';
import { AccountErrorReason } from '../accounts/account.errors';
import { InputErrorReason } from '../shared/errors/reasons';
import { ANSWERED } from './guards';
import { STATUS_OF_CODE, type PageResult } from './list-export';
import { sendError } from './respond';
import { REPORT_TREND_METRICS, twelveMonthsEnding, type ReportData, type ReportLocale } from './report-workbook';
import { workbookJob } from './workbook-process';

/**
 * GET /report?scope=…&period=2026-10 (月报), 2026-Q3 (季报) or 2026 (年报): a scope's report as an
 * Excel workbook: the score, every commitment and indicator, every service figure with 环比 and 同比,
 * and the last twelve months of the trend metrics. Asked as the viewer through the API (one
 * operation), so an embed key gets the public figures, suppressed as published, and an administrator
 * the full ones.
 */
export interface ReportFileRoute {
  run(viewer: Viewer, request: { query: string; variables: Record<string, unknown> }): Promise<PageResult>;
}

export const REPORT_QUERY = `query ReportFile($scope: ID!, $period: PeriodInput!, $from: LocalDate!, $to: LocalDate!, $locale: Locale) {
  complianceReport(scope: $scope, period: $period) {
    scope { kind name }
    period { kind from to partial }
    score previousScore trend yearAgoScore trendYearOnYear indicatorsMet indicatorsJudged indicatorsPending
    commitments { code status title { text(locale: $locale) }
      indicators { status provisional target comparator label { text(locale: $locale) }
        value { ...Shown } previous { ...Shown } trend yearAgo { ...Shown } trendYearOnYear } }
  }
  serviceStatistics(scope: $scope, period: $period) {
    figures { key label { text(locale: $locale) } value { ...Shown } previous { ...Shown } trend yearAgo { ...Shown } trendYearOnYear }
  }
  ${REPORT_TREND_METRICS.map(
    (metric) => `${metric}: metricSeries(metric: "${metric}", scope: $scope, from: $from, to: $to, granularity: MONTH) {
    metric { label { text(locale: $locale) } } points { from value { ...Shown } } }`,
  ).join('\n  ')}
}
fragment Shown on MeasuredValue { value display applicable suppressed unitLabel { text(locale: $locale) } }`;

const API_LOCALE: Record<ReportLocale, string> = { 'zh-CN': 'ZH_CN', 'zh-TW': 'ZH_TW', en: 'EN' };

/** A report period as the widgets write it: 2026-10, 2026-Q3 or 2026. */
export function readReportPeriod(text: string): { input: Record<string, unknown>; lastMonth: string } | undefined {
  let m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return { input: { month: text }, lastMonth: text };
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) return { input: { quarter: text }, lastMonth: `${m[1]}-${String(Number(m[2]) * 3).padStart(2, '0')}` };
  m = /^(\d{4})$/.exec(text);
  if (m) return { input: { year: Number(text) }, lastMonth: `${text}-12` };
  return undefined;
}

function refuse(res: ServerResponse, field: string, message: string): typeof ANSWERED {
  sendError(res, 400, message, { code: 'BAD_USER_INPUT', field, reason: InputErrorReason.ISIN });
  return ANSWERED;
}

/** A scope's report for a period as a workbook, asked as `viewer`; else the API's answer that refused it. */
export async function makeReportWorkbook(
  route: ReportFileRoute,
  viewer: Viewer,
  scope: string,
  period: { input: Record<string, unknown>; lastMonth: string },
  locale: ReportLocale,
): Promise<{ ok: true; title: string; body: Buffer } | { ok: false; result: PageResult }> {
  const result = await route.run(viewer, {
    query: REPORT_QUERY,
    variables: { scope, period: period.input, ...twelveMonthsEnding(period.lastMonth), locale: API_LOCALE[locale] },
  });
  if (result.errors.length || !result.data) return { ok: false, result };
  return { ok: true, ...(await workbookJob('reportWorkbook', result.data as ReportData, locale, period.lastMonth)) };
}

/** A report filed after its period's end, as it was filed (filed-reports.ts); for the scope's administrators. */
async function filedWorkbook(
  route: ReportFileRoute,
  viewer: Viewer,
  scope: string,
  period: string,
  locale: ReportLocale,
): Promise<{ ok: true; title: string; body: Buffer } | { ok: false; result: PageResult }> {
  const result = await route.run(viewer, {
    query: `query FiledReportFile($scope: ID!, $period: String!, $locale: String!) {
      filedReportFile(scope: $scope, period: $period, locale: $locale) { title base64 } }`,
    variables: { scope, period, locale },
  });
  const file = (result.data?.filedReportFile ?? null) as { title: string; base64: string } | null;
  if (result.errors.length || !file) return { ok: false, result };
  return { ok: true, title: file.title, body: Buffer.from(file.base64, 'base64') };
}

/** GET /report for a viewer the guards admitted (a signed-in user or an embed key). */
export async function serveReportFile(
  route: ReportFileRoute,
  viewer: Viewer,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'GET /report?scope=…&period=…', { code: 'BAD_REQUEST' }, { allow: 'GET, HEAD, OPTIONS' });
    return;
  }
  if (viewer.kind === 'ANONYMOUS') {
    sendError(
      res,
      401,
      '请先登录或使用嵌入密钥 (sign in, or send an embed key)',
      { code: 'UNAUTHENTICATED', reason: AccountErrorReason.CREDENTIALS_REQUIRED },
      { 'www-authenticate': 'Bearer' },
    );
    return;
  }
  const scope = url.searchParams.get('scope') ?? '';
  if (!scope)
    return void refuse(res, 'scope', 'scope 应为项目、园区、片区或单位的 id (scope must be the id of a program, park, zone or unit)');
  const period = readReportPeriod(url.searchParams.get('period') ?? '');
  if (!period)
    return void refuse(
      res,
      'period',
      'period 应为 2026-10、2026-Q3 或 2026 这样的形式 (period must be a month, a quarter or a year, e.g. 2026-10, 2026-Q3, 2026)',
    );
  const localeText = url.searchParams.get('locale') ?? 'zh-CN';
  if (!(localeText in API_LOCALE)) return void refuse(res, 'locale', 'locale 应为 zh-CN、zh-TW 或 en (locale must be zh-CN, zh-TW or en)');
  const locale = localeText as ReportLocale;
  const made =
    url.searchParams.get('filed') === 'true'
      ? await filedWorkbook(route, viewer, scope, url.searchParams.get('period')!, locale)
      : await makeReportWorkbook(route, viewer, scope, period, locale);
  if (!made.ok) {
    const { result } = made;
    const first = result.errors[0];
    const code = String(first?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    sendError(res, STATUS_OF_CODE[code] ?? (result.status >= 400 ? result.status : 500), first?.message ?? 'no report', {
      ...(first?.extensions ?? {}),
      code,
    });
    return;
  }
  const { title, body } = made;
  const name = `${title.replace(/[\\/:*?"<>|]/g, '')}-${url.searchParams.get('period')}.xlsx`;
  res.writeHead(200, {
    'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="huhang-report-${url.searchParams.get('period')}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'content-length': body.length,
    'cache-control': 'private, no-store',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}
