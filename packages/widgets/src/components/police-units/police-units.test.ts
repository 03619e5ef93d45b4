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

interface ApiUnit {
  id: string;
  name: string;
  kind: string;
  archivedAt: string | null;
  park: { id: string } | null;
  program: { id: string };
  zones: Array<{ id: string; name: string }>;
  officers: { totalCount: number };
}

describeInBrowser('<huhang-police-units>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const units = async (): Promise<ApiUnit[]> =>
    (
      await world.api.gql(
        `{ policeUnits(first: 100, filter: { includeArchived: true }) { nodes {
          id name kind archivedAt park { id } program { id } zones { id name } officers(first: 1) { totalCount } } } }`,
      )
    ).data.policeUnits.nodes;
  const zones = async (): Promise<Array<{ id: string; name: string }>> =>
    (await world.api.gql(`query ($park: ID!) { park(id: $park) { zones(first: 100) { nodes { id name } } } }`, { park: world.parkId })).data
      .park.zones.nodes;

  it('lists the units stationed in the park, then the county units, with zones and officers as the API has them; adds, renames, rezones and archives one', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-police-units></huhang-police-units>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-police-units');
    const active = (await units()).filter((u) => !u.archivedAt && u.program.id === world.programId);
    const expected = [...active.filter((u) => u.park?.id === world.parkId), ...active.filter((u) => !u.park)];
    expect(expected.length).toBeGreaterThan(3);
    expect(await widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      expected.map((u) => u.id),
    );
    for (const unit of expected) {
      const row = widget.locator(`tr[data-id="${unit.id}"]`);
      expect(await row.locator('td.number').textContent()).toBe(String(unit.officers.totalCount));
      expect((await row.locator('td.zones').textContent())!.trim()).toBe(
        unit.zones.length ? unit.zones.map((z) => z.name).join('、') : '未划片区',
      );
      expect((await row.locator('td').first().textContent())!.trim()).toBe(unit.park ? '本园区' : '县局');
    }

    // Name and kind are required, as typed.
    const form = widget.locator('form[aria-labelledby="unit-heading"]');
    await form.locator('button[type="submit"]').click();
    expect(await widget.locator('#f-name-error').count()).toBe(1);
    expect(await widget.locator('#f-kind-error').count()).toBe(1);

    const parkZones = await zones();
    const name = `物流园警务室 ${Date.now() % 100000}`;
    await form.locator('input[name="name"]').fill(name);
    await form.locator('select[name="kind"]').selectOption('WORKSTATION');
    await form.locator(`input[value="${parkZones[0]!.id}"]`).check();
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const made = (await units()).find((u) => u.name === name)!;
    expect(made).toMatchObject({ kind: 'WORKSTATION', park: { id: world.parkId }, zones: [{ id: parkZones[0]!.id }] });
    const row = widget.locator(`tr[data-id="${made.id}"]`);
    await row.waitFor();

    const renamed = `${name}（东）`;
    await row.locator('input[name="rename"]').fill(renamed);
    await row.locator('button', { hasText: '改名' }).click();
    await row.locator('th', { hasText: renamed }).waitFor();
    expect((await units()).find((u) => u.id === made.id)!.name).toBe(renamed);

    // Its zones: the first and the second.
    await row.locator('summary').click();
    await row.locator(`input[value="${parkZones[1]!.id}"]`).check();
    await row.locator('button', { hasText: '保存辖区' }).click();
    await row.locator('td.zones', { hasText: parkZones[1]!.name }).waitFor();
    expect(
      (await units())
        .find((u) => u.id === made.id)!
        .zones.map((z) => z.id)
        .sort(),
    ).toEqual([parkZones[0]!.id, parkZones[1]!.id].sort());

    expect(await axeViolations(p)).toEqual([]);

    // A unit with active officers stays, and the page says why.
    const staffed = expected.find((u) => u.park && u.officers.totalCount > 0)!;
    p.once('dialog', (dialog) => void dialog.accept());
    await widget.locator(`tr[data-id="${staffed.id}"] button`, { hasText: '归档' }).click();
    await widget.locator('p.field-error[role="alert"]', { hasText: '在岗民警' }).waitFor();
    expect((await units()).find((u) => u.id === staffed.id)!.archivedAt).toBeNull();

    p.once('dialog', (dialog) => void dialog.accept());
    await row.locator('button', { hasText: '归档' }).click();
    await row.waitFor({ state: 'detached' });
    expect((await units()).find((u) => u.id === made.id)!.archivedAt).not.toBeNull();
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain('已归档');
  });

  it('orders the units by name (pinyin) and by officers as the API counts them, each way, from the column headers', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-police-units></huhang-police-units>`);
    await signInThroughWidget(p);
    await settled(p);
    const active = (await units()).filter((u) => !u.archivedAt && u.program.id === world.programId);
    const listed = [...active.filter((u) => u.park?.id === world.parkId), ...active.filter((u) => !u.park)];
    expect(new Set(listed.map((u) => u.officers.totalCount)).size).toBeGreaterThan(1);
    await expectColumnSorting(p, 'huhang-police-units', listed, [
      { field: 'OFFICERS', key: (u) => u.officers.totalCount, first: 'DESC' },
      { field: 'NAME', key: (u) => u.name, first: 'ASC' },
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('exports the program’s units as CSV and Excel, equal to the API’s list for the same user', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const listed: Array<Record<string, any>> = (
      await asParkAdmin(
        `query ($program: ID!) { policeUnits(filter: { programId: $program }, first: 100) { pageInfo { hasNextPage }
          nodes { name kind specialism park { name } zones { name } officers(first: 1) { totalCount } } } }`,
        { program: world.programId },
      )
    ).data.policeUnits.nodes;
    expect(listed.length).toBeGreaterThan(3);
    const kinds: Record<string, string> = {
      STATION: '派出所',
      WORKSTATION: '警务站 / 警务室',
      BRANCH: '警种',
      MONITORING_CENTRE: '监控中心',
    };
    const expected = listed.map((u) => [
      u.name,
      kinds[u.kind]!,
      u.specialism ?? '',
      u.park?.name ?? '',
      u.zones.map((z: { name: string }) => z.name).join('、'),
      String(u.officers.totalCount),
    ]);
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-police-units></huhang-police-units>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-police-units');
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-police-units-${today()}.csv`);
    expect(csv.rows[0]).toEqual(['单位', '单位类型', '警种', '驻地', '辖区片区', '民警数']);
    expect(csv.rows.slice(1)).toEqual(expected);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-police-units locale="en"></huhang-police-units>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-police-units');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Police units');
    expect(await widget.locator('td', { hasText: 'This park' }).count()).toBeGreaterThan(0);
    // A park administrator adds units of the park only.
    expect(await widget.locator('input[name="inPark"]').count()).toBe(0);
    await widget.locator('select[name="kind"]').selectOption('BRANCH');
    expect(await widget.locator('input[name="specialism"]').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
