import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../test-support/api';
import { REPORT_QUERY, readReportPeriod } from './report-file';

let api: TestApi;
let parkId: string;
let key: string;
/** The last complete month on the Beijing calendar: the demo's records end with it. */
const now = new Date(Date.now() + 8 * 3600_000);
const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);

beforeAll(async () => {
  api = await startTestApi('demo');
  const programs = await api.ok(`{ programs(first: 10) { nodes { id name parks { nodes { id } } } } }`);
  const wengAn = programs.programs.nodes.find((p: { name: string }) => p.name.includes('瓮安'));
  parkId = wengAn.parks.nodes[0].id;
  const made = await api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
    input: { name: 'report tests', scope: wengAn.id, allowedOrigins: [api.server.url] },
  });
  key = made.createEmbedKey.key;
});
afterAll(() => api?.close());

async function download(query: Record<string, string>, headers: Record<string, string>) {
  const response = await fetch(`${api.server.url}/report?${new URLSearchParams(query)}`, { headers });
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

async function sheets(body: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const read = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null)));
    read.set(sheet.name, rows);
  });
  return read;
}

/** The same operation through /graphql as the same viewer: what the workbook must hold. */
async function expected(headers: Record<string, string>, period: string, locale = 'ZH_CN') {
  const read = readReportPeriod(period)!;
  const [y, m] = read.lastMonth.split('-').map(Number) as [number, number];
  const variables = {
    scope: parkId,
    period: read.input,
    from: new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10),
    to: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10),
    locale,
  };
  const response = await fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: REPORT_QUERY, variables }),
  });
  const answer = (await response.json()) as { data: any; errors?: unknown[] };
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

describe('GET /report: a scope’s report as an Excel workbook', () => {
  it('with an embed key: every indicator and every figure as the API publishes them, suppressed values kept suppressed', async () => {
    const headers = { 'x-huhang-key': key, origin: api.server.url };
    const file = await download({ scope: parkId, period: month }, headers);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(file.headers.get('content-disposition')!)).toContain(`护航园区工作月报 · 瓮安工业园区-${month}.xlsx`);
    const read = await sheets(file.body);
    expect([...read.keys()]).toEqual(['概况', '承诺与指标', '服务数据', '近十二个月走势']);
    const data = await expected(headers, month);
    const report = data.complianceReport;

    const summary = new Map(read.get('概况')!.map((row) => [row[0], row[1]]));
    expect(summary.get('范围')).toBe('瓮安工业园区');
    expect(summary.get('综合达标得分')).toBe(report.score);
    expect(summary.get('达标指标')).toBe(report.indicatorsMet);
    expect(summary.get('可评价指标')).toBe(report.indicatorsJudged);

    const status: Record<string, string> = { MET: '达标', NOT_MET: '未达标', NOT_APPLICABLE: '不适用', PENDING: '待定' };
    const [header, ...indicators] = read.get('承诺与指标')!;
    expect(header!.slice(0, 6)).toEqual(['编号', '承诺', '承诺状态', '指标', '本期', '本期（数值）']);
    const want = report.commitments.flatMap((c: any) =>
      c.indicators.map((i: any) => [
        c.code,
        c.title.text,
        status[c.status],
        i.label.text,
        i.value.display,
        i.value.suppressed ? null : i.value.value,
      ]),
    );
    expect(indicators.map((row) => row.slice(0, 6).map((v) => (v === '' ? null : v)))).toEqual(
      want.map((row: unknown[]) => row.map((v) => (v === '' ? null : v))),
    );
    // A value the API suppresses for the public is not in the file either, in any column.
    const suppressed = report.commitments.flatMap((c: any) => c.indicators).filter((i: any) => i.value.suppressed);
    expect(suppressed.length).toBeGreaterThan(0);
    for (const row of indicators.filter((r) => suppressed.some((i: any) => i.label.text === r[3]))) expect(row[5]).toBeNull();

    const [, ...figures] = read.get('服务数据')!;
    expect(figures.map((row) => [row[0], row[2]])).toEqual(data.serviceStatistics.figures.map((f: any) => [f.key, f.value.display]));
    const trend = (t: string | null) => (t ? { UP: '上升', DOWN: '下降', FLAT: '持平' }[t] : null);
    expect(figures.map((row) => [row[6] || null, row[8] || null])).toEqual(
      data.serviceStatistics.figures.map((f: any) => [trend(f.trend), trend(f.trendYearOnYear)]),
    );

    const [trendHeader, ...months] = read.get('近十二个月走势')!;
    expect(trendHeader).toEqual(['月份', data.visitCoverage.metric.label.text, data.patrolCount.metric.label.text]);
    expect(months).toHaveLength(12);
    expect(months[11]![0]).toBe(month);
    const last = (series: any) => series.points.find((p: any) => p.from.startsWith(month)).value.display;
    expect(months[11]!.slice(1)).toEqual([last(data.visitCoverage), last(data.patrolCount)]);
  });

  it('signed in as the system administrator: the full figures, in English, for a quarter', async () => {
    const headers = { authorization: `Bearer ${api.adminToken}` };
    const quarter = `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
    const file = await download({ scope: parkId, period: quarter, locale: 'en' }, headers);
    expect(file.status).toBe(200);
    const read = await sheets(file.body);
    expect([...read.keys()]).toEqual(['Summary', 'Commitments', 'Service figures', 'Last 12 months']);
    const data = await expected(headers, quarter, 'EN');
    expect(read.get('Summary')![0]![0]).toBe('Park protection quarterly report · 瓮安工业园区');
    const [, ...indicators] = read.get('Commitments')!;
    const values = data.complianceReport.commitments.flatMap((c: any) => c.indicators.map((i: any) => i.value));
    expect(values.some((v: any) => v.suppressed)).toBe(false);
    expect(indicators.map((row) => row[5] ?? null)).toEqual(values.map((v: any) => (v.applicable ? v.value : null)));
  });

  it('refuses what it cannot answer, with the field named, and nobody without credentials', async () => {
    const headers = { 'x-huhang-key': key, origin: api.server.url };
    for (const [query, field] of [
      [{ scope: parkId, period: '2026-13' }, 'period'],
      [{ scope: parkId, period: '2026-Q5' }, 'period'],
      [{ period: month }, 'scope'],
      [{ scope: parkId, period: month, locale: 'fr' }, 'locale'],
    ] as const) {
      const refused = await download(query, headers);
      expect(refused.status).toBe(400);
      const body = JSON.parse(refused.body.toString());
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const nobody = await download({ scope: parkId, period: month }, {});
    expect(nobody.status).toBe(401);
    // A scope outside the key's program is the API's own refusal, not a file.
    const other = (await api.ok(`{ programs(first: 10) { nodes { id name } } }`)).programs.nodes.find((p: any) => !p.name.includes('瓮安'));
    const outside = await download({ scope: other.id, period: month }, headers);
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(JSON.parse(outside.body.toString()).errors[0].extensions.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });
});
