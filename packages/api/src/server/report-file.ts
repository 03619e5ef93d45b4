import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Viewer } from '../access/viewer';
import { AccountErrorReason } from '../accounts/account.errors';
import { excel } from '../shared/excel';
import { InputErrorReason } from '../shared/errors/reasons';
import { ANSWERED } from './guards';
import { STATUS_OF_CODE, type PageResult } from './list-export';
import { sendError } from './respond';
import { REPORT_FILE_WORDS } from './report-file.words';

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

/** The metrics of the trend sheet, as the report page charts them. */
export const REPORT_TREND_METRICS = ['visitCoverage', 'patrolCount'] as const;

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

interface Shown {
  value: number | null;
  display: string;
  applicable: boolean;
  suppressed: boolean;
  unitLabel: { text: string };
}
type Trend = 'UP' | 'DOWN' | 'FLAT' | null;
type Status = 'MET' | 'NOT_MET' | 'NOT_APPLICABLE' | 'PENDING';
interface ReportData {
  complianceReport: {
    scope: { kind: string; name: string };
    period: { kind: string; from: string; to: string; partial: boolean };
    score: number | null;
    previousScore: number | null;
    trend: Trend;
    yearAgoScore: number | null;
    trendYearOnYear: Trend;
    indicatorsMet: number;
    indicatorsJudged: number;
    indicatorsPending: number;
    commitments: Array<{
      code: string;
      status: Status;
      title: { text: string };
      indicators: Array<{
        status: Status;
        provisional: boolean;
        target: number;
        comparator: string;
        label: { text: string };
        value: Shown;
        previous: Shown | null;
        trend: Trend;
        yearAgo: Shown | null;
        trendYearOnYear: Trend;
      }>;
    }>;
  };
  serviceStatistics: {
    figures: Array<{
      key: string;
      label: { text: string };
      value: Shown;
      previous: Shown | null;
      trend: Trend;
      yearAgo: Shown | null;
      trendYearOnYear: Trend;
    }>;
  };
  [metric: string]: unknown;
}
interface Series {
  metric: { label: { text: string } };
  points: Array<{ from: string; value: Shown }>;
}

export type ReportLocale = 'zh-CN' | 'zh-TW' | 'en';

const API_LOCALE: Record<ReportLocale, string> = { 'zh-CN': 'ZH_CN', 'zh-TW': 'ZH_TW', en: 'EN' };

/** A target's comparator as a sign, the same in every language. */
const COMPARATOR: Record<string, string> = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=' };

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

/** The first day of the eleventh month before `month` and the last day of `month`. */
function twelveMonthsEnding(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(year, m - 12, 1));
  const last = new Date(Date.UTC(year, m, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

/** The number of a shown value, or nothing where it is suppressed or not applicable. */
const plain = (v: Shown | null | undefined) => (v && !v.suppressed && v.applicable ? v.value : null);

export async function reportWorkbook(data: ReportData, locale: ReportLocale, lastMonth: string): Promise<{ title: string; body: Buffer }> {
  const w = REPORT_FILE_WORDS[locale];
  const r = data.complianceReport;
  const title = `${w.title(w.kinds[r.period.kind] ?? w.kinds.MONTH!)} · ${r.scope.name}`;
  const trendWord = (t: Trend) => (t ? w.trend[t] : '');
  const workbook = new (await excel()).Workbook();
  workbook.creator = 'Huhang';
  workbook.title = title;
  const bold = { bold: true };

  const summary = workbook.addWorksheet(w.sheets.summary);
  summary.columns = [{ width: 28 }, { width: 40 }];
  summary.addRow([title]).font = { bold: true, size: 14 };
  const s = w.summary;
  for (const [label, value] of [
    [s.scope, r.scope.name],
    [s.period, `${r.period.from} – ${r.period.to}`],
    [s.partial, r.period.partial ? s.yes : s.no],
    [s.score, r.score],
    [s.previousScore, r.previousScore],
    [s.trend, trendWord(r.trend)],
    [s.yearAgoScore, r.yearAgoScore],
    [s.trendYearOnYear, trendWord(r.trendYearOnYear)],
    [s.met, r.indicatorsMet],
    [s.judged, r.indicatorsJudged],
    [s.pending, r.indicatorsPending],
  ] as Array<[string, string | number | null]>) {
    summary.addRow([label, value]).getCell(1).font = bold;
  }
  summary.addRow([]);
  summary.addRow([w.suppressed]);

  const c = w.columns;
  const commitments = workbook.addWorksheet(w.sheets.commitments, { views: [{ state: 'frozen', ySplit: 1 }] });
  commitments.columns = [
    { header: c.code, width: 8 },
    { header: c.commitment, width: 28 },
    { header: c.commitmentStatus, width: 12 },
    { header: c.indicator, width: 32 },
    { header: c.value, width: 14 },
    { header: c.number, width: 14 },
    { header: c.unit, width: 8 },
    { header: c.target, width: 12 },
    { header: c.status, width: 12 },
    { header: c.previous, width: 12 },
    { header: c.trend, width: 8 },
    { header: c.yearAgo, width: 12 },
    { header: c.trendYearOnYear, width: 8 },
  ];
  commitments.getRow(1).font = bold;
  for (const commitment of r.commitments) {
    for (const i of commitment.indicators) {
      commitments.addRow([
        commitment.code,
        commitment.title.text,
        w.status[commitment.status],
        i.label.text,
        i.value.display,
        plain(i.value),
        i.value.unitLabel.text,
        `${COMPARATOR[i.comparator] ?? i.comparator} ${i.target}`,
        w.status[i.status],
        i.previous?.display ?? '',
        trendWord(i.trend),
        i.yearAgo?.display ?? '',
        trendWord(i.trendYearOnYear),
      ]);
    }
  }

  const figures = workbook.addWorksheet(w.sheets.figures, { views: [{ state: 'frozen', ySplit: 1 }] });
  figures.columns = [
    { header: c.key, width: 26 },
    { header: c.figure, width: 26 },
    { header: c.value, width: 12 },
    { header: c.number, width: 14 },
    { header: c.unit, width: 8 },
    { header: c.previous, width: 12 },
    { header: c.trend, width: 8 },
    { header: c.yearAgo, width: 12 },
    { header: c.trendYearOnYear, width: 8 },
  ];
  figures.getRow(1).font = bold;
  for (const f of data.serviceStatistics.figures) {
    figures.addRow([
      f.key,
      f.label.text,
      f.value.display,
      plain(f.value),
      f.value.unitLabel.text,
      f.previous?.display ?? '',
      trendWord(f.trend),
      f.yearAgo?.display ?? '',
      trendWord(f.trendYearOnYear),
    ]);
  }

  const trend = workbook.addWorksheet(w.sheets.trend, { views: [{ state: 'frozen', ySplit: 1 }] });
  const series = REPORT_TREND_METRICS.map((metric) => data[metric] as Series);
  trend.columns = [{ header: c.month, width: 10 }, ...series.map((one) => ({ header: one.metric.label.text, width: 16 }))];
  trend.getRow(1).font = bold;
  const { from } = twelveMonthsEnding(lastMonth);
  for (let k = 0; k < 12; k++) {
    const month = new Date(Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1 + k, 1)).toISOString().slice(0, 7);
    trend.addRow([month, ...series.map((one) => one.points.find((p) => p.from.startsWith(month))?.value.display ?? '')]);
  }
  return { title, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
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
  return { ok: true, ...(await reportWorkbook(result.data as ReportData, locale, period.lastMonth)) };
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
