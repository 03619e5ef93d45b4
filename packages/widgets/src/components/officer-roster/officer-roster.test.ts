import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  expectApiOrdering,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

const ROSTER = `query ($filter: OfficerFilter, $first: Int) { officers(filter: $filter, first: $first) {
  totalCount nodes { id name badgeNumber phone liaisonAssignments(filter: { current: true }, first: 1) { totalCount } } } }`;

describeInBrowser('<huhang-officer-roster>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const personalReadsBy = async (username: string) =>
    Number(
      (
        await world.api.db.sql.query(
          `SELECT count(*) AS n FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = 'Officer' AND actor_name = $1`,
          [username],
        )
      ).rows[0].n,
    );

  it('shows the officers as the API gives them to the same user, audits the personal fields it shows, adds and archives one', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const readsBefore = await personalReadsBy('wengan-park');
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-officer-roster page-size="10"></huhang-officer-roster>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-officer-roster');
    const expected = (await asParkAdmin(ROSTER, { filter: { parkId: null }, first: 10 })).data.officers;
    const rows = await widget.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-id'),
        badge: tr.querySelector('[data-badge]')!.textContent!.trim(),
        phone: tr.querySelector('[data-phone]')!.textContent!.trim(),
        liaisons: Number(tr.querySelector('[data-liaisons]')!.textContent),
      })),
    );
    expect(rows).toEqual(
      expected.nodes.map((o: any) => ({ id: o.id, badge: o.badgeNumber, phone: o.phone ?? '', liaisons: o.liaisonAssignments.totalCount })),
    );
    expect(await widget.locator('[part="pager"]').textContent()).toContain(`共 ${expected.totalCount} 名民警`);
    // Showing badge numbers and phones is a read of personal data: the trail has it.
    expect(await personalReadsBy('wengan-park')).toBeGreaterThan(readsBefore);

    // A search by name is the API's search.
    const someone = expected.nodes[0].name as string;
    await widget.locator('input#search').fill(someone);
    await widget.locator('input#search').press('Enter');
    await settled(p);
    const found = (await asParkAdmin(ROSTER, { filter: { parkId: null, search: someone }, first: 10 })).data.officers.nodes;
    expect(await widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      found.map((o: any) => o.id),
    );

    // A badge number that is not one is refused as typed; a good officer is added.
    await widget.locator('input[name="badgeNumber"]').fill('12-34');
    await widget.locator('input[name="badgeNumber"]').blur();
    expect(await widget.locator('#f-badgeNumber-error').textContent()).toContain('6 至 8 位');
    const name = `测试民警${Date.now() % 10000}`;
    const badge = `T${String(Date.now()).slice(-6)}`;
    await widget.locator('input[name="name"]').fill(name);
    await widget.locator('input[name="badgeNumber"]').fill(badge);
    const unit = await widget.locator('select[name="unitId"] option').nth(1).getAttribute('value');
    await widget.locator('select[name="unitId"]').selectOption(unit!);
    await widget.locator('input[name="title"]').fill('社区民警');
    await widget.locator('input[name="phone"]').fill('13800001234');
    await widget.locator('form button[type="submit"]').click();
    await widget.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [made] = (await world.api.gql(ROSTER, { filter: { search: name }, first: 5 })).data.officers.nodes;
    expect(made).toMatchObject({ name, badgeNumber: badge, phone: '13800001234' });

    await widget.locator('input#search').fill(name);
    await widget.locator('input#search').press('Enter');
    await widget.locator(`tr[data-id="${made.id}"]`).waitFor();
    p.once('dialog', (dialog) => void dialog.accept());
    await widget.locator(`tr[data-id="${made.id}"] button`, { hasText: '归档' }).click();
    await widget.locator('[data-empty]').waitFor();
    expect((await world.api.gql(ROSTER, { filter: { search: name }, first: 5 })).data.officers.totalCount).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('orders the officers by name each way from the column header, as the API orders them for the same user', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-officer-roster page-size="100"></huhang-officer-roster>`);
    await signInThroughWidget(p);
    await settled(p);
    // Listed by name already: the header's first click turns the list round.
    await expectApiOrdering(p, 'huhang-officer-roster', [{ field: 'NAME', first: 'DESC' }], async (orderBy) => {
      const page = (
        await asParkAdmin(
          `query ($orderBy: OfficerOrder) { officers(first: 100, orderBy: $orderBy) { pageInfo { hasNextPage } nodes { id } } }`,
          { orderBy },
        )
      ).data.officers;
      return { ids: page.nodes.map((o: { id: string }) => o.id), complete: !page.pageInfo.hasNextPage };
    });
    // The badge number, masked for most readers, orders nothing.
    expect(await p.locator('huhang-officer-roster th button[data-sort]').count()).toBe(1);
  });

  it('exports the whole roster as CSV and Excel as the API gives it to the same user, and audits the details shown', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const expected: any[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (
        await asParkAdmin(
          `query ($after: String) { officers(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
            nodes { name title unit { name } badgeNumber phone liaisonAssignments(filter: { current: true }, first: 1) { totalCount } } } }`,
          { after },
        )
      ).data.officers;
      expected.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // The park administrator sees the details of the park's officers whole (masking for others is
    // tested on /export itself, packages/api/src/server/list-export.test.ts).
    expect(expected.length).toBeGreaterThan(0);
    const asCells = (o: any) => [o.name, o.title ?? '', o.unit.name, o.badgeNumber, o.phone ?? '', o.liaisonAssignments.totalCount];

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-officer-roster></huhang-officer-roster>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-officer-roster');
    const readsBefore = await personalReadsBy('wengan-park');
    const [csv] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-button"]').click()]);
    expect(csv.suggestedFilename()).toMatch(/^huhang-officers-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('姓名,职务,所属单位,警号,电话,联系企业数');
    expect(lines.slice(1)).toEqual(expected.map((o) => asCells(o).join(',')));
    expect(await widget.locator('[role="status"]').textContent()).toContain(`已导出 ${expected.length} 名民警`);
    // The officers whose details were shown whole, once more in the trail.
    const whole = expected.filter((o) => !o.badgeNumber.includes('*')).length;
    expect(await personalReadsBy('wengan-park')).toBe(readsBefore + whole);

    const [xlsx] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-xlsx-button"]').click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0]!;
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push([1, 2, 3, 4, 5, 6].map((i) => row.getCell(i).value ?? '')));
    expect(cells.slice(1)).toEqual(expected.map(asCells));
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-officer-roster locale="en" page-size="5"></huhang-officer-roster>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-officer-roster');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Officers');
    expect(await widget.locator('tbody tr').count()).toBe(5);
    expect(await axeViolations(p)).toEqual([]);
  });
});
