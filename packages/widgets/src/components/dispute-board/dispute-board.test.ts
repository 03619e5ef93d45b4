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
});
