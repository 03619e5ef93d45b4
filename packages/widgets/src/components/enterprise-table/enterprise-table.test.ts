import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  waitForListed,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-enterprise-table>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const page = async (lang?: string) => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-enterprise-table page-size="10"></huhang-enterprise-table>`,
      lang ? { lang } : undefined,
    );
    await signInThroughWidget(p);
    await settled(p);
    return p;
  };
  const apiPage = async (filter: Record<string, unknown>, after: string | null = null, orderBy = { field: 'NAME', direction: 'ASC' }) =>
    (
      await world.api.gql(
        `query ($filter: EnterpriseFilter, $after: String, $orderBy: EnterpriseOrder) { enterprises(filter: $filter, first: 10, after: $after, orderBy: $orderBy) {
          totalCount pageInfo { endCursor } nodes { id name joinedOn employeeCount liaisonOfficer { name } } } }`,
        { filter: { parkId: world.parkId, ...filter }, after, orderBy },
      )
    ).data.enterprises;
  const rows = (p: Awaited<ReturnType<typeof page>>) =>
    p.locator('huhang-enterprise-table tbody tr[data-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));

  it('lists the park’s enterprises page by page and searches them, as the API does', async () => {
    const p = await page();
    const first = await apiPage({});
    expect(await rows(p)).toEqual(first.nodes.map((n: any) => n.id));
    expect(await p.locator('huhang-enterprise-table [part="pager"] .muted').textContent()).toContain(`共 ${first.totalCount} 家企业`);

    await p.locator('huhang-enterprise-table [part="pager"] button', { hasText: '下一页' }).click();
    await settled(p);
    const second = await apiPage({}, first.pageInfo.endCursor);
    expect(await rows(p)).toEqual(second.nodes.map((n: any) => n.id));

    const name: string = first.nodes[3].name;
    const term = name.slice(0, 4);
    await p.locator('huhang-enterprise-table input[type="search"]').fill(term);
    const found = await apiPage({ search: term });
    // The search's own rows, not merely as many rows as it has (the page before may have as many).
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      found.nodes.map((n: any) => n.id),
    );
    await settled(p);
    expect(await rows(p)).toEqual(found.nodes.map((n: any) => n.id));
    expect(await axeViolations(p)).toEqual([]);
  });

  it.each([
    ['zh-CN', '员工人数'],
    ['en', 'Employees'],
  ])('orders by a column from its header, by mouse and keyboard, as the API orders it (%s)', async (lang, label) => {
    const p = await page(lang);
    const header = p.locator('huhang-enterprise-table th button[data-sort="EMPLOYEE_COUNT"]');
    expect((await header.textContent())?.trim()).toContain(label);
    await header.click();
    const largest = await apiPage({}, null, { field: 'EMPLOYEE_COUNT', direction: 'DESC' });
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      largest.nodes.map((n: any) => n.id),
    );
    const shown = (await p.locator('huhang-enterprise-table td[data-employees]').allTextContents()).map(Number);
    expect(shown).toEqual(largest.nodes.map((n: any) => n.employeeCount));
    expect(shown).toEqual([...shown].sort((a, b) => b - a));
    expect(await p.locator('huhang-enterprise-table th[aria-sort]').count()).toBe(1);
    expect(await p.locator('huhang-enterprise-table th[aria-sort]').getAttribute('aria-sort')).toBe('descending');
    expect(await axeViolations(p)).toEqual([]);

    // The same header again, from the keyboard: smallest first.
    await header.focus();
    await p.keyboard.press('Enter');
    const smallest = await apiPage({}, null, { field: 'EMPLOYEE_COUNT', direction: 'ASC' });
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      smallest.nodes.map((n: any) => n.id),
    );
    expect(await p.locator('huhang-enterprise-table th[aria-sort]').getAttribute('aria-sort')).toBe('ascending');

    // Another column starts from its latest: the day joined, latest first, and the next page follows in that order.
    await p.locator('huhang-enterprise-table th button[data-sort="JOINED_ON"]').click();
    const latest = await apiPage({}, null, { field: 'JOINED_ON', direction: 'DESC' });
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      latest.nodes.map((n: any) => n.id),
    );
    expect(await p.locator('huhang-enterprise-table td[data-joined]').allTextContents()).toEqual(latest.nodes.map((n: any) => n.joinedOn));
    await p.locator('huhang-enterprise-table [part="pager"] button', { hasText: lang === 'en' ? 'Next' : '下一页' }).click();
    const next = await apiPage({}, latest.pageInfo.endCursor, { field: 'JOINED_ON', direction: 'DESC' });
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      next.nodes.map((n: any) => n.id),
    );
  });

  /** The cells of a CSV as `toCsv` writes it (quoted cells may hold commas and doubled quotes). */
  const parseCsv = (text: string): string[][] =>
    text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) =>
        [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
      );

  it('exports the whole list as filtered and ordered, page by page as the signed-in user, and each personal read is audited', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-enterprise-table page-size="10" export-batch="25"></huhang-enterprise-table>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    await p.locator('huhang-enterprise-table th button[data-sort="EMPLOYEE_COUNT"]').click();
    await settled(p);
    const startedAt = new Date().toISOString();
    let requests = 0;
    p.on('request', (r) => {
      if (new URL(r.url()).pathname === '/export' && r.method() === 'POST') requests += 1;
    });
    const [download] = await Promise.all([p.waitForEvent('download'), p.locator('huhang-enterprise-table [part="export-button"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^huhang-enterprises-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(header).toEqual([
      '企业名称',
      '统一社会信用代码',
      '行业',
      '片区',
      '经营状态',
      '纳入日期',
      '员工人数',
      '危化品企业',
      '重点企业',
      '护航警官',
      '联系人',
      '联系电话',
    ]);

    // The API's list for the same filter and order, every page.
    const expected: any[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (
        await world.api.gql(
          `query ($park: ID, $after: String) { enterprises(filter: { parkId: $park }, first: 100, after: $after, orderBy: { field: EMPLOYEE_COUNT, direction: DESC }) {
            pageInfo { hasNextPage endCursor } nodes { databaseId name creditCode employeeCount joinedOn contactPerson contactPhone liaisonOfficer { name } } } }`,
          { park: world.parkId, after },
        )
      ).data.enterprises;
      expected.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(25);
    // One request: the server reads the pages (25 each, as export-batch asks) and streams the file.
    expect(requests).toBe(1);
    expect(rows.map((r) => [r[0], r[1], Number(r[6]), r[5], r[9] || null, r[10] || null, r[11] || null])).toEqual(
      expected.map((e) => [
        e.name,
        e.creditCode,
        e.employeeCount,
        e.joinedOn,
        e.liaisonOfficer?.name ?? null,
        e.contactPerson,
        e.contactPhone,
      ]),
    );
    expect(await p.locator('huhang-enterprise-table [role="status"]').textContent()).toContain(`已导出 ${expected.length} 家企业`);

    // One READ_PERSONAL audit row per enterprise whose contact the export showed, by the park administrator.
    const withContact = expected.filter((e) => e.contactPerson || e.contactPhone).map((e) => e.databaseId);
    expect(withContact.length).toBeGreaterThan(0);
    const { rows: audited } = await world.api.db.sql.query<{ entity_id: string }>(
      `SELECT DISTINCT entity_id::text FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = 'Enterprise' AND at >= $1
         AND actor_type = 'USER' AND actor_id = (SELECT id FROM app_user WHERE username = 'wengan-park')`,
      [startedAt],
    );
    expect(audited.map((r) => Number(r.entity_id)).sort((a, b) => a - b)).toEqual([...withContact].sort((a, b) => a - b));
    expect(await axeViolations(p)).toEqual([]);

    // The same list as an Excel workbook: the same cells, numbers as numbers.
    const [xlsx] = await Promise.all([
      p.waitForEvent('download'),
      p.locator('huhang-enterprise-table [part="export-xlsx-button"]').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^huhang-enterprises-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('企业管理');
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push(header.map((_, i) => row.getCell(i + 1).value ?? '')));
    expect(cells[0]).toEqual(header);
    // (The CSV parser above leaves trailing empty cells out.)
    expect(cells.slice(1).map((r) => r.map((cell) => (typeof cell === 'number' ? String(cell) : cell)))).toEqual(
      rows.map((row) => header.map((_, i) => row[i] ?? '')),
    );
    expect(typeof cells[1]![6]).toBe('number');
  });

  it('shows only the enterprises not visited this month when asked, as the API finds them', async () => {
    const p = await page();
    const monthStart = `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date())}-01`;
    const everyone = await apiPage({});
    const unvisited = await apiPage({ notVisitedSince: monthStart });
    // The demo has both, so the filter is seen to leave some out.
    expect(unvisited.totalCount).toBeGreaterThan(0);
    expect(unvisited.totalCount).toBeLessThan(everyone.totalCount);
    await p.locator('huhang-enterprise-table input[name="notVisitedThisMonth"]').check();
    await waitForListed(
      p,
      'huhang-enterprise-table',
      'tbody tr[data-id]',
      unvisited.nodes.map((n: any) => n.id),
    );
    expect(await p.locator('huhang-enterprise-table [part="pager"] .muted').textContent()).toContain(`共 ${unvisited.totalCount} 家企业`);
  });

  it('assigns a liaison officer from the row, by keyboard, and the API then has it', async () => {
    const p = await page();
    const target = (await apiPage({})).nodes[0];
    const row = p.locator(`huhang-enterprise-table tr[data-id="${target.id}"]`);
    await row.locator('button').focus();
    await p.keyboard.press('Enter');
    const officers = p.locator('huhang-enterprise-table select[name="officerId"]');
    await officers.waitFor();
    // The officer list has the focus; choose the last officer and save with Enter on the form.
    expect(await p.evaluate(() => document.querySelector('huhang-enterprise-table')!.shadowRoot!.activeElement?.getAttribute('name'))).toBe(
      'officerId',
    );
    const options = await officers
      .locator('option')
      .evaluateAll((o) => o.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent })));
    const chosen = options.at(-1)!;
    await officers.selectOption(chosen.value);
    await p.locator('huhang-enterprise-table form.assign button[type="submit"]').press('Enter');
    await p.locator('huhang-enterprise-table form.assign').waitFor({ state: 'detached' });
    await settled(p);
    const { enterprise } = (
      await world.api.gql(`query ($id: ID!) { enterprise(id: $id) { liaisonOfficer { id name } } }`, { id: target.id })
    ).data;
    expect(enterprise.liaisonOfficer.id).toBe(chosen.value);
    expect(await row.locator('[data-officer]').textContent()).toBe(enterprise.liaisonOfficer.name);
  });
});
