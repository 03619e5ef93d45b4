import {
  axeViolations,
  describeInBrowser,
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
