import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-recognition-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const recognitionsSaying = async (message: string) =>
    (
      await world.api.gql(
        `query ($park: ID) { recognitions(filter: { parkId: $park }, first: 100) {
          nodes { id kind message receivedOn enterprise { id } officer { id } unit { id } } } }`,
        { park: world.parkId },
      )
    ).data.recognitions.nodes.filter((r: { message: string }) => r.message === message);

  it('records a letter of thanks once across a lost answer, naming the officer', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-recognition-form></huhang-recognition-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-recognition-form');

    // No enterprise, and a day in the future: refused beside the fields.
    await form.locator('input[name="receivedOn"]').fill('2999-01-01');
    await form.locator('input[name="receivedOn"]').blur();
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-enterpriseId-error').count()).toBe(1);
    expect(await form.locator('#f-receivedOn-error').count()).toBe(1);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const message = `感谢民警帮助追回被骗货款 ${Date.now()}`;
    const enterprise = await form.locator('select[name="enterpriseId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="enterpriseId"]').selectOption(enterprise!);
    await form.locator('input[name="receivedOn"]').fill(today);
    await form.locator('input[type="radio"][value="LETTER"]').check();
    await form.locator('textarea[name="message"]').fill(message);
    const officer = await form.locator('select[name="officerId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="officerId"]').selectOption(officer!);

    const network = await loseAnswers(p, 'RecordRecognition');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    expect(await recognitionsSaying(message)).toHaveLength(1);

    await network.restore();
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [recognition, ...more] = await recognitionsSaying(message);
    expect(more).toHaveLength(0);
    expect(recognition).toMatchObject({
      kind: 'LETTER',
      receivedOn: today,
      enterprise: { id: enterprise },
      officer: { id: officer },
      unit: null,
    });
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-recognition-form locale="en"></huhang-recognition-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-recognition-form');
    expect(await form.locator('[part="title"]').textContent()).toContain('Record a pennant or letter of thanks');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-enterpriseId-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
