import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countOperations, describeInBrowser, settled, startWidgetWorld, type WidgetWorld } from './test-support/browser';
import { publishSnapshot, snapshotKey } from '../../api/src/snapshot/publish';
import { createSchema } from '../../api/src/schema';
import { parseGlobalId } from '../../api/src/shared/graphql/global-id';
import { parsePeriod, today } from './internal/period';
import { formatNumber } from './internal/format';

/**
 * Public widgets on a portal that cannot reach the API: they read the signed files of
 * `npm run publish:snapshot` from a static URL, check each signature, and refuse what does not hold.
 */
describeInBrowser('public widgets reading a signed snapshot', () => {
  let world: WidgetWorld;
  let dir: string;
  let publicKey: string;
  const month = parsePeriod('last-month')!.month!;
  /** Whether the snapshot's files are served as published or with one figure changed. */
  let tampered = false;

  beforeAll(async () => {
    world = await startWidgetWorld();
    dir = mkdtempSync(join(tmpdir(), 'huhang-snapshot-page-'));
    const key = snapshotKey(join(dir, 'key.pem'), true);
    publicKey = key.publicKey;
    await publishSnapshot({
      orm: world.api.orm,
      schema: await createSchema(),
      programId: parseGlobalId(world.programId, 'programId').id,
      out: join(dir, 'site'),
      key,
      today: today(),
    });
  }, 180_000);

  afterAll(async () => {
    await world?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = async () => {
    const page =
      await world.open(`<huhang-config snapshot="/published/" snapshot-key="${publicKey}" park="${world.parkId}" period="${month}"></huhang-config>
      <huhang-compliance-scorecard></huhang-compliance-scorecard>`);
    // The portal's static files: the snapshot's directory, served as is or with a figure changed.
    await page.route('**/published/**', async (route) => {
      const path = join(dir, 'site', new URL(route.request().url()).pathname.replace(/^\/published\//, ''));
      if (!existsSync(path)) return route.fulfill({ status: 404, body: 'not found' });
      let body = readFileSync(path, 'utf8');
      if (tampered) body = body.replace(/"score":(\d+(?:\.\d+)?)/, (_, n: string) => `"score":${Number(n) + 1}`);
      return route.fulfill({ contentType: 'application/json', body });
    });
    await page.reload();
    await settled(page);
    return page;
  };

  it('shows the published figures, the same as the API, without asking the API', async () => {
    tampered = false;
    const page = await open();
    const requests = countOperations(page);
    await page.reload();
    await settled(page);
    const live = await world.api.as({ key: world.key, origin: world.api.server.url })(
      'query ($scope: ID!, $period: PeriodInput!) { complianceReport(scope: $scope, period: $period) { score } }',
      { scope: world.parkId, period: { month } },
    );
    const score = page.locator('huhang-compliance-scorecard [part="score"]');
    expect(await score.textContent()).toBe(formatNumber(live.data.complianceReport.score, 'zh-CN', 1));
    expect([...requests.values()].reduce((a, b) => a + b, 0)).toBe(0);
  });

  it('refuses a file whose figures were changed after signing, and shows none of it', async () => {
    tampered = true;
    const page = await open();
    const card = page.locator('huhang-compliance-scorecard');
    expect(await card.locator('[part="score"]').count()).toBe(0);
    expect(await card.locator('[part="error"]').textContent()).toContain('签名校验未通过');
  });
});
