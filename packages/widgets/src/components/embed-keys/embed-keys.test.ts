import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../../test-support/browser';
import { downloadCsv, downloadXlsx } from '../../test-support/downloads';
import { today } from '../../internal/period';

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
    // The snippet shows at once; the list, read again after it, then has the new key's row.
    await widget.locator(`tr[data-id="${made.id}"]`).waitFor();
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

  it('exports every key of the park administrator, revoked ones too, as CSV and Excel, equal to the API’s list and without the keys', async () => {
    const asParkAdmin = world.api.as({ token: await world.api.signIn('wengan-park', 'Huhang-demo-2026') });
    const made = await asParkAdmin(
      `mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key embedKey { id version } } }`,
      {
        input: {
          name: `园区公众号 ${Date.now()}`,
          scope: world.parkId,
          allowedOrigins: ['https://a.example.gov.cn', 'https://*.example.cn'],
        },
      },
    );
    expect(made.errors).toBeUndefined();
    const { key, embedKey } = made.data.createEmbedKey;
    const revoked = await asParkAdmin(
      `mutation ($input: EmbedKeyStepInput!) { revokeEmbedKey(input: $input) { embedKey { revokedAt } } }`,
      {
        input: { id: embedKey.id, version: embedKey.version },
      },
    );
    expect(revoked.errors).toBeUndefined();
    const listed = (
      await asParkAdmin(
        `{ embedKeys(first: 100) { nodes { name prefix program { name } park { name } allowedOrigins createdAt lastUsedAt revokedAt } } }`,
      )
    ).data.embedKeys.nodes as Array<Record<string, any>>;
    expect(listed.some((k) => k.revokedAt)).toBe(true);
    const beijing = (iso: string | null) =>
      iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '';

    const p = await world.open(`<huhang-sign-in></huhang-sign-in><huhang-embed-keys></huhang-embed-keys>`);
    await signInThroughWidget(p);
    await settled(p);
    const widget = p.locator('huhang-embed-keys');
    const csv = await downloadCsv(p, widget);
    expect(csv.filename).toBe(`huhang-embed-keys-${today()}.csv`);
    expect(csv.rows).toEqual([
      ['用途', '密钥前缀', '所属项目', '园区', '允许的网页来源', '创建时间', '最近使用', '停用时间'],
      ...listed.map((k) => [
        k.name,
        k.prefix,
        k.program.name,
        k.park?.name ?? '',
        k.allowedOrigins.join('、'),
        beijing(k.createdAt),
        beijing(k.lastUsedAt),
        beijing(k.revokedAt),
      ]),
    ]);
    // Only the prefix: the key itself is nowhere in the file.
    expect(JSON.stringify(csv.rows)).not.toContain(key);
    const xlsx = await downloadXlsx(p, widget);
    expect(xlsx.sheet).toBe('嵌入密钥');
    expect(xlsx.rows).toEqual(csv.rows);
    expect(await axeViolations(p)).toEqual([]);
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
