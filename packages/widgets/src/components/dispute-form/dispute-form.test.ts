import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-dispute-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const disputesWith = async (summary: string) =>
    (
      await world.api.gql(
        `query ($park: ID) { disputes(filter: { parkId: $park }, first: 100) {
          nodes { id summary category status identifiedOn partiesCount amountInvolved escalationRisk park { id } team { id } enterprises { id } } } }`,
        { park: world.parkId },
      )
    ).data.disputes.nodes.filter((d: any) => d.summary === summary);

  it('records a dispute once across a lost answer; the board on the page shows it, and mediation can start from there', async () => {
    const p = await world.open(
      `<huhang-sign-in></huhang-sign-in><huhang-dispute-form></huhang-dispute-form><huhang-dispute-board></huhang-dispute-board>`,
    );
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-dispute-form');

    // As typed: an amount that is not one, and a party count of none, are refused beside their fields.
    await form.locator('input[name="amountInvolved"]').fill('十二万');
    await form.locator('input[name="amountInvolved"]').blur();
    expect(await form.locator('#f-amountInvolved-error').textContent()).toContain('请填写金额');
    await form.locator('input[name="partiesCount"]').fill('0');
    await form.locator('input[name="partiesCount"]').blur();
    expect(await form.locator('input[name="partiesCount"]').getAttribute('aria-invalid')).toBe('true');
    await form.locator('button[type="submit"]').click();
    expect(await p.evaluate(() => document.querySelector('huhang-dispute-form')!.shadowRoot!.activeElement?.getAttribute('name'))).toBe(
      'summary',
    );

    const summary = `两家企业因厂区通道使用发生争执 ${Date.now()}`;
    await form.locator('textarea[name="summary"]').fill(summary);
    await form.locator('select[name="category"]').selectOption('BUSINESS');
    await form.locator('input[name="partiesCount"]').fill('3');
    await form.locator('input[name="amountInvolved"]').fill('125000.50');
    await form.locator('select[name="escalationRisk"]').selectOption('CIVIL_TO_CRIMINAL');
    const enterprise = await form.locator('select[name="enterpriseId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="enterpriseId"]').selectOption(enterprise!);
    const team = await form.locator('select[name="teamId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="teamId"]').selectOption(team!);

    const network = await loseAnswers(p, 'RecordDispute');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    expect(await form.locator('textarea[name="summary"]').inputValue()).toBe(summary);
    expect(await disputesWith(summary)).toHaveLength(1);

    await network.restore();
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [dispute, ...more] = await disputesWith(summary);
    expect(more).toHaveLength(0);
    expect(dispute).toMatchObject({
      category: 'BUSINESS',
      status: 'IDENTIFIED',
      partiesCount: 3,
      escalationRisk: 'CIVIL_TO_CRIMINAL',
      park: { id: world.parkId },
      team: { id: team },
      enterprises: [{ id: enterprise }],
    });
    expect(Number(dispute.amountInvolved)).toBe(125000.5);

    // The board on the page has it in its first lane, and mediation starts from its card.
    const card = p.locator(`huhang-dispute-board [data-lane="IDENTIFIED"] [part="card"][data-id="${dispute.id}"]`);
    await card.waitFor();
    await card.locator('button', { hasText: '开始调解' }).click();
    await p.locator(`huhang-dispute-board [data-lane="MEDIATING"] [data-id="${dispute.id}"]`).waitFor();
    const after = await disputesWith(summary);
    expect(after[0].status).toBe('MEDIATING');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-dispute-form locale="en"></huhang-dispute-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-dispute-form');
    expect(await form.locator('[part="title"]').textContent()).toContain('Record a dispute');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-summary-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
