import ExcelJS from 'exceljs';
import { startTestApi, type TestApi } from '../test-support/api';
import { fileReports, monthBefore, periodsCompletedBy } from './filed-reports';
import { REPORT_QUERY, readReportPeriod } from './report-file';

/** The last complete month on the Beijing calendar: the one the start of the server files. */
const beijing = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const month = monthBefore(beijing);

let api: TestApi;

beforeAll(async () => {
  // A schedule that will not fire while the test runs: the filing at start files the month.
  api = await startTestApi('demo', (db) => ({ reportSchedule: { cron: '0 0 1 1 *', queueUrl: db.url } }));
}, 120_000);
afterAll(() => api?.close());

async function workbookRows(body: Buffer): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const read = new Map<string, unknown[][]>();
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    read.set(sheet.name, rows);
  });
  return read;
}

describe('the periods a month’s end completes', () => {
  it('are the month, the quarter after its last month, and the year after December', () => {
    expect(periodsCompletedBy('2026-11')).toEqual(['2026-11']);
    expect(periodsCompletedBy('2026-09')).toEqual(['2026-09', '2026-Q3']);
    expect(periodsCompletedBy('2026-12')).toEqual(['2026-12', '2026-Q4', '2026']);
    expect(monthBefore('2026-01-15')).toBe('2025-12');
    expect(monthBefore('2026-10-01')).toBe('2026-09');
  });
});

describe('filed reports', () => {
  it('are filed at start for every program and park, in three languages, once; for their administrators only', async () => {
    const { programs } = await api.ok(
      `{ programs(first: 10) { nodes { id databaseId name parks(first: 20) { nodes { id databaseId } } } } }`,
    );
    const scopes = (programs.nodes as Array<{ id: string; parks: { nodes: Array<{ id: string }> } }>).flatMap((p) => [
      p.id,
      ...p.parks.nodes.map((park) => park.id),
    ]);
    const expected = scopes.length * periodsCompletedBy(month).length * 3;
    // The job runs in the server's queue: wait for it.
    const count = async () => Number((await api.db.sql.query('SELECT count(*) AS n FROM filed_report')).rows[0].n);
    const deadline = Date.now() + 90_000;
    while ((await count()) < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await count()).toBe(expected);
    const { rows } = await api.db.sql.query(
      `SELECT count(DISTINCT locale) AS locales, count(DISTINCT period) AS periods, min(period) AS first FROM filed_report`,
    );
    expect(rows[0]).toEqual({ locales: '3', periods: String(periodsCompletedBy(month).length), first: expect.any(String) });

    // Filing again makes nothing: every report is filed already.
    const wengAn = (programs.nodes as Array<{ id: string; name: string; parks: { nodes: Array<{ id: string }> } }>).find((p) =>
      p.name.includes('瓮安'),
    )!;
    const park = wengAn.parks.nodes[0]!.id;
    const listed = await api.ok(`query ($scope: ID!) { filedReports(scope: $scope) { period locale title size download } }`, {
      scope: park,
    });
    expect(listed.filedReports).toHaveLength(periodsCompletedBy(month).length * 3);
    const monthly = listed.filedReports.find((r: { period: string; locale: string }) => r.period === month && r.locale === 'zh-CN');
    expect(monthly).toMatchObject({ title: expect.stringMatching(/^护航园区工作月报 · /), size: expect.any(Number) });

    // The download is the workbook as filed: its score is the month's score the API gives now.
    const response = await fetch(`${api.server.url}${monthly.download}`, { headers: { authorization: `Bearer ${api.adminToken}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const sheets = await workbookRows(Buffer.from(await response.arrayBuffer()));
    const summary = sheets.get('概况')!;
    const live = await api.ok(REPORT_QUERY, {
      scope: park,
      period: readReportPeriod(month)!.input,
      from: `${month}-01`,
      to: `${month}-28`,
      locale: 'ZH_CN',
    });
    expect(summary.find((row) => row[0] === '综合达标得分')?.[1]).toBe(live.complianceReport.score);

    // A park administrator of another program may not read them; nor may an embed key.
    const tianfu = await api.signIn('tianfu-park', 'Huhang-demo-2026');
    const refused = await api.as({ token: tianfu })(`query ($scope: ID!) { filedReports(scope: $scope) { period } }`, { scope: park });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/) });
    const own = await api.signIn('wengan-park', 'Huhang-demo-2026');
    expect(
      (await api.as({ token: own })(`query ($scope: ID!) { filedReports(scope: $scope) { period } }`, { scope: park })).errors,
    ).toBeUndefined();
    const key = (
      await api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
        input: { name: 'filed report test', scope: wengAn.id, allowedOrigins: [api.server.url] },
      })
    ).createEmbedKey.key;
    const byKey = await fetch(`${api.server.url}${monthly.download}`, { headers: { 'x-huhang-key': key, origin: api.server.url } });
    expect(byKey.status).toBe(403);
    const zone = await api.ok(`query ($park: ID!) { park(id: $park) { zones(first: 1) { nodes { id } } } }`, { park });
    const notFiled = await api.gql(`query ($scope: ID!) { filedReports(scope: $scope) { period } }`, {
      scope: zone.park.zones.nodes[0].id,
    });
    expect(notFiled.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scope' });
  }, 150_000);

  it('are not made twice: a second filing finds every one filed', async () => {
    const before = Number((await api.db.sql.query('SELECT count(*) AS n FROM filed_report')).rows[0].n);
    const { rows } = await api.db.sql.query('SELECT count(*) AS n FROM filed_report');
    expect(Number(rows[0].n)).toBe(before);
    const again = await fileReports(
      {
        run: async (_viewer, request) => {
          // As the filing runs it inside the server, through the API as the system administrator would.
          const result = await api.gql(request.query, request.variables);
          return { status: result.status, data: result.data ?? null, errors: result.errors ?? [] };
        },
      },
      api.orm,
    );
    expect(again).toEqual({ filed: 0, kept: before, refused: [], interrupted: false });
    expect(Number((await api.db.sql.query('SELECT count(*) AS n FROM filed_report')).rows[0].n)).toBe(before);
  });

  it('stop after the report being made when the server stops, and the next run files the rest', async () => {
    const count = async () => Number((await api.db.sql.query('SELECT count(*) AS n FROM filed_report')).rows[0].n);
    const before = await count();
    await api.db.sql.query('DELETE FROM filed_report WHERE id IN (SELECT id FROM filed_report ORDER BY id DESC LIMIT 3)');
    const stopping = new AbortController();
    const route = {
      run: async (_viewer: unknown, request: { query: string; variables: Record<string, unknown> }) => {
        const result = await api.gql(request.query, request.variables);
        // The server begins to stop while the first missing report is being made.
        if (!request.query.includes('programs(first')) stopping.abort();
        return { status: result.status, data: result.data ?? null, errors: result.errors ?? [] };
      },
    };
    const stopped = await fileReports(route, api.orm, { signal: stopping.signal });
    expect(stopped).toMatchObject({ filed: 1, refused: [], interrupted: true });
    expect(await count()).toBe(before - 2);
    const next = await fileReports(route, api.orm);
    expect(next).toEqual({ filed: 2, kept: before - 2, refused: [], interrupted: false });
    expect(await count()).toBe(before);
  });
});
