// Screenshots of the example pages for docs/screenshots, taken in Chromium from a running
// `npm start` (BASE_URL, default http://localhost:4000), and the month's report printed to PDF and
// rendered to PNG (pdftoppm, from poppler-utils). CHROMIUM_PATH picks the browser.
const { chromium } = require('playwright-core');
const { join } = require('node:path');
const { execFileSync } = require('node:child_process');
const { copyFileSync, mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');

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
    // The example pages of the programs that serve communities and a city district.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/sites.html`);
    await shoot('portal-sites');
    await page.goto(`${base}/communities.html`);
    await shoot('portal-communities');
    await page.goto(`${base}/district.html`);
    await shoot('portal-district');
    await page.goto(`${base}/campus.html`);
    await shoot('portal-campus');

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
    await element('huhang-teams', 'admin-teams');
    await element('huhang-police-units', 'admin-police-units');
    await element('huhang-embed-keys', 'admin-embed-keys');
    await element('huhang-incident-form', 'admin-incident-form');
    await element('huhang-engagement-form', 'admin-engagement-form');
    await element('huhang-recognition-form', 'admin-recognition-form');
    // The incident register: each incident's timeline and response time.
    await page.locator('huhang-activity-register select#register').selectOption('INCIDENTS');
    await page.waitForSelector('huhang-activity-register table[data-register="INCIDENTS"]');
    await element('huhang-activity-register', 'admin-activity-register');
    // A dry run of an enterprise register with two bad rows: each problem by row, column and message.
    const register =
      '\ufeff企业名称,统一社会信用代码,片区,所属行业,员工人数,纳入服务日期,联系电话\n' +
      '瓮安示例化工有限公司,91522725MA6H2Q0A10,精细化工园,化工,120,2026-01-05,0854-2621110\n' +
      '瓮安示例建材有限公司,91522725MA6H2Q0A11,化工片区,建材,80,2026-02-30,12345\n';
    await page
      .locator('huhang-import input[type="file"]')
      .setInputFiles({ name: '企业名册.csv', mimeType: 'text/csv', buffer: Buffer.from(register) });
    await page.locator('huhang-import [part="check-button"]').click();
    await page.waitForSelector('huhang-import [part="problems"]');
    await element('huhang-import', 'admin-import-dry-run');
    // Users and commitments, as the program's administrator manages them.
    const bureau = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await bureau.goto(`${base}/admin.html#users`);
    await bureau.evaluate(() => sessionStorage.clear());
    await bureau.reload();
    await bureau.locator('huhang-sign-in input[name="username"]').fill(process.env.HUHANG_PROGRAM_ADMIN ?? 'wengan-bureau');
    await bureau.locator('huhang-sign-in input[name="password"]').fill(process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026');
    await bureau.locator('huhang-sign-in button[type="submit"]').click();
    await bureau.waitForSelector('huhang-users table');
    await settle(bureau);
    for (const [selector, name] of [
      ['huhang-users', 'admin-users'],
      ['huhang-commitment-editor', 'admin-commitment-editor'],
    ]) {
      await bureau.locator(selector).screenshot({ path: join(out, `${name}.png`) });
      console.log(`[screenshots] ${join(out, `${name}.png`)}`);
    }
    await bureau.close();
    // Who builds a site, as the Tianfu sites' administrator records it.
    const sites = await browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await sites.goto(`${base}/admin.html#organisations`);
    await sites.evaluate(() => sessionStorage.clear());
    await sites.reload();
    await sites.locator('huhang-sign-in input[name="username"]').fill(process.env.HUHANG_SITES_ADMIN ?? 'tianfu-park');
    await sites.locator('huhang-sign-in input[name="password"]').fill(process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026');
    await sites.locator('huhang-sign-in button[type="submit"]').click();
    await sites.waitForSelector('huhang-place-participants [part="tree"]');
    await settle(sites);
    await sites.locator('huhang-place-participants').screenshot({ path: join(out, 'admin-place-participants.png') });
    console.log(`[screenshots] ${join(out, 'admin-place-participants.png')}`);
    await sites.close();
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
  // The last month's report as the park's administrator prints it: the PDF's first two pages.
  const dir = mkdtempSync(join(tmpdir(), 'huhang-report-'));
  try {
    const pdf = join(dir, 'report.pdf');
    execFileSync(process.execPath, [join(__dirname, 'report-pdf.cjs'), '--out', pdf, '--png'], {
      env: {
        ...process.env,
        HUHANG_USERNAME: process.env.HUHANG_USER ?? 'wengan-park',
        HUHANG_PASSWORD: process.env.HUHANG_PASSWORD ?? 'Huhang-demo-2026',
      },
      stdio: 'inherit',
    });
    for (const n of [1, 2]) {
      copyFileSync(join(dir, `report-${n}.png`), join(out, `report-month-page-${n}.png`));
      console.log(`[screenshots] ${join(out, `report-month-page-${n}.png`)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[screenshots] ${error.message}`);
  process.exit(1);
});
