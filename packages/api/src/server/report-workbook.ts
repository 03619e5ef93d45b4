import { excel } from '../shared/excel';
import { REPORT_FILE_WORDS } from './report-file.words';

/**
 * A report as an Excel workbook, made from the API's answer to the report query (report-file.ts).
 * It runs in the workbook process (workbook-process.ts), which alone loads ExcelJS.
 */

export type ReportLocale = 'zh-CN' | 'zh-TW' | 'en';

/** The metrics of the trend sheet, as the report page charts them. */
export const REPORT_TREND_METRICS = ['visitCoverage', 'patrolCount'] as const;

interface Shown {
  value: number | null;
  display: string;
  applicable: boolean;
  suppressed: boolean;
  unitLabel: { text: string };
}
type Trend = 'UP' | 'DOWN' | 'FLAT' | null;
type Status = 'MET' | 'NOT_MET' | 'NOT_APPLICABLE' | 'PENDING';
/** A figure with the period before and the same period a year earlier, as the report query asks for both. */
interface Compared {
  value: Shown;
  previous: Shown | null;
  trend: Trend;
  yearAgo: Shown | null;
  trendYearOnYear: Trend;
}
export interface ReportData {
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
      indicators: Array<
        Compared & {
          status: Status;
          provisional: boolean;
          target: number;
          comparator: string;
          label: { text: string };
        }
      >;
    }>;
  };
  serviceStatistics: {
    figures: Array<Compared & { key: string; label: { text: string } }>;
  };
  [metric: string]: unknown;
}
interface Series {
  metric: { label: { text: string } };
  points: Array<{ from: string; value: Shown }>;
}

/** A target's comparator as a sign, the same in every language. */
const COMPARATOR: Record<string, string> = { GTE: '≥', GT: '>', LTE: '≤', LT: '<', EQ: '=' };

/** The first day of the eleventh month before `month` and the last day of `month`. */
export function twelveMonthsEnding(month: string): { from: string; to: string } {
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
