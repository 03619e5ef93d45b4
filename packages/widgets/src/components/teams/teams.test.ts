import {
  axeViolations,
  describeInBrowser,
  expectColumnSorting,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { downloadCsv, downloadXlsx } from '../../test-support/downloads';
import { today } from '../../internal/period';

interface ApiTeam {
  id: string;
  name: string;
  type: string;
  archivedAt: string | null;
  zone: { name: string } | null;
  members: {
    totalCount: number;
    nodes: Array<{ id: string; kind: string; displayName: string; leftOn: string | null; enterprise: { name: string } | null }>;
  };
}

describeInBrowser('<huhang-teams>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const teamsOfPark = async (): Promise<ApiTeam[]> =>
    (
      await world.api.gql(
        `query ($park: ID!) { park(id: $park) { teams(first: 100, filter: { includeArchived: true }) { nodes {
          id name type archivedAt zone { name }
          members(filter: { current: true }, first: 100) { totalCount nodes { id kind displayName leftOn enterprise { name } } } } } } }`,
        { park: world.parkId },
      )
    ).data.park.teams.nodes;

  it('lists the park’s teams with their current members as the API has them; creates a team, adds an officer and a guard, one leaves, the team is disbanded', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-teams></huhang-teams>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-teams');
    const before = (await teamsOfPark()).filter((team) => !team.archivedAt);
    expect(before.length).toBeGreaterThan(0);
    const rows = await widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(rows.sort()).toEqual(before.map((team) => team.id).sort());
    for (const team of before) {
      const row = widget.locator(`tr[data-id="${team.id}"]`);
      expect(await row.locator('li[data-member]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-member')))).toEqual(
        team.members.nodes.map((m) => m.id),
      );
      expect(await row.locator('.count').textContent()).toBe(`${team.members.totalCount} 人`);
    }

    // A team needs a name and a type, as typed.
    const teamForm = widget.locator('form[aria-labelledby="team-heading"]');
    await teamForm.locator('button[type="submit"]').click();
    expect(await widget.locator('#f-name-error').textContent()).toContain('必填');
    expect(await widget.locator('#f-type-error').count()).toBe(1);

    const name = `物流片区巡逻队 ${Date.now() % 100000}`;
    await teamForm.locator('input[name="name"]').fill(name);
    await teamForm.locator('select[name="type"]').selectOption('PATROL');
    const zoneName = (await teamForm.locator('select[name="zoneId"] option').nth(1).textContent())!.trim();
    await teamForm.locator('select[name="zoneId"]').selectOption({ index: 1 });
    await teamForm.locator('button[type="submit"]').click();
    await teamForm.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const made = (await teamsOfPark()).find((team) => team.name === name)!;
    expect(made).toMatchObject({ type: 'PATROL', archivedAt: null, zone: { name: zoneName }, members: { totalCount: 0 } });
    const row = widget.locator(`tr[data-id="${made.id}"]`);
    await row.waitFor();
    expect(await row.locator('td').first().textContent()).toBe(zoneName);

    // An officer joins.
    const memberForm = widget.locator('form[aria-labelledby="member-heading"]');
    await memberForm.locator('select[name="teamId"]').selectOption(made.id);
    await memberForm.locator('select[name="kind"]').selectOption('OFFICER');
    await memberForm.locator('button[type="submit"]').click();
    expect(await widget.locator('#f-officerId-error').count()).toBe(1);
    const officer = (await memberForm.locator('select[name="officerId"] option').nth(1).textContent())!.replace(/（.*）$/, '').trim();
    await memberForm.locator('select[name="officerId"]').selectOption({ index: 1 });
    await memberForm.locator('button[type="submit"]').click();
    await memberForm.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    await row.locator('li[data-member]').first().waitFor();

    // A guard needs the enterprise and a phone number that is one.
    await memberForm.locator('select[name="teamId"]').selectOption(made.id);
    await memberForm.locator('select[name="kind"]').selectOption('ENTERPRISE_GUARD');
    await memberForm.locator('input[name="memberName"]').fill('赵保安');
    await memberForm.locator('input[name="phone"]').fill('12');
    await memberForm.locator('input[name="phone"]').press('Enter');
    expect(await widget.locator('#f-enterpriseId-error').count()).toBe(1);
    expect(await widget.locator('#f-phone-error').textContent()).toContain('电话号码格式不正确');
    await memberForm.locator('input[name="phone"]').fill('13800001111');
    const enterprise = (await memberForm.locator('select[name="enterpriseId"] option').nth(1).textContent())!.trim();
    await memberForm.locator('select[name="enterpriseId"]').selectOption({ index: 1 });
    await memberForm.locator('button[type="submit"]').click();
    await memberForm.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    await row.locator('li[data-member]').nth(1).waitFor();

    let members = (await teamsOfPark()).find((team) => team.id === made.id)!.members;
    expect(members.totalCount).toBe(2);
    expect(members.nodes.map((m) => [m.kind, m.displayName, m.enterprise?.name ?? null]).sort()).toEqual(
      [
        ['ENTERPRISE_GUARD', '赵保安', enterprise],
        ['OFFICER', officer, null],
      ].sort(),
    );
    expect(await row.locator('.count').textContent()).toBe('2 人');
    expect(await row.locator('li', { hasText: '赵保安' }).textContent()).toContain(`企业保安 · ${enterprise}`);

    // The officer leaves today: the record is kept with the day, the list shows the current members.
    const leaving = members.nodes.find((m) => m.kind === 'OFFICER')!;
    p.once('dialog', (dialog) => void dialog.accept());
    await row.locator(`li[data-member="${leaving.id}"] button`).click();
    await row.locator(`li[data-member="${leaving.id}"]`).waitFor({ state: 'detached' });
    members = (await teamsOfPark()).find((team) => team.id === made.id)!.members;
    expect(members.nodes.map((m) => m.displayName)).toEqual(['赵保安']);
    const left = (await world.api.gql(`query ($id: ID!) { node(id: $id) { ... on TeamMember { leftOn } } }`, { id: leaving.id })).data.node;
    expect(left.leftOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain(`${leaving.displayName}已离开`);

    expect(await axeViolations(p)).toEqual([]);

    p.once('dialog', (dialog) => void dialog.accept());
    await row.locator('button', { hasText: '撤销队伍' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await teamsOfPark()).find((team) => team.id === made.id)!.archivedAt).not.toBeNull();
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain('已撤销');
  });

  it('orders the teams by name, by zone (pinyin; the whole park by its words) and by current members as the API counts them, from the column headers', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-teams></huhang-teams>`);
    await signInThroughWidget(p);
    await settled(p);
    const teams = (await teamsOfPark()).filter((t) => !t.archivedAt);
    expect(teams.length).toBeGreaterThan(1);
    await expectColumnSorting(p, 'huhang-teams', teams, [
      { field: 'MEMBERS', key: (t) => t.members.totalCount, first: 'DESC' },
      { field: 'ZONE', key: (t) => t.zone?.name ?? '全园区', first: 'ASC' },
      { field: 'NAME', key: (t) => t.name, first: 'ASC' },
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('exports the park’s teams with their current members as CSV and Excel, equal to the API’s list', async () => {
    const teams = (await teamsOfPark()).filter((t) => !t.archivedAt);
    const types: Record<string, string> = { PATROL: '警企巡逻联防队', MEDIATION: '矛盾纠纷联调队', SERVICE: '警企联合服务队' };
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-teams></huhang-teams>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-teams');
    const expected = teams.map((t) => [
      t.name,
      types[t.type]!,
      t.zone?.name ?? '',
      String(t.members.totalCount),
      t.members.nodes.map((m) => m.displayName).join('、'),
    ]);
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-teams-${today()}.csv`);
    expect(csv.rows[0]).toEqual(['队伍', '类别', '负责片区', '在队人数', '在队队员']);
    expect(csv.rows.slice(1)).toEqual(expected);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-teams locale="en"></huhang-teams>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-teams');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Police–enterprise teams');
    expect(await widget.locator('th', { hasText: 'Current members' }).count()).toBe(1);
    await widget.locator('select[name="kind"]').selectOption('COMMUNITY_MEMBER');
    expect(await widget.locator('label', { hasText: 'Name' }).count()).toBeGreaterThan(0);
    expect(await axeViolations(p)).toEqual([]);
  });
});
