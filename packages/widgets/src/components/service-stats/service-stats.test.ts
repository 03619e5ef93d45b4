import { axeViolations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';
import { parsePeriod } from '../../internal/period';
import { formatMeasured } from '../../internal/format';
import { readFileSync } from 'node:fs';

const FIGURES = `query ($scope: ID!, $period: PeriodInput!, $locale: Locale) {
  serviceStatistics(scope: $scope, period: $period) { figures { key label { text(locale: $locale) }
    value { value display applicable suppressed unit unitLabel { text(locale: $locale) } } trend trendYearOnYear } } }`;

describeInBrowser('<huhang-service-stats>', () => {
  let world: WidgetWorld;
  const month = parsePeriod('last-month')!.month!;
  const figures = async (locale: string) =>
    (await world.api.as({ key: world.key, origin: world.api.server.url })(FIGURES, { scope: world.programId, period: { month }, locale }))
      .data.serviceStatistics.figures;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('marks a share withheld to protect people beside its "—", so that it does not read as missing, and says why', async () => {
    const { data } = await world.api.gql(`query ($id: ID!) { park(id: $id) { zones(first: 100) { nodes { id } } } }`, { id: world.parkId });
    const asKey = world.api.as({ key: world.key, origin: world.api.server.url });
    // A scope and month with a withheld share: a zone's month, where cases are few.
    let found: { scope: string; month: string; keys: string[] } | undefined;
    for (const scope of [world.parkId, ...data.park.zones.nodes.map((z: any) => z.id)]) {
      for (const back of [1, 2, 3]) {
        const at = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - back, 1)).toISOString().slice(0, 7);
        const { figures: all } = (await asKey(FIGURES, { scope, period: { month: at }, locale: 'ZH_CN' })).data.serviceStatistics;
        const keys = all.filter((f: any) => f.value.suppressed && f.value.display === '—').map((f: any) => f.key);
        if (keys.length && !found) found = { scope, month: at, keys };
      }
    }
    expect(found).toBeDefined();
    const p = await world.open(
      `<huhang-service-stats key="${world.key}" scope="${found!.scope}" period="${found!.month}"></huhang-service-stats>`,
    );
    await settled(p);
    for (const key of found!.keys) {
      const tile = p.locator(`huhang-service-stats .tile[data-key="${key}"]`);
      expect(await tile.locator('[part="value"]').textContent()).toBe('—');
      expect(await tile.locator('[part="withheld"]').textContent()).toBe('不予公开');
    }
    expect(await p.locator('huhang-service-stats [part="withheld-note"]').textContent()).toBe(
      '标注“不予公开”的比率涉及个案过少，为保护个人信息不予公开。',
    );
    expect(await axeViolations(p)).toEqual([]);
  });

  it('shows every figure the API returns, formatted for the reader, in each language', async () => {
    const p = await world.open(
      `<huhang-service-stats key="${world.key}" scope="${world.programId}" period="${month}"></huhang-service-stats>`,
    );
    await settled(p);
    for (const [lang, apiLocale] of [
      ['zh-CN', 'ZH_CN'],
      ['en', 'EN'],
      ['zh-TW', 'ZH_TW'],
    ] as const) {
      await p.evaluate((l) => (document.documentElement.lang = l), lang);
      const expected = await figures(apiLocale);
      await p.waitForFunction(
        (label) => document.querySelector('huhang-service-stats')!.shadowRoot!.querySelector('.tile dt')?.textContent === label,
        expected[0].label.text,
      );
      const shown = await p.locator('huhang-service-stats .tile').evaluateAll((tiles) =>
        tiles.map((t) => ({
          key: t.getAttribute('data-key'),
          label: t.querySelector('dt')!.textContent,
          value: t.querySelector('[part="value"]')!.textContent,
          yearOnYear: t.querySelector('[part="trend-year"]')?.getAttribute('data-trend') ?? null,
        })),
      );
      // Each figure beside its change on the period before (环比) and on the same period a year earlier (同比).
      expect(shown).toEqual(
        expected.map((f: any) => ({
          key: f.key,
          label: f.label.text,
          value: formatMeasured(f.value, lang),
          yearOnYear: f.trendYearOnYear,
        })),
      );
      if (lang === 'zh-CN' && expected.some((f: any) => f.trendYearOnYear)) {
        expect(await p.locator('huhang-service-stats [part="trend-year"]').first().textContent()).toMatch(/同比(上升|下降|持平)/);
      }
      // Suppressed small counts keep the API's "<3", withheld shares say so beside their "—", and the page says why.
      const small = expected.some((f: any) => f.value.suppressed && /\d/.test(f.value.display));
      const shares = expected.filter((f: any) => f.value.suppressed && !/\d/.test(f.value.display)).map((f: any) => f.key);
      expect(await p.locator('huhang-service-stats .note:not([part])').count()).toBe(small ? 1 : 0);
      expect(await p.locator('huhang-service-stats [part="withheld-note"]').count()).toBe(shares.length ? 1 : 0);
      const marked = await p
        .locator('huhang-service-stats .tile:has([part="withheld"])')
        .evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-key')));
      expect(marked).toEqual(shares);
    }
    // The raw numbers are the API's own, with the decimals of its display: a count of 1,234 reads
    // "1,234", 95.5 % reads "95.5%", 4.25 stays 4.25 and a rate of 0.33 is not "0".
    const measured = (value: number, display: string, unit: string) => ({
      value,
      display,
      applicable: true,
      suppressed: false,
      unit,
      unitLabel: { text: '' },
    });
    expect(formatMeasured(measured(1234, '1234', 'COUNT'), 'en')).toBe('1,234');
    expect(formatMeasured(measured(95.5, '95.5%', 'PERCENT'), 'zh-CN')).toBe('95.5%');
    expect(formatMeasured(measured(4.25, '4.25', 'RATE'), 'en')).toBe('4.25');
    expect(formatMeasured(measured(0.33, '0.33', 'PER_MONTH'), 'zh-CN')).toBe('0.33');
    expect(formatMeasured(measured(0.9996, '0.9996', 'PER_QUARTER'), 'en')).toBe('0.9996');
  });

  it('shows the chosen figures in the chosen order, and passes axe', async () => {
    const p = await world.open(
      `<huhang-service-stats key="${world.key}" scope="${world.programId}" period="${month}" figures="disputesResolved,patrols,nope"></huhang-service-stats>`,
    );
    await settled(p);
    expect(await p.locator('huhang-service-stats .tile').evaluateAll((t) => t.map((e) => e.getAttribute('data-key')))).toEqual([
      'disputesResolved',
      'patrols',
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('refuses figures per enterprise to an embed key, and says so', async () => {
    const { data } = await world.api.gql(`{ enterprises(first: 1) { nodes { id } } }`);
    const p = await world.open(
      `<huhang-service-stats key="${world.key}" scope="${data.enterprises.nodes[0].id}" period="${month}"></huhang-service-stats>`,
    );
    const error = p.locator('huhang-service-stats [part="error"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('没有查看这些数据的权限');
    // Trying again would be refused again: no button offers it.
    expect(await error.locator('[part="retry-button"]').count()).toBe(0);
  });

  it('offers the figures it shows as a CSV that opens in a spreadsheet, each value as the API gives it', async () => {
    const p = await world.open(
      `<huhang-service-stats key="${world.key}" scope="${world.programId}" period="${month}"></huhang-service-stats>`,
    );
    await settled(p);
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator('huhang-service-stats [part="csv-button"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^huhang-figures-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    // A byte-order mark, so that Excel reads the Chinese labels as they are.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const cells = (line: string) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replace(/""/g, '"') : cell!));
    const lines = text.slice(1).trimEnd().split('\r\n');
    const expected = await figures('ZH_CN');
    expect(cells(lines[0]!).slice(0, 4)).toEqual(['键', '指标', '显示值', '数值']);
    expect(lines).toHaveLength(expected.length + 1);
    for (const [i, f] of expected.entries()) {
      const row = cells(lines[i + 1]!);
      // A suppressed figure stays suppressed in the file: its display, never its number.
      const number = f.value.suppressed || !f.value.applicable || f.value.value === null ? '' : String(f.value.value);
      expect(row.slice(0, 4)).toEqual([f.key, f.label.text, f.value.display, number]);
    }
  });
});
