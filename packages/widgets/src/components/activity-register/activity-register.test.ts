import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { downloadCsv, downloadXlsx } from '../../test-support/downloads';

/** An instant as Beijing time to the minute, as the files write it. */
const beijing = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '');

const ACTIVITIES: Record<string, string> = {
  SECURITY_PUBLICITY: '安全防范宣传',
  SAFETY_INSPECTION: '安全隐患排查',
  FLOATING_POPULATION: '流动人口登记',
  REQUEST_COLLECTION: '收集企业诉求',
  LEGAL_CONSULTATION: '法律咨询服务',
};
const INCIDENT_TYPES: Record<string, string> = {
  THEFT: '盗窃',
  FRAUD: '诈骗',
  FIGHT: '打架斗殴',
  DAMAGE: '损毁财物',
  LABOUR: '劳资警情',
  TRAFFIC: '交通',
  FIRE_OR_CHEMICAL: '火灾、危化品',
  OTHER: '其他',
};

const ROOTS = { VISITS: 'visits', PATROLS: 'patrols', INCIDENTS: 'incidents', ENGAGEMENTS: 'engagements', RECOGNITIONS: 'recognitions' };

describeInBrowser('<huhang-activity-register>', () => {
  let world: WidgetWorld;
  let asParkAdmin: (query: string, variables?: Record<string, unknown>) => Promise<any>;

  beforeAll(async () => {
    world = await startWidgetWorld();
    asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
  });
  afterAll(() => world?.close());

  /** Every record of a list as the API gives it to the park administrator, page by page. */
  const everything = async (root: string, filterType: string, filter: Record<string, unknown>, fields: string) => {
    const nodes: any[] = [];
    for (let after: string | null = null; ; ) {
      const { data, errors } = await asParkAdmin(
        `query ($filter: ${filterType}, $after: String) { ${root}(filter: $filter, first: 100, after: $after) {
          totalCount pageInfo { hasNextPage endCursor } nodes { id ${fields} } } }`,
        { filter, after },
      );
      expect(errors).toBeUndefined();
      nodes.push(...data[root].nodes);
      if (!data[root].pageInfo.hasNextPage) return nodes;
      after = data[root].pageInfo.endCursor;
    }
  };
  const shownIds = (p: import('playwright-core').Page) =>
    p.locator('huhang-activity-register tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

  it('lists a month’s visits as the API gives them to the same user, and exports them as CSV and Excel', async () => {
    const [latest] = await everything('visits', 'VisitFilter', {}, 'visitedOn').then((all) => all.slice(0, 1));
    const month = (latest.visitedOn as string).slice(0, 7);
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const visits = await everything(
      'visits',
      'VisitFilter',
      { on: { from: `${month}-01`, to: `${month}-${last}` } },
      'visitedOn enterprise { name } officer { name } activities findings',
    );
    expect(visits.length).toBeGreaterThan(0);
    expect(visits.every((v) => v.visitedOn.startsWith(month))).toBe(true);

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-activity-register page-size="100"></huhang-activity-register>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-activity-register');
    await widget.locator('input#month').fill(month);
    await widget.locator('input#month').dispatchEvent('change');
    await settled(p);
    expect(await shownIds(p)).toEqual(visits.slice(0, 100).map((v) => v.id));
    const firstRow = widget.locator(`tr[data-id="${visits[0].id}"] td`);
    expect(await firstRow.nth(0).textContent()).toBe(visits[0].enterprise.name);
    expect(await firstRow.nth(2).textContent()).toBe(visits[0].activities.map((a: string) => ACTIVITIES[a]).join('、'));
    expect(await widget.locator('[part="pager"]').textContent()).toContain(`共 ${visits.length} 条`);

    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-visits-${month}.csv`);
    expect(csv.rows).toEqual([
      ['走访日期', '走访企业', '护航警官', '走访内容', '发现问题及处理情况'],
      ...visits.map((v) => [
        v.visitedOn,
        v.enterprise.name,
        v.officer.name,
        v.activities.map((a: string) => ACTIVITIES[a]).join('、'),
        v.findings,
      ]),
    ]);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.sheet).toBe('走访台账');
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('lists the incidents with their timeline and response time, and exports every one', async () => {
    const incidents = await everything(
      'incidents',
      'IncidentFilter',
      {},
      'receivedAt type enterprise { name } zone { name } dispatchedAt arrivedAt closedAt responseMinutes quickResponse jointUnits { name } summary outcome',
    );
    expect(incidents.length).toBeGreaterThan(0);
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-activity-register register="INCIDENTS" page-size="100"></huhang-activity-register>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-activity-register');
    expect(await shownIds(p)).toEqual(incidents.slice(0, 100).map((i) => i.id));
    const timed = incidents.find((i) => i.responseMinutes !== null);
    if (timed) {
      const cells = widget.locator(`tr[data-id="${timed.id}"] td`);
      expect(Number((await cells.nth(6).textContent())!.replace(/,/g, ''))).toBeCloseTo(timed.responseMinutes, 1);
    }

    // A time on the day the call came in reads as the time alone; one on a later day keeps its day.
    const sameDay = incidents.find((i) => i.arrivedAt && beijing(i.arrivedAt).slice(0, 10) === beijing(i.receivedAt).slice(0, 10));
    expect(sameDay).toBeDefined();
    expect(await widget.locator(`tr[data-id="${sameDay.id}"] td`).nth(4).textContent()).toBe(beijing(sameDay.arrivedAt).slice(11));
    const nextDay = incidents.find((i) => i.closedAt && beijing(i.closedAt).slice(0, 10) !== beijing(i.receivedAt).slice(0, 10));
    if (nextDay && incidents.indexOf(nextDay) < 100) {
      const [day, time] = beijing(nextDay.closedAt).split(' ');
      const shown = await widget.locator(`tr[data-id="${nextDay.id}"] td`).nth(5).textContent();
      expect(shown).toContain(`${Number(day!.slice(8, 10))}日`);
      expect(shown).toContain(time);
    }

    const csv = await downloadCsv(p, widget);
    expect(csv.rows[0]).toEqual([
      '接警时间',
      '警情类别',
      '涉及企业',
      '所在片区',
      '派警时间',
      '到达时间',
      '办结时间',
      '响应用时（分钟）',
      '快速响应机制处置',
      '联动处置单位',
      '简要警情',
      '处置结果',
    ]);
    expect(csv.rows.slice(1)).toEqual(
      incidents.map((i) => [
        beijing(i.receivedAt),
        INCIDENT_TYPES[i.type],
        i.enterprise?.name ?? '',
        i.zone?.name ?? '',
        beijing(i.dispatchedAt),
        beijing(i.arrivedAt),
        beijing(i.closedAt),
        i.responseMinutes === null ? '' : String(i.responseMinutes),
        i.quickResponse ? '是' : '否',
        i.jointUnits.map((u: { name: string }) => u.name).join('、'),
        i.summary,
        i.outcome,
      ]),
    );
    expect(await axeViolations(p)).toEqual([]);
  });

  it('switches between the registers, each listing what the API lists to the same user', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-activity-register page-size="100"></huhang-activity-register>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-activity-register');
    for (const [register, root] of Object.entries(ROOTS)) {
      const filterType = `${root[0]!.toUpperCase()}${root.slice(1, -1)}Filter`;
      const expected = (await everything(root, filterType, {}, '')).slice(0, 100).map((r) => r.id);
      await widget.locator('select#register').selectOption(register);
      await settled(p);
      // The demo has records of every kind in the park.
      expect({ register, records: expected.length > 0 }).toEqual({ register, records: true });
      expect({ register, rows: await shownIds(p) }).toEqual({ register, rows: expected });
      expect(await widget.locator('table').getAttribute('data-register')).toBe(register);
    }
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-activity-register register="PATROLS" locale="en"></huhang-activity-register>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-activity-register');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Registers');
    expect(await widget.locator('select#register option:checked').textContent()).toBe('Patrols');
    expect(await axeViolations(p)).toEqual([]);
  });
});
