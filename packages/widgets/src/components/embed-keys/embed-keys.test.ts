import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';

describeInBrowser('<huhang-embed-keys>', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  const keysNamed = async (name: string) =>
    (
      await world.api.gql(`{ embedKeys(first: 100) { nodes { id name prefix allowedOrigins revokedAt park { id } } } }`)
    ).data.embedKeys.nodes.filter((k: any) => k.name === name);

  it('makes a key whose pasted snippet shows the park’s figures on an allowed page, and revokes it', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-embed-keys></huhang-embed-keys>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-embed-keys');
    const origin = new URL(p.url()).origin;
    // The park has no key of its own yet (the demo's key is the program's): the list says so.
    expect(await widget.locator('[data-empty]').textContent()).toContain('还没有嵌入密钥');

    // An origin with a path is refused as typed, beside the field.
    await widget.locator('textarea[name="allowedOrigins"]').fill(`${origin}/portal.html`);
    await widget.locator('textarea[name="allowedOrigins"]').blur();
    expect(await widget.locator('#f-allowedOrigins-error').textContent()).toContain('不是网页来源');

    const name = `县政府门户网站 ${Date.now()}`;
    await widget.locator('input[name="name"]').fill(name);
    await widget.locator('textarea[name="allowedOrigins"]').fill(`${origin}\nhttps://*.example.gov.cn`);
    await widget.locator('button[type="submit"]').click();
    const snippet = widget.locator('[part="snippet"] textarea');
    await snippet.waitFor();
    const text = await snippet.inputValue();
    const [made] = await keysNamed(name);
    expect(made).toMatchObject({ allowedOrigins: [origin, 'https://*.example.gov.cn'], park: { id: world.parkId }, revokedAt: null });
    const key = /key="([^"]+)"/.exec(text)![1]!;
    expect(key.startsWith(made.prefix)).toBe(true);
    expect(text).toBe(
      `<script type="module" src="${origin}/widgets/huhang.js"></script>\n` +
        `<huhang-config key="${key}" park="${world.parkId}" endpoint="${origin}/graphql"></huhang-config>`,
    );
    expect(await widget.locator(`tr[data-id="${made.id}"]`).count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);

    // The two lines, pasted into a page of the allowed origin, give a public widget the park's figures.
    const portal = await world.open(`${text}\n<huhang-park-overview></huhang-park-overview>`);
    await settled(portal);
    expect(await portal.locator('huhang-park-overview [part="error"]').count()).toBe(0);
    expect(await portal.locator('huhang-park-overview [part="title"]').textContent()).toContain('瓮安');

    // Revoked after a confirmation: the API has it revoked and the row says so.
    p.once('dialog', (dialog) => void dialog.accept());
    await widget.locator(`tr[data-id="${made.id}"] button`, { hasText: '停用' }).click();
    await widget.locator(`tr[data-id="${made.id}"][data-revoked="true"]`).waitFor();
    expect((await keysNamed(name))[0].revokedAt).not.toBeNull();
  });

  it('reads in English and passes axe', async () => {
    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-embed-keys locale="en"></huhang-embed-keys>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-embed-keys');
    expect(await widget.locator('[part="title"]').textContent()).toContain('Embed keys');
    await widget.locator('button[type="submit"]').click();
    expect(await widget.locator('#f-name-error').count()).toBe(1);
    expect(await axeViolations(p)).toEqual([]);
  });
});
