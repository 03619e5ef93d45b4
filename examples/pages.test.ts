import type { Page } from 'playwright-core';
import {
  axeViolations,
  describeInBrowser,
  settled,
  signInThroughWidget,
  startWidgetWorld,
  type WidgetWorld,
} from '../packages/widgets/src/test-support/browser';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The example pages as served, with the demo key and park swapped for this test server's (or `key`). */
async function openExample(world: WidgetWorld, name: string, key = world.key): Promise<Page> {
  const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[browser] ${error.stack ?? error.message}`));
  await page.route(`${world.api.server.url}/${name}`, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(__dirname, name), 'utf8')
        .replace(/key="hk_pub_[^"]+"/, `key="${key}"`)
        .replace(/park="[^"]+"/, `park="${world.parkId}"`),
    }),
  );
  await page.goto(`${world.api.server.url}/${name}`);
  return page;
}

/** The month before this one on the Beijing calendar, the period the widgets show by default. */
function lastMonthInBeijing(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const [year, month] = [now.getUTCFullYear(), now.getUTCMonth()];
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}

describeInBrowser('the example pages', () => {
  let world: WidgetWorld;

  beforeAll(async () => {
    world = await startWidgetWorld();
  });
  afterAll(() => world?.close());

  it.each([
    [
      'sites.html',
      '天府',
      [
        'patrols',
        'disputes',
        'disputesResolved',
        'disputeResolutionRate',
        'incidents',
        'incidentArrivalWithin15',
        'engagements.LEGAL_PUBLICITY',
        'engagements.FORUM',
      ],
    ],
    [
      'communities.html',
      '安龙',
      [
        'requests',
        'serviceRequestsResolvedInTime',
        'disputesResolved',
        'disputeResolutionRate',
        'staffOnPost',
        'engagements.LEGAL_PUBLICITY',
      ],
    ],
    [
      'district.html',
      '湖里',
      ['criminalIncidents', 'casesCleared', 'requests', 'disputesResolved', 'disputeResolutionRate', 'staffOnPost'],
    ],
    ['campus.html', '平安厂区', ['incidents', 'casesCleared', 'requests', 'engagements.DRILL', 'staffOnPost', 'cameras']],
  ])('%s: a program of other places shows its own measures and its public figures; axe finds nothing', async (name, programName, keys) => {
    const { data } = await world.api.gql(`{ programs(first: 10) { nodes { id name } } }`);
    const program = data.programs.nodes.find((p: { name: string }) => p.name.includes(programName));
    const made = await world.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
      input: { name: `example ${name}`, scope: program.id, allowedOrigins: [world.api.server.url] },
    });
    const html = readFileSync(join(__dirname, name), 'utf8');
    expect(html).toMatch(/<huhang-config key="hk_pub_demo_[a-z]+_localhost" scope="[^"]+"><\/huhang-config>/);
    const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`[browser] ${error.stack ?? error.message}`));
    await page.route(`${world.api.server.url}/${name}`, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: html.replace(/key="hk_pub_[^"]+"/, `key="${made.createEmbedKey.key}"`).replace(/scope="[^"]+"/, `scope="${program.id}"`),
      }),
    );
    await page.goto(`${world.api.server.url}/${name}`);
    await settled(page);
    for (const tag of ['huhang-compliance-scorecard', 'huhang-trend-chart', 'huhang-service-stats', 'huhang-commitment-list']) {
      expect({ tag, errors: await page.locator(`${tag} [part="error"]`).count() }).toEqual({ tag, errors: 0 });
    }
    // The tiles are the page's figures, in its order, with the values the API publishes to the page's key.
    const { data: statistics } = await world.api.as({ key: made.createEmbedKey.key, origin: world.api.server.url })(
      `query ($scope: ID!) { serviceStatistics(scope: $scope, period: { month: "${lastMonthInBeijing()}" }) { disclosure figures { key value { display } } } }`,
      { scope: program.id },
    );
    const serviceStatistics = statistics.serviceStatistics;
    expect(serviceStatistics.disclosure).toBe('PUBLIC');
    const published = new Map(serviceStatistics.figures.map((f: { key: string; value: { display: string } }) => [f.key, f.value.display]));
    const tiles = page.locator('huhang-service-stats .tile');
    expect(await tiles.count()).toBe(keys.length);
    expect(await tiles.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-key')))).toEqual(keys);
    const digits = (text: string | null | undefined) => String(text ?? '').replace(/[^0-9]/g, '');
    const shown = await tiles.locator('[part="value"]').allTextContents();
    expect(shown.map(digits)).toEqual(keys.map((key) => digits(published.get(key) as string)));
    expect(shown.some((text) => Number(digits(text)) > 0)).toBe(true);
    const codes = await page
      .locator('huhang-commitment-list [part="commitment"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code')));
    const expectedCodes: Record<string, string[]> = {
      'sites.html': ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07'],
      'communities.html': ['A01', 'A02', 'A03', 'A04'],
      'district.html': ['H01', 'H02', 'H03'],
      'campus.html': ['L01', 'L02', 'L03'],
    };
    expect(codes).toEqual(expectedCodes[name]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('portal.html: a key that does not allow the page, a wrong key and a revoked key each say what to do, on the page and in the console', async () => {
    const made = await world.api.ok(
      `mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key embedKey { id version } } }`,
      { input: { name: 'another site', scope: world.programId, allowedOrigins: ['https://www.example.gov.cn'] } },
    );
    const origin = new URL(world.api.server.url).origin;
    const shown = async (key: string) => {
      const page = await openExample(world, 'portal.html', key);
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      await page.reload();
      await settled(page);
      const error = (await page.locator('huhang-compliance-scorecard [part="error"]').textContent()) ?? '';
      const retry = await page.locator('huhang-compliance-scorecard [part="retry-button"]').count();
      return { error, warnings, retry };
    };
    const otherOrigin = await shown(made.createEmbedKey.key);
    expect(otherOrigin.error).toContain(`嵌入密钥不允许本页面的来源 ${origin}`);
    // No retry button: trying again cannot help; the message says who can.
    expect(otherOrigin.retry).toBe(0);
    expect(otherOrigin.warnings.some((w) => w.includes('[huhang]') && w.includes(origin))).toBe(true);
    const wrong = await shown(`${world.key.slice(0, -4)}xxxx`);
    expect(wrong.error).toContain('嵌入密钥无效');
    await world.api.ok(`mutation ($input: EmbedKeyStepInput!) { revokeEmbedKey(input: $input) { embedKey { revokedAt } } }`, {
      input: { id: made.createEmbedKey.embedKey.id, version: made.createEmbedKey.embedKey.version },
    });
    expect((await shown(made.createEmbedKey.key)).error).toContain('该嵌入密钥已被吊销');
  });

  it('portal.html: two pasted lines give every public widget its figures; the language switch works; axe finds nothing', async () => {
    const html = readFileSync(join(__dirname, 'portal.html'), 'utf8');
    expect(html).toMatch(
      /<script type="module" src="\/widgets\/huhang.js"><\/script>\s*<huhang-config key="hk_pub_demo_wengan_localhost" park="[^"]+"><\/huhang-config>/,
    );
    const page = await openExample(world, 'portal.html');
    await settled(page);
    for (const tag of [
      'huhang-park-overview',
      'huhang-compliance-scorecard',
      'huhang-trend-chart',
      'huhang-service-stats',
      'huhang-commitment-list',
    ]) {
      expect({ tag, errors: await page.locator(`${tag} [part="error"]`).count() }).toEqual({ tag, errors: 0 });
    }
    expect(await page.locator('huhang-service-stats .tile').count()).toBe(12);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.languages button[data-lang="en"]').click();
    await settled(page);
    expect(await page.locator('huhang-compliance-scorecard h2').textContent()).toBe('Service commitments met');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('portal.html as npm start serves it on a port other than 4000: the demo key allows that origin, every widget has figures, nothing asked for is missing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'huhang-portal-'));
    const env = { ...process.env, HUHANG_DATA_DIR: dataDir, PORT: '0' } as NodeJS.ProcessEnv;
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [join(__dirname, '..', 'packages/api/dist/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let output = '';
      const base = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`npm start did not start:\n${output}`)), 90_000);
        const seen = (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Example pages\s+(http:\/\/localhost:\d+)\//.exec(output);
          if (match && /Demo embed key/.test(output)) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        };
        child.stdout!.on('data', seen);
        child.stderr!.on('data', seen);
        child.once('exit', (code) => reject(new Error(`npm start exited (${code}):\n${output}`)));
      });
      expect(base).not.toBe('http://localhost:4000');
      const page = await world.browser.newPage({ viewport: { width: 1280, height: 900 } });
      // Nothing the pages ask for is missing or refused, the icon a browser asks for among them.
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      page.on('console', (message) => {
        if (message.type() === 'error') failed.push(message.text());
      });
      await page.goto(`${base}/`);
      await settled(page);
      expect(await page.locator('a[href="portal.html"]').count()).toBe(1);
      await page.goto(`${base}/portal.html`);
      await settled(page);
      for (const tag of ['huhang-park-overview', 'huhang-compliance-scorecard', 'huhang-service-stats', 'huhang-commitment-list']) {
        expect({ tag, errors: await page.locator(`${tag} [part="error"]`).count() }).toEqual({ tag, errors: 0 });
      }
      expect(await page.locator('huhang-service-stats .tile').count()).toBeGreaterThan(0);
      expect(failed).toEqual([]);
      await page.close();
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('admin.html: signed in, every back-office widget loads and axe finds nothing', async () => {
    const page = await openExample(world, 'admin.html');
    await settled(page);
    await signInThroughWidget(page);
    await settled(page);
    for (const tag of [
      'huhang-enterprise-table',
      'huhang-visit-form',
      'huhang-patrol-form',
      'huhang-hazard-form',
      'huhang-dispute-form',
      'huhang-dispute-board',
      'huhang-service-request-form',
      'huhang-service-request-table',
      'huhang-incident-form',
      'huhang-engagement-form',
      'huhang-recognition-form',
      'huhang-activity-register',
      'huhang-officer-roster',
      'huhang-zones',
      'huhang-place-participants',
      'huhang-embed-keys',
    ]) {
      expect({
        tag,
        errors: await page.locator(`${tag} [part="error"]`).count(),
        signedOut: await page.locator(`${tag} [part="signed-out"]`).count(),
      }).toEqual({
        tag,
        errors: 0,
        signedOut: 0,
      });
    }
    expect(await axeViolations(page)).toEqual([]);
  });

  it('admin.html on a 390 px phone: signed in, nothing makes the page scroll sideways', async () => {
    const page = await openExample(world, 'admin.html');
    await page.setViewportSize({ width: 390, height: 844 });
    await settled(page);
    await signInThroughWidget(page);
    await settled(page);
    // Wide tables scroll inside their own frame; the page itself must not.
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wider: string[] = [];
      const visit = (root: Document | ShadowRoot, path: string) => {
        for (const element of root.querySelectorAll('*')) {
          const box = element.getBoundingClientRect();
          let clipped = false;
          for (let up = element.parentElement; up; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') clipped = true;
          }
          if (!clipped && box.width > 0 && (box.right > width + 1 || box.left < -1)) {
            wider.push(
              `${path} ${element.tagName.toLowerCase()}${element.className ? '.' + String(element.className).split(' ')[0] : ''} ${Math.round(box.left)}–${Math.round(box.right)}`,
            );
          }
          if (element.shadowRoot) visit(element.shadowRoot, element.tagName.toLowerCase());
        }
      };
      visit(document, 'page');
      return { width, scrollWidth: document.documentElement.scrollWidth, wider: wider.slice(0, 10) };
    });
    expect(overflow.wider).toEqual([]);
    expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.width);
    // A table that scrolls in its frame can be reached and scrolled by keyboard, and is named.
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a second view of portal.html downloads no script: hashed chunks come from the cache, the bundle is revalidated (304)', async () => {
    // The page as served, without interception: Playwright turns the HTTP cache off for routed pages.
    const context = await world.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${world.api.server.url}/portal.html`);
    await settled(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, { url: string; status?: number; fromCache: boolean }>();
    cdp.on('Network.requestWillBeSent', (event) => {
      if (/\/widgets\/.*\.js$/.test(event.request.url)) scripts.set(event.requestId, { url: event.request.url, fromCache: false });
    });
    cdp.on('Network.requestServedFromCache', (event) => {
      const script = scripts.get(event.requestId);
      if (script) script.fromCache = true;
    });
    cdp.on('Network.responseReceived', (event) => {
      const script = scripts.get(event.requestId);
      if (!script) return;
      script.status = event.response.status;
      script.fromCache ||= Boolean(event.response.fromDiskCache);
    });
    await page.goto(`${world.api.server.url}/portal.html`);
    await settled(page);
    const seen = [...scripts.values()];
    expect(seen.map((script) => new URL(script.url).pathname)).toContain('/widgets/huhang.js');
    // Every script either came from the browser's cache or was answered 304, without a body.
    expect(seen.filter((script) => !script.fromCache && script.status !== 304)).toEqual([]);
    await context.close();
  });
});
