import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-incident-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const incidentsAbout = async (summary: string) =>
    (
      await world.api.gql(
        `query ($park: ID) { incidents(filter: { parkId: $park }, first: 100) {
          nodes { id type summary outcome quickResponse receivedAt dispatchedAt arrivedAt closedAt responseMinutes
                  enterprise { id } zone { id } park { id } jointUnits { id } } } }`,
        { park: world.parkId },
      )
    ).data.incidents.nodes.filter((i: { summary: string }) => i.summary === summary);

  /** A Beijing wall-clock time `minutes` ago, as a datetime-local value. */
  const beijingAgo = (minutes: number) => new Date(Date.now() + 8 * 3_600_000 - minutes * 60_000).toISOString().slice(0, 16);
  /** The instant of such a value. */
  const instant = (local: string) => new Date(`${local}:00+08:00`).toISOString();

  it('records an incident and its timeline once across a lost answer, refuses a step before the one before it, and tells the response time', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-incident-form></huhang-incident-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-incident-form');

    const received = beijingAgo(120);
    const dispatched = beijingAgo(115);
    const arrived = beijingAgo(103);
    const closed = beijingAgo(40);
    await form.locator('select[name="type"]').selectOption('THEFT');
    await form.locator('input[name="receivedAt"]').fill(received);
    await form.locator('input[name="dispatchedAt"]').fill(dispatched);
    // Arrival before dispatch is refused beside the field, as typed.
    await form.locator('input[name="arrivedAt"]').fill(beijingAgo(118));
    await form.locator('input[name="arrivedAt"]').blur();
    expect(await form.locator('#f-arrivedAt-error').textContent()).toContain('不能早于“派警时间”');
    await form.locator('input[name="arrivedAt"]').fill(arrived);
    await form.locator('input[name="closedAt"]').fill(closed);
    await form.locator('input[name="closedAt"]').blur();
    expect(await form.locator('#f-arrivedAt-error').count()).toBe(0);

    const summary = `仓库夜间失窃电缆一批 ${Date.now()}`;
    const enterprise = await form.locator('select[name="enterpriseId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="enterpriseId"]').selectOption(enterprise!);
    await form.locator('input[name="quickResponse"]').check();
    const joint = await form.locator('fieldset input[type="checkbox"]').first().getAttribute('value');
    await form.locator('fieldset input[type="checkbox"]').first().check();
    await form.locator('textarea[name="summary"]').fill(summary);
    await form.locator('textarea[name="outcome"]').fill('已抓获嫌疑人 2 名，追回电缆');

    const network = await loseAnswers(p, 'RecordIncident');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    expect(await form.locator('textarea[name="summary"]').inputValue()).toBe(summary);
    expect(await incidentsAbout(summary)).toHaveLength(1);

    await network.restore();
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [incident, ...more] = await incidentsAbout(summary);
    expect(more).toHaveLength(0);
    expect(incident).toMatchObject({
      type: 'THEFT',
      quickResponse: true,
      receivedAt: instant(received),
      dispatchedAt: instant(dispatched),
      arrivedAt: instant(arrived),
      closedAt: instant(closed),
      enterprise: { id: enterprise },
      park: { id: world.parkId },
      jointUnits: [{ id: joint }],
      outcome: '已抓获嫌疑人 2 名，追回电缆',
    });
    // 17 minutes from the report to arrival, as the API works it out and the form says.
    expect(incident.responseMinutes).toBe(17);
    expect(await form.locator('[part="response"]').textContent()).toContain('用时 17 分钟');
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-incident-form locale="en"></huhang-incident-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-incident-form');
    expect(await form.locator('[part="title"]').textContent()).toContain('Record an incident');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-type-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
