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
