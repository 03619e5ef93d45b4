import { axeViolations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';
import { monthsEnding, parsePeriod } from '../../internal/period';
import { formatMeasured, formatMonth } from '../../internal/format';
import zhCN from '../../translations/zh-CN';
import en from '../../translations/en';
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../test-support/downloads';

const SERIES = `query ($metric: String!, $scope: ID!, $from: LocalDate!, $to: LocalDate!) {
  metricSeries(metric: $metric, scope: $scope, from: $from, to: $to, granularity: MONTH) {
    metric { name label { text(locale: ZH_CN) } }
    points { from to value { value display applicable suppressed unit unitLabel { text } } } } }`;

describeInBrowser('<huhang-trend-chart>', () => {
  let world: WidgetWorld;
  const until = parsePeriod('last-month')!.month!;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('draws the API’s series and offers the same figures as a table, by keyboard', async () => {
    const p = await world.open(
      `<huhang-trend-chart key="${world.key}" scope="${world.parkId}" metric="patrolCount" months="6" until="${until}"></huhang-trend-chart>`,
    );
    await settled(p);
    const { from, to } = monthsEnding(until, 6);
    const expected = (
      await world.api.as({ key: world.key, origin: world.api.server.url })(SERIES, { metric: 'patrolCount', scope: world.parkId, from, to })
    ).data.metricSeries;
    // The chart begins where the park began (the demo's first day) when that is later than six months ago.
    const { node } = await world.api.ok(`query ($id: ID!) { node(id: $id) { ... on Park { startsOn } } }`, { id: world.parkId });
    const first = node.startsOn && node.startsOn > from ? node.startsOn : from;
    const months = (Number(to.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(first.slice(5, 7)) + 1;
    expect(expected.points).toHaveLength(months);
    expect(expected.points[0].from).toBe(first);
    const chart = p.locator('huhang-trend-chart');
    expect(await chart.locator('h2').textContent()).toBe(expected.metric.label.text);
    expect(await chart.locator('circle.point').count()).toBe(expected.points.filter((pt: any) => pt.value.value !== null).length);
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toContain(expected.metric.label.text);

    const table = chart.locator('table');
    expect(await table.isVisible()).toBe(false);
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.getAttribute('part'))).toBe('table-toggle');
    expect(await chart.locator('[part="table-toggle"]').getAttribute('aria-expanded')).toBe('false');
    await p.keyboard.press('Enter');
    expect(await table.isVisible()).toBe(true);
    expect(await chart.locator('[part="table-toggle"]').getAttribute('aria-expanded')).toBe('true');
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => ({ from: tr.getAttribute('data-from'), value: tr.querySelector('td')!.textContent })));
    expect(rows).toEqual(
      expected.points.map((pt: any) => ({
        from: pt.from,
        value: formatMeasured(pt.value, 'zh-CN') + (pt.value.value === null ? '' : pt.value.unitLabel.text),
      })),
    );
    expect(await axeViolations(p)).toEqual([]);
  });

  it('downloads the series shown as CSV: each month’s displayed value, and a number only where one is published', async () => {
    const p = await world.open(
      `<huhang-trend-chart key="${world.key}" scope="${world.parkId}" metric="visitCoverage" months="6" until="${until}"></huhang-trend-chart>`,
    );
    await settled(p);
    const { from, to } = monthsEnding(until, 6);
    const expected = (
      await world.api.as({ key: world.key, origin: world.api.server.url })(SERIES, {
        metric: 'visitCoverage',
        scope: world.parkId,
        from,
        to,
      })
    ).data.metricSeries;
    expect(expected.points.length).toBeGreaterThan(1);
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator('huhang-trend-chart [part="csv-button"]').click()]);
    expect(download.suggestedFilename()).toBe(`huhang-visitCoverage-${expected.points[0].from}-${expected.points.at(-1).to}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(text.slice(1))).toEqual([
      ['键', '指标', '起', '止', '显示值', '数值', '单位'],
      ...expected.points.map((pt: any) => [
        'visitCoverage',
        expected.metric.label.text,
        pt.from,
        pt.to,
        pt.value.display,
        // A suppressed month stays suppressed in the file: its display, never its number.
        pt.value.suppressed || !pt.value.applicable || pt.value.value === null ? '' : String(pt.value.value),
        pt.value.unitLabel.text,
      ]),
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('says under the chart which months are withheld, in the reader’s language, and draws no point for them', async () => {
    const { from, to } = monthsEnding(until, 12);
    const asKey = world.api.as({ key: world.key, origin: world.api.server.url });
    const { data } = await world.api.gql(`query ($id: ID!) { park(id: $id) { zones(first: 100) { nodes { id } } } }`, { id: world.parkId });
    // A zone's monthly coverage whose unvisited enterprises were one or two in some month and more in others.
    let found: { scope: string; points: any[] } | undefined;
    for (const { id } of data.park.zones.nodes) {
      const { points } = (await asKey(SERIES, { metric: 'visitCoverage', scope: id, from, to })).data.metricSeries;
      const withheld = points.filter((pt: any) => pt.value.suppressed);
      if (withheld.length > 0 && withheld.length < points.length) found = { scope: id, points };
    }
    expect(found).toBeDefined();
    const { scope, points } = found!;
    const withheld = points.filter((pt: any) => pt.value.suppressed).map((pt: any) => pt.from.slice(0, 7));
    const p = await world.open(
      `<huhang-trend-chart key="${world.key}" scope="${scope}" metric="visitCoverage" months="12" until="${until}"></huhang-trend-chart>`,
    );
    await settled(p);
    const chart = p.locator('huhang-trend-chart');
    expect(await chart.locator('circle.point').count()).toBe(points.filter((pt: any) => pt.value.value !== null).length);
    const months = (locale: string) => new Intl.ListFormat(locale).format(withheld.map((m: string) => formatMonth(`${m}-01`, locale)));
    expect(await chart.locator('[part="withheld"]').textContent()).toBe(zhCN.chart.withheld(months('zh-CN')));
    await chart.evaluate((el: any) => (el.locale = 'en'));
    await settled(p);
    expect(await chart.locator('[part="withheld"]').textContent()).toBe(en.chart.withheld(months('en')));
    expect(await axeViolations(p)).toEqual([]);
    // A series with nothing withheld says nothing of it.
    const all = await world.open(
      `<huhang-trend-chart key="${world.key}" scope="${world.parkId}" metric="patrolCount" months="12" until="${until}"></huhang-trend-chart>`,
    );
    await settled(all);
    expect(await all.locator('huhang-trend-chart circle.point').count()).toBeGreaterThan(0);
    expect(await all.locator('huhang-trend-chart [part="withheld"]').count()).toBe(0);
  });

  it('says which setting is wrong instead of drawing nonsense', async () => {
    const p = await world.open(`<huhang-trend-chart key="${world.key}" scope="${world.parkId}" months="99"></huhang-trend-chart>`);
    await p.locator('huhang-trend-chart [part="error"]').waitFor();
    expect(await p.locator('huhang-trend-chart [part="error"]').textContent()).toContain('months');
  });
});
