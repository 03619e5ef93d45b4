// A park's monthly, quarterly or yearly report (examples/report.html) as an A4 PDF, printed by
// headless Chromium from a running Huhang (`npm start`):
//
//   npm run report:pdf -- --period 2026-10 [--out report.pdf] [--png]
//
// --period  2026-10 (月报), 2026-Q3 (季报) or 2026 (年报); the last complete month by default
// --park    the park's global id; the page's own (the demo park) by default
// --key     an embed key for the public figures; the page's own (the demo key) by default
// --out     where the PDF goes; huhang-report-<period>.pdf by default
// --png     also render each page to PNG beside it with pdftoppm (poppler-utils), to look at
// BASE_URL (default http://localhost:4000) is the server. With HUHANG_USERNAME and HUHANG_PASSWORD
// the report is made as that user, with the full figures an administrator of the park may read;
// without them it holds the public figures, as published on the portal.
const { chromium } = require('playwright-core');
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { resolve } = require('node:path');

function options(argv) {
  const known = new Set(['--period', '--park', '--key', '--out']);
  const chosen = { png: false };
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (name === '--png') chosen.png = true;
    else if (known.has(name) && argv[i + 1] !== undefined) chosen[name.slice(2)] = argv[++i];
    else throw new Error(`unknown or incomplete option ${name} (known: ${[...known, '--png'].join(' ')})`);
  }
  if (chosen.period !== undefined && !/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/.test(chosen.period)) {
    throw new Error(`--period ${chosen.period}: use a month (2026-10), a quarter (2026-Q3) or a year (2026)`);
  }
  return chosen;
}

async function signIn(base, username, password) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($input: LoginInput!) { login(input: $input) { accessToken } }',
      variables: { input: { username, password } },
    }),
  });
  const body = await response.json();
  if (!body.data?.login) throw new Error(`signing in as ${username}: ${body.errors?.[0]?.message ?? response.status}`);
  return body.data.login.accessToken;
}

async function main() {
  const chosen = options(process.argv.slice(2));
  const base = (process.env.BASE_URL ?? 'http://localhost:4000').replace(/\/$/, '');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const username = process.env.HUHANG_USERNAME;
  const token = username ? await signIn(base, username, process.env.HUHANG_PASSWORD ?? '') : undefined;

  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    page.on('pageerror', (error) => console.error(`[report] page error: ${error.message}`));
    const url = new URL(`${base}/report.html`);
    if (chosen.period) url.searchParams.set('period', chosen.period);
    await page.goto(url.href);
    await page.evaluate(
      ({ park, key, token }) => {
        const config = document.querySelector('huhang-config');
        if (park) config.setAttribute('park', park);
        if (key) config.setAttribute('key', key);
        if (token) {
          config.removeAttribute('key');
          config.setAttribute('token', token);
        }
      },
      { park: chosen.park, key: chosen.key, token },
    );
    // Every widget has its figures (or its error) before the page is printed.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('*')]
          .filter((e) => e.tagName.startsWith('HUHANG-') && e.tagName !== 'HUHANG-CONFIG')
          .every((e) => e.shadowRoot?.querySelector('.root') && !e.shadowRoot.querySelector('[part="loading"]')),
      undefined,
      { timeout: 60_000 },
    );
    const failed = await page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter((e) => e.shadowRoot?.querySelector('[part="error"]'))
        .map((e) => `${e.tagName.toLowerCase()}: ${e.shadowRoot.querySelector('[part="error"]').textContent.trim()}`),
    );
    if (failed.length) throw new Error(`the report is incomplete, so no PDF was made:\n  ${failed.join('\n  ')}`);
    const period = new URL(page.url()).searchParams.get('period') ?? (await page.locator('#period').inputValue());
    const title = await page.title();
    const out = resolve(chosen.out ?? `huhang-report-${period}.pdf`);
    await page.pdf({
      path: out,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="width:100%;font-size:8px;color:#555;text-align:center;font-family:sans-serif">' +
        `${title.replace(/[<>&]/g, '')} · <span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
    });
    console.log(`[report] ${title}${token ? ` (as ${username})` : ' (public figures)'} → ${out}`);
    if (chosen.png) {
      if (!existsSync('/usr/bin/pdftoppm')) throw new Error('--png needs pdftoppm (apt-get install -y poppler-utils)');
      const prefix = out.replace(/\.pdf$/i, '');
      execFileSync('/usr/bin/pdftoppm', ['-r', '80', '-png', out, prefix]);
      console.log(`[report] pages as PNG: ${prefix}-<page>.png`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error) => {
  console.error(`[report] ${error.message}`);
  process.exit(1);
});
