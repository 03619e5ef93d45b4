import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  waitForListed,
  type WidgetWorld,
} from '../../test-support/browser';
import { today } from '../../internal/period';
import { downloadCsv, downloadXlsx } from '../../test-support/downloads';

describeInBrowser('<huhang-hazard-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('reports a hazard, which the API then holds, and confirms its rectification', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-hazard-form></huhang-hazard-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-hazard-form');
    const description = `危化品仓库灭火器过期 ${Date.now()}`;
    await form.locator('select[name="enterpriseId"]').selectOption({ index: 1 });
    await form.locator('textarea[name="description"]').fill(description);
    await form.locator('input[name="place"]').fill('2 号仓库');
    // A deadline before the day found is refused as typed, beside the deadline.
    await form.locator('input[name="deadline"]').fill('2000-01-01');
    await form.locator('input[name="deadline"]').blur();
    expect(await form.locator('#f-deadline-error').textContent()).toContain('不能早于“发现日期”');
    const deadline = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.locator('input[name="deadline"]').fill(deadline);
    expect(await form.locator('#f-deadline-error').count()).toBe(0);
    await form.locator('form button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();

    const open = form.locator('[part="open-hazard"]', { hasText: description });
    await open.waitFor();
    const id = await open.getAttribute('data-id');
    const hazard = async () =>
      (await world.api.gql(`query ($id: ID!) { node(id: $id) { ... on Hazard { state description place deadline rectifiedOn } } }`, { id }))
        .data.node;
    expect(await hazard()).toMatchObject({ state: 'OPEN', description, place: '2 号仓库', deadline });

    await open.locator('button').click();
    await open.waitFor({ state: 'detached' });
    expect(await hazard()).toMatchObject({ state: 'RECTIFIED', rectifiedOn: today() });
    expect(await form.locator('p.sr-only[role="status"]').textContent()).toContain('已确认整改完成');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('marks a major hazard as major in the open list, in words and not by colour alone', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-hazard-form></huhang-hazard-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-hazard-form');
    const description = `液氯储罐区安全距离不足 ${Date.now()}`;
    await form.locator('select[name="enterpriseId"]').selectOption({ index: 1 });
    await form.locator('select[name="severity"]').selectOption('MAJOR');
    await form.locator('textarea[name="description"]').fill(description);
    await form.locator('input[name="deadline"]').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await form.locator('form button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const major = form.locator('[part="open-hazard"]', { hasText: description });
    await major.waitFor();
    expect(await major.getAttribute('data-severity')).toBe('MAJOR');
    expect((await major.locator('[part="major-badge"]').textContent())!.trim()).toBe('⚠ 重大隐患');
    // An ordinary one carries no such mark.
    const general = form.locator('[part="open-hazard"][data-severity="GENERAL"]').first();
    if ((await general.count()) > 0) expect(await general.locator('[part="major-badge"]').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);
    // Only the major ones, as the API lists them.
    const { hazards } = (
      await world.api.gql(
        `query ($park: ID) { hazards(filter: { parkId: $park, states: [OPEN, OVERDUE], severities: [MAJOR] }, first: 50) { nodes { id } } }`,
        { park: world.parkId },
      )
    ).data;
    await form.locator('input[name="majorOnly"]').check();
    await waitForListed(
      p,
      'huhang-hazard-form',
      '[part="open-hazard"]',
      hazards.nodes.map((h: { id: string }) => h.id),
    );
    expect(await form.locator('[part="open-hazard"][data-severity="GENERAL"]').count()).toBe(0);
  });

  it('exports every open hazard the park administrator may read, as CSV and Excel, equal to the API’s list for the same user', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const hazards: Array<Record<string, any>> = [];
    for (let after: string | null = null; ; ) {
      const page: any = (
        await asParkAdmin(
          `query ($after: String) { hazards(filter: { states: [OPEN, OVERDUE] }, first: 100, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { description severity state source place foundOn deadline enterprise { name } zone { name } } } }`,
          { after },
        )
      ).data.hazards;
      hazards.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(hazards.length).toBeGreaterThan(0);
    const words = {
      severity: { GENERAL: '一般隐患', MAJOR: '重大隐患' } as Record<string, string>,
      state: { OPEN: '整改中', OVERDUE: '已逾期' } as Record<string, string>,
      source: { INSPECTION: '专项检查', PATROL: '巡逻', VISIT: '走访', REPORT: '群众举报' } as Record<string, string>,
    };
    const expected = hazards.map((h) => [
      h.description,
      words.severity[h.severity],
      words.state[h.state],
      words.source[h.source],
      h.enterprise?.name ?? '',
      h.zone?.name ?? '',
      h.place,
      h.foundOn,
      h.deadline,
    ]);

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-hazard-form></huhang-hazard-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-hazard-form');
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-open-hazards-${today()}.csv`);
    expect(csv.rows[0]).toEqual([
      '隐患描述',
      '隐患等级',
      '整改状态',
      '发现途径',
      '所在企业',
      '所在片区',
      '具体位置',
      '发现日期',
      '整改期限',
    ]);
    expect(csv.rows.slice(1)).toEqual(expected);
    expect(await widget.locator('[role="status"]').textContent()).toContain(`已导出 ${expected.length} 行`);

    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.sheet).toBe('待整改隐患台账');
    expect(xlsx.rows).toEqual(csv.rows);

    // Only major ones, when the list shows only those.
    await widget.locator('input[name="majorOnly"]').check();
    await settled(p);
    const major = await downloadCsv(p, widget);
    expect(major.rows.slice(1)).toEqual(expected.filter((row) => row[1] === '重大隐患'));
    expect(await axeViolations(p)).toEqual([]);
  });
});
