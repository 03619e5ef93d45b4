import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-engagement-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const engagementsTitled = async (title: string) =>
    (
      await world.api.gql(
        `query ($park: ID) { engagements(filter: { parkId: $park }, first: 100) {
          nodes { id type title heldOn attendees organizer { id } park { id } enterprises { id } } } }`,
        { park: world.parkId },
      )
    ).data.engagements.nodes.filter((e: { title: string }) => e.title === title);

  /** The park's count of quarterly meetings this year, as the service figures give it. */
  const quarterlyMeetings = async () => {
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    const { data } = await world.api.gql(
      `query ($scope: ID!, $year: Int!) { serviceStatistics(scope: $scope, period: { year: $year }) { figures { key value { value } } } }`,
      { scope: world.parkId, year },
    );
    return data.serviceStatistics.figures.find((f: { key: string }) => f.key === 'engagements.QUARTERLY_MEETING').value.value as number;
  };

  it('records an engagement once across a lost answer, with its enterprises, and the service figures count it', async () => {
    const before = await quarterlyMeetings();
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-engagement-form></huhang-engagement-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-engagement-form');

    // Nothing chosen: refused beside the fields, and the first of them has the focus.
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-type-error').count()).toBe(1);
    expect(await form.locator('#f-title-error').count()).toBe(1);
    expect(await p.evaluate(() => document.querySelector('huhang-engagement-form')!.shadowRoot!.activeElement?.getAttribute('name'))).toBe(
      'type',
    );
    await form.locator('input[name="attendees"]').fill('-3');
    await form.locator('input[name="attendees"]').blur();
    expect(await form.locator('input[name="attendees"]').getAttribute('aria-invalid')).toBe('true');

    const title = `第四季度警企恳谈会 ${Date.now()}`;
    await form.locator('select[name="type"]').selectOption('QUARTERLY_MEETING');
    await form.locator('input[name="title"]').fill(title);
    await form.locator('input[name="attendees"]').fill('45');
    const organizer = await form.locator('select[name="organizerId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="organizerId"]').selectOption(organizer!);
    const boxes = form.locator('fieldset input[type="checkbox"]');
    const chosen = [await boxes.nth(0).getAttribute('value'), await boxes.nth(2).getAttribute('value')];
    await boxes.nth(0).check();
    await boxes.nth(2).check();

    const network = await loseAnswers(p, 'RecordEngagement');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    expect(await form.locator('input[name="title"]').inputValue()).toBe(title);
    expect(await engagementsTitled(title)).toHaveLength(1);

    await network.restore();
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const [engagement, ...more] = await engagementsTitled(title);
    expect(more).toHaveLength(0);
    expect(engagement).toMatchObject({
      type: 'QUARTERLY_MEETING',
      attendees: 45,
      organizer: { id: organizer },
      park: { id: world.parkId },
    });
    expect(engagement.enterprises.map((e: { id: string }) => e.id).sort()).toEqual([...chosen].sort());
    expect(await quarterlyMeetings()).toBe(before + 1);
    expect(await axeViolations(p)).toEqual([]);
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-engagement-form locale="en"></huhang-engagement-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-engagement-form');
    expect(await form.locator('[part="title"]').textContent()).toContain('Record an engagement');
    expect(await form.locator('select[name="type"] option', { hasText: 'Quarterly police–enterprise meeting' }).count()).toBe(1);
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('#f-title-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
