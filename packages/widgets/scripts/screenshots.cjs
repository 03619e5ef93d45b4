// Screenshots of the example pages for docs/screenshots, taken in Chromium from a running
// `npm start` (BASE_URL, default http://localhost:4000). CHROMIUM_PATH picks the browser.
const { chromium } = require('playwright-core');
const { join } = require('node:path');

const base = process.env.BASE_URL ?? 'http://localhost:4000';
const out = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function settle(page) {
  // Every widget has left its loading state.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.tagName.startsWith('HUHANG-') && e.tagName !== 'HUHANG-CONFIG')
      .every((e) => e.shadowRoot && !e.shadowRoot.querySelector('[part="loading"]')),
  );
}

async function main() {
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    const shots = [];
    const shoot = async (name) => {
      await settle(page);
      const path = join(out, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      shots.push(path);
      console.log(`[screenshots] ${path}`);
    };
    await page.goto(`${base}/portal.html`);
    await shoot('portal');
    await page.click('.languages button[data-lang="en"]');
    await shoot('portal-en');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/portal.html`);
    await shoot('portal-phone');

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/admin.html`);
    await page.evaluate(() => sessionStorage.clear());
    await page.reload();
    await page.locator('huhang-sign-in input[name="username"]').fill(process.env.HUHANG_USER ?? 'wengan-park');
    await page.locator('huhang-sign-in input[name="password"]').fill(process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026');
    await page.locator('huhang-sign-in button[type="submit"]').click();
    await page.waitForSelector('huhang-enterprise-table table');
    await shoot('admin');
    // Single widgets: the enterprise table ordered by employees from its header, and the two record forms.
    const element = async (selector, name) => {
      await settle(page);
      const path = join(out, `${name}.png`);
      await page.locator(selector).screenshot({ path });
      console.log(`[screenshots] ${path}`);
    };
    await page.locator('huhang-enterprise-table th button[data-sort="EMPLOYEE_COUNT"]').click();
    await page.waitForSelector('huhang-enterprise-table th[aria-sort="descending"]');
    await element('huhang-enterprise-table', 'admin-enterprises-by-employees');
    await element('huhang-dispute-form', 'admin-dispute-form');
    await element('huhang-service-request-form', 'admin-service-request-form');
    await element('huhang-officer-roster', 'admin-officer-roster');
    await element('huhang-zones', 'admin-zones');
    await element('huhang-embed-keys', 'admin-embed-keys');
    await element('huhang-incident-form', 'admin-incident-form');
    await element('huhang-engagement-form', 'admin-engagement-form');
    await element('huhang-recognition-form', 'admin-recognition-form');
    // The audit trail, as the system administrator reads it.
    const admin = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await admin.goto(`${base}/admin.html#audit`);
    await admin.evaluate(() => sessionStorage.clear());
    await admin.reload();
    await admin.locator('huhang-sign-in input[name="username"]').fill(process.env.HUHANG_ADMIN ?? 'admin');
    await admin.locator('huhang-sign-in input[name="password"]').fill(process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026');
    await admin.locator('huhang-sign-in button[type="submit"]').click();
    await admin.waitForSelector('huhang-audit-trail table');
    await settle(admin);
    await admin.locator('huhang-audit-trail').screenshot({ path: join(out, 'admin-audit-trail.png') });
    console.log(`[screenshots] ${join(out, 'admin-audit-trail.png')}`);
    await admin.close();
    // The first screen of the back office on a phone: nothing wider than the page.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await settle(page);
    await page.screenshot({ path: join(out, 'admin-phone.png'), fullPage: false });
    console.log(`[screenshots] ${join(out, 'admin-phone.png')}`);
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`[screenshots] ${error.message}`);
  process.exit(1);
});
