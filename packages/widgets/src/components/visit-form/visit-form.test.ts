import {
  axeViolations,
  describeInBrowser,
  loseAnswers,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { today } from '../../internal/period';

describeInBrowser('<huhang-visit-form>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  /** The enterprise's visits with these findings, read back as the system administrator. */
  const visitsWith = async (findings: string, enterpriseId: string) =>
    (
      await world.api.gql(
        `query ($id: ID!) { visits(filter: { enterpriseId: $id }, first: 100) { nodes { id findings visitedOn activities enterprise { id } officer { id } } } }`,
        { id: enterpriseId },
      )
    ).data.visits.nodes.filter((v: any) => v.findings === findings);

  it('has the liaison officer who signs in on the page chosen as the visitor at once, and keeps what they choose instead', async () => {
    const { data } = await world.api.gql(`{ users(first: 100) { nodes { username officer { id } } } }`);
    const own = data.users.nodes.find((u: any) => u.username === 'wengan-officer').officer.id as string;
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-visit-form></huhang-visit-form>`);
    await signInThroughWidget(p, 'wengan-officer');
    await settled(p);
    const officer = p.locator('huhang-visit-form select[name="officerId"]');
    expect(await officer.inputValue()).toBe(own);
    // The officer reads only their own record. Put back to none by hand, it stays so while the form is drawn again.
    expect(await officer.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['', own]);
    await officer.selectOption('');
    await officer.blur();
    await p.locator('huhang-visit-form textarea[name="findings"]').fill('再次绘制');
    expect(await officer.inputValue()).toBe('');
  });

  it('validates as the user types, shows the API’s field error beside the field, keeps what was typed when the network fails, and saves once', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-visit-form></huhang-visit-form>`);
    await signInThroughWidget(p);
    await settled(p);
    const form = p.locator('huhang-visit-form');

    // As typed: a date in the future is refused beside the date field.
    const date = form.locator('input[name="visitedOn"]');
    await date.fill('2999-01-01');
    await date.blur();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await form.locator('#f-visitedOn-error').textContent()).toContain('日期不能晚于今天');
    expect(await date.getAttribute('aria-describedby')).toBe('f-visitedOn-error');

    // Submitting with fields missing sends nothing and puts the focus on the first one.
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('[part="banner"]').textContent()).toContain('项需要修改');
    expect(await p.evaluate(() => document.querySelector('huhang-visit-form')!.shadowRoot!.activeElement?.getAttribute('name'))).toBe(
      'enterpriseId',
    );

    const enterprise = await form.locator('select[name="enterpriseId"] option').nth(1).getAttribute('value');
    const officer = await form.locator('select[name="officerId"] option').nth(1).getAttribute('value');
    await form.locator('select[name="enterpriseId"]').selectOption(enterprise!);
    await form.locator('select[name="officerId"]').selectOption(officer!);
    await form.locator('input[value="SAFETY_INSPECTION"]').check();
    await form.locator('input[value="REQUEST_COLLECTION"]').check();
    const findings = `消防通道堵塞，已当场督促清理 ${Date.now()}`;
    await form.locator('textarea[name="findings"]').fill(findings);

    // The API's own check: a visit before the enterprise joined. Its message lands beside the date.
    await date.fill('2000-01-01');
    await form.locator('button[type="submit"]').click();
    await form.locator('#f-visitedOn-error').filter({ hasText: '早于企业纳入服务日期' }).waitFor();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await visitsWith(findings, enterprise!)).toHaveLength(0);

    // The network fails after the API has written the visit: the answer is lost.
    await date.fill(today());
    const network = await loseAnswers(p, 'RecordVisit');
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '网络连接失败' }).waitFor();
    expect(network.lost()).toBe(1);
    // Nothing typed was lost.
    expect(await form.locator('textarea[name="findings"]').inputValue()).toBe(findings);
    expect(await form.locator('select[name="enterpriseId"]').inputValue()).toBe(enterprise);
    expect(await form.locator('input[value="REQUEST_COLLECTION"]').isChecked()).toBe(true);
    expect(await visitsWith(findings, enterprise!)).toHaveLength(1);

    // Back online, the retry sends the same idempotency key: the API answers with the first visit.
    await network.restore();
    const saved = p.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('huhang-visit-saved', (e) => resolve((e as any).detail.id))),
    );
    await form.locator('button[type="submit"]').click();
    await form.locator('[part="banner"]').filter({ hasText: '已保存' }).waitFor();
    const visits = await visitsWith(findings, enterprise!);
    expect(visits).toHaveLength(1);
    expect(await saved).toBe(visits[0].id);
    expect(visits[0]).toMatchObject({
      visitedOn: today(),
      activities: expect.arrayContaining(['SAFETY_INSPECTION', 'REQUEST_COLLECTION']),
      enterprise: { id: enterprise },
      officer: { id: officer },
    });
    // The form is ready for the next visit.
    expect(await form.locator('textarea[name="findings"]').inputValue()).toBe('');
    expect(await axeViolations(p)).toEqual([]);
  });
});
