import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  settled,
  startWidgetWorld,
  type WidgetWorld,
} from '../packages/widgets/src/test-support/browser';
import { parsePeriod } from '../packages/widgets/src/internal/period';
import { formatMeasured, formatNumber } from '../packages/widgets/src/internal/format';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_PASSWORD } from '../packages/api/src/test-support/api';

const run = promisify(execFile);

const FIGURES = `query ($scope: ID!, $period: PeriodInput!) {
  complianceReport(scope: $scope, period: $period) { score commitments { code status indicators { value { display } } } }
  serviceStatistics(scope: $scope, period: $period) { figures { key value { value display applicable suppressed unit } trend trendYearOnYear } } }`;

const PDFTOPPM = '/usr/bin/pdftoppm';
const PDFINFO = '/usr/bin/pdfinfo';

describeInBrowser('examples/report.html: the monthly, quarterly and yearly report', () => {
  let world: WidgetWorld;
  const month = parsePeriod('last-month')!.month!;
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  // The last complete quarter, the newest the list offers.
  const [thisYear, thisMonth] = parsePeriod('this-month')!.month!.split('-').map(Number) as [number, number];
  const quarterNumber = Math.ceil(thisMonth / 3) - 1 || 4;
  const quarterYear = quarterNumber === 4 ? thisYear - 1 : thisYear;
  const quarter = `${quarterYear}-Q${quarterNumber}`;
  const publicly = (period: object) =>
    world.api
      .as({ key: world.key, origin: world.api.server.url })(FIGURES, { scope: world.parkId, period })
      .then((r) => r.data);

  /** report.html as served, with the demo key and park swapped for this test server's. */
  async function openReport(search = ''): Promise<Page> {
    const page = await world.browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (error) => console.error(`[browser] ${error.stack ?? error.message}`));
    await page.route(/\/report\.html(\?.*)?$/, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: readFileSync(join(__dirname, 'report.html'), 'utf8')
          .replace(/key="hk_pub_[^"]+"/, `key="${world.key}"`)
          .replace(/park="[^"]+"/, `park="${world.parkId}"`),
      }),
    );
    await page.goto(`${world.api.server.url}/report.html${search}`);
    await settled(page);
    return page;
  }

  const shownFigures = (page: Page) =>
    page
      .locator('huhang-service-stats .tile')
      .evaluateAll((tiles) =>
        tiles.map((t) => ({ key: t.getAttribute('data-key'), value: t.querySelector('[part="value"]')!.textContent })),
      );

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('is the last complete month by default, with the score, every commitment and every service figure as the API reports them', async () => {
    const page = await openReport();
    expect(await page.locator('#period').inputValue()).toBe(month);
    expect(await page.locator('h1').textContent()).toBe('护航园区工作月报');
    expect(await page.locator('#period-label').textContent()).toBe(`${year}年${monthNumber}月`);
    const api = await publicly({ month });
    expect(await page.locator('huhang-compliance-scorecard [part="score"]').textContent()).toBe(
      formatNumber(api.complianceReport.score, 'zh-CN', 1),
    );
    expect(await page.locator('huhang-commitment-list [part="commitment"]').count()).toBe(api.complianceReport.commitments.length);
    // Every indicator, with the API's own display (suppressed values stay suppressed).
    const indicators = api.complianceReport.commitments.flatMap((c: any) => c.indicators.map((i: any) => i.value.display));
    expect(await page.locator('huhang-commitment-list [part~="indicator"]').count()).toBe(indicators.length);
    expect(await shownFigures(page)).toEqual(
      api.serviceStatistics.figures.map((f: any) => ({ key: f.key, value: formatMeasured(f.value, 'zh-CN') })),
    );
    // The two trend charts end with the report's month.
    expect(await page.locator('huhang-trend-chart').evaluateAll((charts) => charts.map((c) => c.getAttribute('until')))).toEqual([
      month,
      month,
    ]);
    expect(await page.locator('#note').textContent()).toContain('少于 3 的数值不予公开');
  });

  it('a quarter chosen from the list becomes 季报 with the quarter’s figures, kept in the address; English and Traditional Chinese headings', async () => {
    const page = await openReport();
    await page.locator('#period').selectOption(quarter);
    await settled(page);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent === '护航园区工作季报');
    expect(new URL(page.url()).searchParams.get('period')).toBe(quarter);
    expect(await page.locator('huhang-config').getAttribute('period')).toBe(quarter);
    const api = await publicly({ quarter });
    await page.waitForFunction(
      (score) => document.querySelector('huhang-compliance-scorecard')!.shadowRoot!.querySelector('[part="score"]')?.textContent === score,
      formatNumber(api.complianceReport.score, 'zh-CN', 1),
    );
    expect(await shownFigures(page)).toEqual(
      api.serviceStatistics.figures.map((f: any) => ({ key: f.key, value: formatMeasured(f.value, 'zh-CN') })),
    );
    await page.locator('[data-lang="en"]').click();
    await settled(page);
    expect(await page.locator('h1').textContent()).toBe('Park protection quarterly report');
    expect(await page.locator('#period-label').textContent()).toBe(`Q${quarterNumber} ${quarterYear}`);
    await page.locator('[data-lang="zh-TW"]').click();
    expect(await page.locator('h1').textContent()).toBe('護航園區工作季報');
    // A year from the address.
    const yearly = await openReport(`?period=${year - 1}`);
    expect(await yearly.locator('h1').textContent()).toBe('护航园区工作年报');
    expect(await yearly.locator('#period').inputValue()).toBe(String(year - 1));
  });

  it('“下载 Excel” downloads the same report as a workbook, with the page’s key', async () => {
    const page = await openReport();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#xlsx').click()]);
    expect(download.suggestedFilename()).toBe(`护航园区工作月报 · ${year}年${monthNumber}月.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('概况')!;
    const api = await publicly({ month });
    expect(summary.getRow(5).values).toEqual([undefined, '综合达标得分', api.complianceReport.score]);
    expect(workbook.getWorksheet('服务数据')!.rowCount).toBe(api.serviceStatistics.figures.length + 1);
    expect(await page.locator('#xlsx-status').textContent()).toBe('');
  });

  it('axe finds nothing, in zh-CN and in English', async () => {
    const page = await openReport();
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-lang="en"]').click();
    await settled(page);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('prints on A4 without the controls and the buttons', async () => {
    const page = await openReport();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    for (const part of [
      'huhang-compliance-scorecard [part="csv-button"]',
      'huhang-service-stats [part="csv-button"]',
      'huhang-trend-chart [part="table-toggle"]',
    ]) {
      expect(await page.locator(part).first().isVisible()).toBe(false);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync(PDFINFO)) {
      const dir = mkdtempSync(join(tmpdir(), 'huhang-print-'));
      try {
        writeFileSync(join(dir, 'report.pdf'), pdf);
        expect((await run(PDFINFO, [join(dir, 'report.pdf')])).stdout).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('npm run report:pdf prints the report as a PDF with numbered pages, as the public or as a signed-in administrator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'huhang-report-'));
    try {
      const script = join(__dirname, '..', 'packages', 'widgets', 'scripts', 'report-pdf.cjs');
      const env = { ...process.env, BASE_URL: world.api.server.url };
      const out = join(dir, 'public.pdf');
      const made = await run(
        process.execPath,
        [script, '--period', month, '--park', world.parkId, '--key', world.key, '--out', out, '--png'],
        { env },
      );
      expect(made.stdout).toContain(`护航园区工作月报 · ${year}年${monthNumber}月 (public figures)`);
      const pdf = readFileSync(out);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      if (existsSync(PDFTOPPM)) {
        const text = (await run('/usr/bin/pdftotext', ['-layout', out, '-'])).stdout;
        expect(text).toContain('护航园区工作月报');
        expect(text).toMatch(/1 \/ \d+/);
        expect(existsSync(join(dir, 'public-1.png'))).toBe(true);
      }
      // As the park's administrator: full figures, and the note says it is the internal edition.
      const parkNumber = Number(Buffer.from(world.parkId, 'base64').toString().split(':')[1]);
      const user = { username: 'report-park-admin', password: TEST_PASSWORD };
      await world.api.createUser({ username: user.username, role: 'PARK_ADMIN', parkIds: [parkNumber] });
      const full = join(dir, 'full.pdf');
      const asAdmin = await run(process.execPath, [script, '--period', month, '--park', world.parkId, '--out', full], {
        env: { ...env, HUHANG_USERNAME: user.username, HUHANG_PASSWORD: user.password },
      });
      expect(asAdmin.stdout).toContain(`(as ${user.username})`);
      if (existsSync(PDFTOPPM)) expect((await run('/usr/bin/pdftotext', [full, '-'])).stdout).toContain('本版为内部完整数据');
      // A bad period is refused before anything is printed.
      await expect(run(process.execPath, [script, '--period', '2026-13'], { env })).rejects.toMatchObject({
        stderr: expect.stringContaining('use a month (2026-10), a quarter (2026-Q3) or a year (2026)'),
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
