import { axeViolations, countOperations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';
import { parsePeriod } from '../../internal/period';
import { formatNumber } from '../../internal/format';
import { readFileSync } from 'node:fs';

const REPORT = `query ($scope: ID!, $period: PeriodInput!, $locale: Locale) {
  complianceReport(scope: $scope, period: $period) { score previousScore trend indicatorsMet indicatorsJudged
    commitments { code status title { text(locale: $locale) } } } }`;

describeInBrowser('<huhang-compliance-scorecard>', () => {
  let world: WidgetWorld;
  const month = parsePeriod('last-month')!.month!;
  const page = () =>
    world.open(`<huhang-config key="${world.key}" park="${world.parkId}" period="${month}"></huhang-config>
      <huhang-compliance-scorecard></huhang-compliance-scorecard>
      <huhang-commitment-list></huhang-commitment-list>
      <huhang-park-overview></huhang-park-overview>`);
  const report = async (locale = 'ZH_CN') =>
    (await world.api.as({ key: world.key, origin: world.api.server.url })(REPORT, { scope: world.parkId, period: { month }, locale })).data
      .complianceReport;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('shows the score and every commitment as the API reports them, from one request shared with the other widgets', async () => {
    const p = await page();
    // The first load's requests are done before counting starts: only the reloaded page's are counted.
    await settled(p);
    const requests = countOperations(p);
    await p.reload();
    await settled(p);
    const expected = await report();
    expect(expected.commitments).toHaveLength(13);
    const card = p.locator('huhang-compliance-scorecard');
    expect(await card.locator('[part="score"]').textContent()).toBe(formatNumber(expected.score, 'zh-CN', 1));
    expect(await card.locator('[part="indicators"]').textContent()).toBe(
      `${expected.indicatorsJudged} 项可评价指标中 ${expected.indicatorsMet} 项达标`,
    );
    const shown = await card
      .locator('[part="commitment"]')
      .evaluateAll((items) =>
        items.map((li) => ({ code: li.getAttribute('data-code'), status: li.querySelector('[data-status]')?.getAttribute('data-status') })),
      );
    expect(shown).toEqual(expected.commitments.map((c: any) => ({ code: c.code, status: c.status })));
    // Met or not is said in words and with an icon, not by colour alone.
    const words = await card.locator('[part~="status"]').allTextContents();
    expect(words.every((w) => /^[✓✗–](达标|未达标|不适用)$/.test(w.trim()))).toBe(true);
    // The scorecard, the commitment list and the park overview asked for the report once.
    expect(requests.get('ComplianceOverview')).toBe(1);
    expect(await p.locator('huhang-commitment-list [part="commitment"]').count()).toBe(13);
    expect(await p.locator('huhang-park-overview [data-key="score"] dd').textContent()).toBe(formatNumber(expected.score, 'zh-CN', 1));
  });

  it('speaks the language of <html lang> or its own locale attribute, with commitment titles translated by the API', async () => {
    const p = await page();
    await settled(p);
    const card = p.locator('huhang-compliance-scorecard');
    await p.evaluate(() => (document.documentElement.lang = 'en'));
    await settled(p);
    await expect(card.locator('h2').textContent()).resolves.toBe('Service commitments met');
    const english = await report('EN');
    await p.waitForFunction(
      (first) =>
        document
          .querySelector('huhang-compliance-scorecard')!
          .shadowRoot!.querySelector('[part="commitment"]')!
          .textContent!.includes(first),
      english.commitments[0].title.text,
    );
    expect(await card.locator('[part="commitment"]').allTextContents()).toEqual(
      english.commitments.map((c: any) => expect.stringContaining(c.title.text)),
    );
    await card.evaluate((el) => el.setAttribute('locale', 'zh-TW'));
    await settled(p);
    const traditional = await report('ZH_TW');
    await expect(card.locator('h2').textContent()).resolves.toBe('服務承諾達標情況');
    await p.waitForFunction(
      (first) =>
        document
          .querySelector('huhang-compliance-scorecard')!
          .shadowRoot!.querySelector('[part="commitment"]')!
          .textContent!.includes(first),
      traditional.commitments[0].title.text,
    );
    // The other widgets still follow <html lang>.
    await expect(p.locator('huhang-commitment-list h2').textContent()).resolves.toBe('Service commitments');
  });

  it('says when the API cannot be reached, and the retry button (by keyboard) brings the figures', async () => {
    const p = await world.browser.newPage();
    await p.route('**/graphql*', (route) => route.abort('connectionrefused'));
    await p.route(`${world.api.server.url}/down.html`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="zh-CN"><head><title>down</title><script type="module" src="/widgets/huhang.js"></script></head><body><main>
          <huhang-compliance-scorecard key="${world.key}" scope="${world.parkId}" period="${month}"></huhang-compliance-scorecard></main></body></html>`,
      }),
    );
    await p.goto(`${world.api.server.url}/down.html`);
    const error = p.locator('huhang-compliance-scorecard [part="error"]');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('无法连接数据服务');
    await p.unroute('**/graphql*');
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toBe('retry-button');
    await p.keyboard.press('Enter');
    await settled(p);
    expect(await p.locator('huhang-compliance-scorecard [part="score"]').textContent()).toMatch(/^\d+\.\d$/);
    await p.close();
  });

  it('passes an axe check in Chinese and in English, in light and dark themes', async () => {
    const p = await page();
    await settled(p);
    expect(await axeViolations(p)).toEqual([]);
    await p.evaluate(() => {
      document.documentElement.lang = 'en';
      document.querySelector('huhang-config')!.setAttribute('theme', 'dark');
    });
    await settled(p);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('offers the report it shows as a CSV: a row per indicator, each as the API reports it', async () => {
    const p = await page();
    await settled(p);
    const INDICATORS = `query ($scope: ID!, $period: PeriodInput!) { complianceReport(scope: $scope, period: $period) { score
      commitments { code status indicators { status target label { text(locale: ZH_CN) } value { display } } } } }`;
    const expected = (
      await world.api.as({ key: world.key, origin: world.api.server.url })(INDICATORS, { scope: world.parkId, period: { month } })
    ).data.complianceReport;
    const [download] = await Promise.all([
      p.waitForEvent('download'),
      p.locator('huhang-compliance-scorecard [part="csv-button"]').click(),
    ]);
    const text = readFileSync((await download.path())!, 'utf8');
    const cells = (line: string) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replace(/""/g, '"') : cell!));
    const rows = text.slice(1).trimEnd().split('\r\n').map(cells);
    const words: Record<string, string> = { MET: '达标', NOT_MET: '未达标', PENDING: '待定', NOT_APPLICABLE: '不适用' };
    const indicators = expected.commitments.flatMap((c: any) =>
      c.indicators.map((i: any) => [c.code, words[c.status], i.label.text, words[i.status], i.value.display, String(i.target)]),
    );
    expect(rows).toHaveLength(indicators.length + 2);
    expect(rows.slice(1, -1).map((r) => [r[0], r[2], r[3], r[4], r[5], r[6]])).toEqual(indicators);
    expect(rows.at(-1)!.slice(0, 6)).toEqual(['总体达标率', '', '', '', '', expected.score === null ? '' : expected.score.toFixed(1)]);
  });
});
