import { testCreditCode } from '../../../../api/src/test-support/mutations';
import { today } from '../../internal/period';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

type Row = { id: string; role: string; leftOn: string | null; parent: { id: string } | null; organisation: { id: string; name: string } };

describeInBrowser('<huhang-place-participants>', () => {
  let world: WidgetWorld;
  let sitesPark: string;
  let sitesProgram: string;

  beforeAll(async () => {
    world = await startWidgetWorld();
    const { data } = await world.api.gql(`{ programs(first: 10) { nodes { id name parks { nodes { id } } } } }`);
    const tianfu = data.programs.nodes.find((p: { name: string }) => p.name.includes('天府'));
    sitesProgram = tianfu.id;
    sitesPark = tianfu.parks.nodes[0].id;
  });
  afterAll(() => world?.close());

  const participantsOf = async (place: string): Promise<Row[]> =>
    (
      await world.api.gql(
        `query ($id: ID!) { placeParticipants(first: 100, filter: { enterpriseId: $id }) { nodes { id role leftOn parent { id } organisation { id name } } } }`,
        { id: place },
      )
    ).data.placeParticipants.nodes;

  it('shows a site’s builders nested under those they work under, as the API has them; records a work team on site, then leaving', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-place-participants></huhang-place-participants>`);
    await signInThroughWidget(p, 'tianfu-park');
    await settled(p);
    const widget = p.locator('huhang-place-participants');
    await widget.locator('[part="tree"]').waitFor();
    const place = await widget.locator('select#place').inputValue();
    const before = await participantsOf(place);
    const nesting = () =>
      widget.locator('li[part="participant"]').evaluateAll((items) =>
        items.map((li) => ({
          id: li.getAttribute('data-id'),
          role: li.getAttribute('data-role'),
          parent: li.parentElement?.closest('li[part="participant"]')?.getAttribute('data-id') ?? null,
        })),
      );
    const byId = (rows: Array<{ id: string | null }>) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(await nesting())).toEqual(byId(before.map((r) => ({ id: r.id, role: r.role, parent: r.parent?.id ?? null }))));
    // 总包负责制: the general contractor heads the tree, the others under it.
    expect((await nesting()).filter((r) => r.parent === null).map((r) => r.role)).toEqual(['GENERAL_CONTRACTOR']);
    const general = before.find((r) => r.role === 'GENERAL_CONTRACTOR' && !r.leftOn)!;

    // Nothing chosen: each required field says so; a work team needs the one it works under.
    await widget.locator('form[aria-label="登记单位进场"] button[type="submit"]').click();
    expect(await widget.locator('#f-organisationId-error').count()).toBe(1);
    await widget.locator('select[name="role"]').selectOption('WORK_TEAM');
    await widget.locator('form[aria-label="登记单位进场"] button[type="submit"]').click();
    expect(await widget.locator('#f-parentId-error').count()).toBe(1);

    // A work team of the register not at this site, under the general contractor.
    const register = (
      await world.api.gql(`query ($p: ID!) { organisations(first: 100, filter: { programId: $p }) { nodes { id name } } }`, {
        p: sitesProgram,
      })
    ).data.organisations.nodes as Array<{ id: string; name: string }>;
    const here = new Set(before.map((r) => r.organisation.id));
    const team = register.find((o) => !here.has(o.id) && o.name.includes('劳务'))!;
    await widget.locator('select[name="organisationId"]').selectOption(team.id);
    await widget.locator('select[name="parentId"]').selectOption(general.id);
    await widget.locator('form[aria-label="登记单位进场"] button[type="submit"]').click();
    await widget.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const added = (await participantsOf(place)).find((r) => r.organisation.id === team.id)!;
    expect(added).toMatchObject({ role: 'WORK_TEAM', leftOn: null, parent: { id: general.id } });
    const item = widget.locator(`li[part="participant"][data-id="${added.id}"]`);
    await item.waitFor();
    expect(await item.evaluate((li) => li.parentElement?.closest('li[part="participant"]')?.getAttribute('data-id'))).toBe(general.id);

    p.once('dialog', (dialog) => void dialog.accept());
    await item.locator('button', { hasText: '退场' }).click();
    await widget.locator(`li[data-id="${added.id}"] > div.gone`).waitFor();
    expect((await participantsOf(place)).find((r) => r.id === added.id)!.leftOn).toBe(today());
    expect(await widget.locator('p.sr-only[role="status"]').textContent()).toContain('已登记退场');
    // A park administrator does not add to the program's register.
    expect(await widget.locator('form[aria-label="登记新单位"]').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('lets a system administrator put an organisation on the register, with a wrong check character refused beside its field', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-config park="${sitesPark}"></huhang-config><huhang-place-participants></huhang-place-participants>`,
    );
    await signInThroughWidget(p, 'admin');
    await settled(p);
    const widget = p.locator('huhang-place-participants');
    const form = widget.locator('form[aria-label="登记新单位"]');
    await form.waitFor();
    const code = testCreditCode(7_800_001);
    const wrong = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    await form.locator('input[name="name"]').fill('锦华幕墙工程有限公司');
    await form.locator('input[name="creditCode"]').fill(wrong);
    await form.locator('button[type="submit"]').click();
    await widget.locator('#f-creditCode-error').waitFor();
    await form.locator('input[name="creditCode"]').fill(code);
    await form.locator('button[type="submit"]').click();
    await widget.locator('p.sr-only[role="status"]', { hasText: '锦华幕墙工程有限公司' }).waitFor();
    const register = (
      await world.api.gql(
        `query ($p: ID!) { organisations(first: 100, filter: { programId: $p, search: "锦华幕墙" }) { nodes { id creditCode } } }`,
        {
          p: sitesProgram,
        },
      )
    ).data.organisations.nodes;
    expect(register).toEqual([{ id: expect.any(String), creditCode: code }]);
    // The list of the participant form's choices is read again after the status is announced.
    const choice = widget.locator(`select[name="organisationId"] option[value="${register[0].id}"]`);
    await choice.waitFor({ state: 'attached' });
    expect(await choice.count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-place-participants locale="en"></huhang-place-participants>`);
    await signInThroughWidget(p, 'tianfu-park');
    await settled(p);
    const widget = p.locator('huhang-place-participants');
    await widget.locator('[part="tree"]').waitFor();
    expect(await widget.locator('[part="title"]').textContent()).toContain('Organisations on site');
    expect(await widget.locator('li[data-role="GENERAL_CONTRACTOR"] .role').first().textContent()).toBe('General contractor');
    expect(await axeViolations(p)).toEqual([]);
  });
});
