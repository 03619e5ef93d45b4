import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-service-request-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  /** The park's requests with this description, read back as the system administrator. */
  const requestsWith = async (description: string) =>
    (
      await world.api.gql(
        `query ($park: ID) { serviceRequests(filter: { parkId: $park }, first: 100) {
          nodes { id description kind channel status receivedAt dueAt enterprise { id } } } }`,
        { park: world.parkId },
      )
    ).data.serviceRequests.nodes.filter((r: any) => r.description === description);

  it('validates as typed, keeps what was typed when the network fails, receives the request once, and the API has it with its time limit', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-service-request-form></huhang-service-request-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-service-request-form');

    // Submitting with nothing chosen sends nothing and puts the focus on the first field.
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('[part="banner"]').textContent()).toContain('项需要修改');
    expect(
      await p.evaluate(() => document.querySelector('huhang-service-request-form')!.shadowRoot!.activeElement?.getAttribute('name')),
    ).toBe('enterpriseId');
    expect(await form.locator('#f-description-error').count()).toBe(1);
    // Appointments are booked with their time elsewhere; every other channel is offered.
    const channels = await form.locator('select[name="channel"] option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
    expect(channels).toEqual(['', 'ONLINE', 'NEARBY', 'DOORSTEP', 'CROSS_PROVINCE', 'ENTRUSTED']);

    const enterprise = await form.locator('select[name="enterpriseId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="enterpriseId"]').selectOption(enterprise!);
    await form.locator('select[name="kind"]').selectOption('VEHICLE_ACCESS');
    await form.locator('select[name="channel"]').selectOption('DOORSTEP');
    await form.locator('select[name="source"]').selectOption('WECHAT_GROUP');
    const description = `危化品运输车辆进园通行证 ${Date.now()}`;
    await form.locator('textarea[name="description"]').fill(description);
    await form.locator('input[name="complex"]').check();

    // The network fails after the API has received it: the answer is lost, nothing typed is.
    const network = await loseAnswers(p, 'ReceiveServiceRequest');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    expect(await form.locator('textarea[name="description"]').inputValue()).toBe(description);
    expect(await requestsWith(description)).toHaveLength(1);

    // The retry sends the same key and the same time received: the API answers with the first request.
    await network.restore();
    const received = p.evaluate(
      () =>
        new Promise<string>((resolve) =>
          document.addEventListener('huhang-service-request-received', (e) => resolve((e as any).detail.id)),
        ),
    );
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const requests = await requestsWith(description);
    expect(requests).toHaveLength(1);
    expect(await received).toBe(requests[0].id);
    expect(requests[0]).toMatchObject({ kind: 'VEHICLE_ACCESS', channel: 'DOORSTEP', status: 'RECEIVED', enterprise: { id: enterprise } });
    // A complex request's limit is 7 working days: at least 9 calendar days after it was received.
    const days = (Date.parse(requests[0].dueAt) - Date.parse(requests[0].receivedAt)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(9);
    expect(await form.locator('textarea[name="description"]').inputValue()).toBe('');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-service-request-form locale="en"></huhang-service-request-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-service-request-form');
    expect(await form.locator('[part="title"]').textContent()).toContain('Receive an enterprise request');
    expect(await form.locator('select[name="source"] option[value="WALK_IN"]').textContent()).toBe('Walk-in');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-kind-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
