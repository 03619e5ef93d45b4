import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-dispute-board>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('puts each dispute in its status lane and moves it with the API’s transitions', async () => {
    // One dispute in each of the first states, so that every lane has a card to act on.
    const { data } = await world.api.gql(`query ($park: ID) { enterprises(filter: { parkId: $park }, first: 1) { nodes { id } } }`, {
      park: world.parkId,
    });
    const record = await world.api.gql(`mutation ($input: RecordDisputeInput!) { recordDispute(input: $input) { dispute { id } } }`, {
      input: {
        parkId: world.parkId,
        enterpriseIds: [data.enterprises.nodes[0].id],
        category: 'WAGES',
        summary: '拖欠工资纠纷（测试）',
        identifiedOn: '2026-11-01',
      },
    });
    expect(record.errors).toBeUndefined();
    const id = record.data.recordDispute.dispute.id;

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-dispute-board></huhang-dispute-board>`);
    await signInThroughWidget(p);
    await settled(p);
    // Open disputes are all on the board; escalated and resolved ones of the last 90 days.
    const since = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const list = async (statuses: string[], from: string | null) =>
      (
        await world.api.gql(
          `query ($park: ID, $statuses: [DisputeStatus!], $from: LocalDate) {
            disputes(filter: { parkId: $park, statuses: $statuses, identifiedOn: { from: $from } }, first: 100) { nodes { id } } }`,
          { park: world.parkId, statuses, from },
        )
      ).data.disputes.nodes.map((d: any) => d.id);
    for (const [lane, from] of [
      ['IDENTIFIED', null],
      ['MEDIATING', null],
      ['ESCALATED', since],
      ['RESOLVED', since],
    ] as const) {
      const ids = await p
        .locator(`huhang-dispute-board [data-lane="${lane}"] [part="card"]`)
        .evaluateAll((c) => c.map((e) => e.getAttribute('data-id')));
      expect({ lane, ids: ids.sort() }).toEqual({ lane, ids: (await list([lane], from)).sort() });
    }

    const card = () => p.locator(`huhang-dispute-board [part="card"][data-id="${id}"]`);
    const status = async () =>
      (await world.api.gql(`query ($id: ID!) { node(id: $id) { ... on Dispute { status } } }`, { id })).data.node.status;
    expect(await p.locator(`huhang-dispute-board [data-lane="IDENTIFIED"] [data-id="${id}"]`).count()).toBe(1);
    await card().locator('button', { hasText: '开始调解' }).click();
    await p.locator(`huhang-dispute-board [data-lane="MEDIATING"] [data-id="${id}"]`).waitFor();
    expect(await status()).toBe('MEDIATING');
    // The live region says where it went, in words.
    expect(await p.locator('huhang-dispute-board [role="status"]').textContent()).toContain('已移至“调解中”');
    await card().locator('button', { hasText: '化解' }).press('Enter');
    await p.locator(`huhang-dispute-board [data-lane="RESOLVED"] [data-id="${id}"]`).waitFor();
    expect(await status()).toBe('RESOLVED');
    expect(await card().locator('button').allTextContents()).toEqual([expect.stringContaining('重新调解')]);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('exports the whole dispute register as CSV and Excel as the API gives it to the same user', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const expected: any[] = [];
    for (let after: string | null = null; ; ) {
      const page: any = (
        await asParkAdmin(
          `query ($after: String) { disputes(first: 100, after: $after) { pageInfo { hasNextPage endCursor }
            nodes { summary category status identifiedOn mediationStartedOn resolvedOn escalatedOn enterprises { name } zone { name }
              partiesCount amountInvolved escalationRisk } } }`,
          { after },
        )
      ).data.disputes;
      expected.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(0);
    const categories: Record<string, string> = {
      WAGES: '劳资纠纷',
      CONTRACT: '合同纠纷',
      WORK_INJURY: '工伤纠纷',
      LAND: '征地拆迁纠纷',
      LAND_TITLE: '土地权属纠纷',
      FAMILY: '家庭纠纷',
      NEIGHBOUR: '邻里纠纷',
      BUSINESS: '经营纠纷',
      OTHER: '其他纠纷',
    };
    const statuses: Record<string, string> = { IDENTIFIED: '已排查', MEDIATING: '调解中', ESCALATED: '已移交', RESOLVED: '已化解' };
    const risks: Record<string, string> = { CIVIL_TO_CRIMINAL: '“民转刑”风险', CRIMINAL_TO_HOMICIDE: '“刑转命”风险', NONE: '无' };
    const asCells = (d: any) => [
      d.summary,
      categories[d.category],
      statuses[d.status],
      d.identifiedOn,
      d.mediationStartedOn ?? '',
      d.resolvedOn ?? '',
      d.escalatedOn ?? '',
      d.enterprises.map((e: { name: string }) => e.name).join('、'),
      d.zone?.name ?? '',
      d.partiesCount,
      d.amountInvolved ?? '',
      risks[d.escalationRisk],
    ];

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-dispute-board></huhang-dispute-board>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-dispute-board');
    const [xlsx] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-xlsx-button"]').click()]);
    expect(xlsx.suggestedFilename()).toMatch(/^huhang-disputes-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('矛盾纠纷台账');
    const cells: unknown[][] = [];
    sheet.eachRow((row) => cells.push(Array.from({ length: 12 }, (_, i) => row.getCell(i + 1).value ?? '')));
    expect(cells[0]).toEqual([
      '纠纷概况',
      '纠纷类型',
      '状态',
      '排查日期',
      '开始调解',
      '化解日期',
      '移交日期',
      '涉及企业',
      '片区',
      '当事人数',
      '涉及金额（元）',
      '升级风险',
    ]);
    expect(cells.slice(1)).toEqual(expected.map(asCells));
    expect(await widget.locator('[role="status"]').textContent()).toContain(`已导出 ${expected.length} 件纠纷`);

    const [csv] = await Promise.all([p.waitForEvent('download'), widget.locator('[part="export-button"]').click()]);
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(expected.length + 1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
