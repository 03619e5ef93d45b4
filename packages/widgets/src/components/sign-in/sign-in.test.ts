import { describeInBrowser, settled, signInThroughWidget, startWidgetWorld, type WidgetWorld } from '../../test-support/browser';

describeInBrowser('<huhang-sign-in>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it('signs in, tells a wrong password beside nothing it should not, and signs out; admin widgets follow', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-dispute-board></huhang-dispute-board>`);
    await settled(p);
    expect(await p.locator('huhang-dispute-board [part="signed-out"]').count()).toBe(1);

    // Required fields are checked before anything is sent.
    await p.locator('huhang-sign-in button[type="submit"]').click();
    expect(await p.locator('huhang-sign-in [part="field-error"]').count()).toBe(2);
    expect(await p.locator('huhang-sign-in input[name="username"]').getAttribute('aria-invalid')).toBe('true');

    await p.locator('huhang-sign-in input[name="username"]').fill('wengan-park');
    await p.locator('huhang-sign-in input[name="password"]').fill('wrong-password');
    await p.locator('huhang-sign-in input[name="password"]').press('Enter');
    await p.locator('huhang-sign-in [part="banner"]').filter({ hasText: '用户名或密码不正确' }).waitFor();
    // What was typed stays.
    expect(await p.locator('huhang-sign-in input[name="username"]').inputValue()).toBe('wengan-park');

    const signedIn = p.evaluate(
      () => new Promise<string>((resolve) => document.addEventListener('huhang-signed-in', (e) => resolve((e as any).detail.username))),
    );
    await signInThroughWidget(p);
    expect(await signedIn).toBe('wengan-park');
    expect(await p.locator('huhang-sign-in h2').textContent()).toContain('已登录');
    expect(await p.locator('huhang-sign-in [part="who"]').textContent()).toBe('wengan-park · 瓮安工业园区');
    await settled(p);
    expect(await p.locator('huhang-dispute-board [part="lane"]').count()).toBe(4);

    // The session lasts the tab: a reload stays signed in.
    await p.reload();
    await settled(p);
    expect(await p.locator('huhang-dispute-board [part="lane"]').count()).toBe(4);

    await p.locator('huhang-sign-in button.secondary').click();
    await p.locator('huhang-sign-in input[name="username"]').waitFor();
    expect(await p.locator('huhang-dispute-board [part="signed-out"]').count()).toBe(1);
  });

  it('says beside the username who the user is: the officer record, the parks or the programs', async () => {
    const { data } = await world.api.gql(`{ users(first: 100) { nodes { username officer { name } programs { name } } } }`);
    const of = (username: string) => data.users.nodes.find((u: any) => u.username === username);
    for (const [username, who] of [
      ['wengan-officer', `wengan-officer · ${of('wengan-officer').officer.name}`],
      [
        'wengan-bureau',
        `wengan-bureau · ${of('wengan-bureau')
          .programs.map((g: any) => g.name)
          .join('、')}`,
      ],
    ]) {
      const p = await world.open(`<huhang-sign-in></huhang-sign-in>`);
      await signInThroughWidget(p, username);
      expect(await p.locator('huhang-sign-in [part="who"]').textContent()).toBe(who);
    }
  });
});
