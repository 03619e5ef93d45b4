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

describeInBrowser('<huhang-zones>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const zonesOfPark = async () =>
    (
      await world.api.gql(
        `query ($park: ID!) { park(id: $park) { zones(first: 100) { nodes { id name archivedAt enterprises(first: 1) { totalCount } } } } }`,
        {
          park: world.parkId,
        },
      )
    ).data.park.zones.nodes as Array<{ id: string; name: string; archivedAt: string | null; enterprises: { totalCount: number } }>;

  it('lists the park’s zones with their enterprises as the API counts them, adds, renames and archives one', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-zones></huhang-zones>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-zones');
    const before = (await zonesOfPark()).filter((z) => !z.archivedAt);
    expect(await widget.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')))).toEqual(
      before.map((z) => z.id),
    );
    for (const zone of before) {
      expect(await widget.locator(`tr[data-id="${zone.id}"] td.number`).textContent()).toBe(String(zone.enterprises.totalCount));
    }

    // A name is required, as typed.
    await widget.locator('form button[type="submit"]').click();
    expect(await widget.locator('#f-name-error').count()).toBe(1);

    const name = `物流片区 ${Date.now() % 100000}`;
    await widget.locator('input[name="name"]').fill(name);
    await widget.locator('form button[type="submit"]').click();
    await widget.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const made = (await zonesOfPark()).find((z) => z.name === name)!;
    expect(made).toMatchObject({ archivedAt: null, enterprises: { totalCount: 0 } });
    const row = widget.locator(`tr[data-id="${made.id}"]`);
    await row.waitFor();

    const renamed = `${name}（东区）`;
    await row.locator('input[name="rename"]').fill(renamed);
    await row.locator('button', { hasText: '改名' }).click();
    await widget.locator(`tr[data-id="${made.id}"] th`, { hasText: renamed }).waitFor();
    expect((await zonesOfPark()).find((z) => z.id === made.id)!.name).toBe(renamed);

    p.once('dialog', (dialog) => void dialog.accept());
    await widget.locator(`tr[data-id="${made.id}"] button`, { hasText: '归档' }).click();
    await widget.locator(`tr[data-id="${made.id}"]`).waitFor({ state: 'detached' });
    expect((await zonesOfPark()).find((z) => z.id === made.id)?.archivedAt ?? 'gone').not.toBeNull();
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain('已归档');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('orders the zones by name (pinyin) and by enterprises as the API counts them, each way, from the column headers', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-zones></huhang-zones>`);
    await signInThroughWidget(p);
    await settled(p);
    const zones = (await zonesOfPark()).filter((z) => !z.archivedAt);
    expect(new Set(zones.map((z) => z.enterprises.totalCount)).size).toBeGreaterThan(1);
    await expectColumnSorting(p, 'huhang-zones', zones, [
      { field: 'ENTERPRISES', key: (z) => z.enterprises.totalCount, first: 'DESC' },
      { field: 'NAME', key: (z) => z.name, first: 'ASC' },
    ]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('exports the park’s zones with their enterprises as CSV and Excel, equal to the API’s list', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-zones></huhang-zones>`);
    await signInThroughWidget(p);
    await settled(p);
    const zones = (await zonesOfPark()).filter((z) => !z.archivedAt);
    const widget = p.locator('huhang-zones');
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-zones-${today()}.csv`);
    expect(csv.rows).toEqual([['片区名称', '企业数'], ...zones.map((z) => [z.name, String(z.enterprises.totalCount)])]);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-zones locale="en"></huhang-zones>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-zones');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Zones');
    expect(await widget.locator('th', { hasText: 'Enterprises' }).count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
