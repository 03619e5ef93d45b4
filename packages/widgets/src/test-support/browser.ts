import { existsSync } from 'node:fs';
import { PUBLIC_OPERATION_IDS } from '@huhang/schema';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApi, type TestApi } from '../../../api/src/test-support/api';

/** Chromium for the browser suites: CHROMIUM_PATH, else Debian's. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

/**
 * `describe` for suites that need a real browser: skipped, and said so loudly, where no Chromium
 * is installed (`apt-get install -y chromium`; `.ci/run` installs it).
 */
export function describeInBrowser(name: string, suite: () => void): void {
  if (CHROMIUM) return describe(name, suite);
  console.warn(
    `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n` +
      `!! BROWSER SUITE SKIPPED: "${name}"\n` +
      `!! No Chromium found (CHROMIUM_PATH or /usr/bin/chromium). Install it with\n` +
      `!!   apt-get install -y chromium\n` +
      `!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n`,
  );
  describe.skip(name, suite);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface WidgetWorld {
  api: TestApi;
  browser: Browser;
  /** An embed key for the test server's own origin, bound to the Weng'an program. */
  key: string;
  programId: string;
  parkId: string;
  /** Opens a page of the test server's origin whose body is `body`, with the widgets loaded. */
  open(body: string, options?: { lang?: string; bundle?: string }): Promise<Page>;
  close(): Promise<void>;
}

/** The demo programs (four months), the API on a free port, an embed key for it, and Chromium. */
export async function startWidgetWorld(): Promise<WidgetWorld> {
  const api = await startTestApi('demo');
  const { data } = await api.gql(`{ programs(first: 10) { nodes { id name parks { nodes { id } } } } }`);
  const wengAn = data.programs.nodes.find((p: { name: string }) => p.name.includes('瓮安'));
  const made = await api.gql(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
    input: { name: 'widget tests', scope: wengAn.id, allowedOrigins: [api.server.url] },
  });
  const key: string = made.data.createEmbedKey.key;
  const browser = await launchChromium();
  const pages: Page[] = [];
  let fixtures = 0;
  return {
    api,
    browser,
    key,
    programId: wengAn.id,
    parkId: wengAn.parks.nodes[0].id,
    async open(body, options = {}) {
      const page = await browser.newPage();
      pages.push(page);
      page.on('pageerror', (error) => console.error(`[browser] ${error.stack ?? error.message}`));
      const path = `/test-fixture-${++fixtures}.html`;
      await page.route(`${api.server.url}${path}`, (route) =>
        route.fulfill({
          contentType: 'text/html; charset=utf-8',
          body: `<!doctype html><html lang="${options.lang ?? 'zh-CN'}"><head><meta charset="utf-8"><title>Huhang widgets</title>
            <script type="module" src="/widgets/${options.bundle ?? 'huhang.js'}"></script></head>
            <body><main><h1>Huhang widgets</h1>${body}</main></body></html>`,
        }),
      );
      await page.goto(`${api.server.url}${path}`);
      return page;
    },
    async close() {
      await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
      await browser.close();
      await api.close();
    },
  };
}

/** Waits until every Huhang widget on the page has rendered and left its loading state. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const widgets = [...document.querySelectorAll('*')].filter((e) => e.tagName.startsWith('HUHANG-') && e.tagName !== 'HUHANG-CONFIG');
    return widgets.every((e) => e.shadowRoot?.querySelector('.root') && !e.shadowRoot.querySelector('[part="loading"]'));
  });
}

/** Runs axe-core on the page, shadow roots included; answers the violations. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<any> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
}

/** Counts the GraphQL requests the page sends, by operation name. */
export function countOperations(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  const byId = new Map(Object.entries(PUBLIC_OPERATION_IDS).map(([name, id]) => [id as string, name]));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/graphql') return;
    let name: string | undefined;
    if (request.method() === 'POST') {
      name = /(?:query|mutation)\s+(\w+)/.exec(JSON.parse(request.postData() ?? '{}').query ?? '')?.[1];
    } else if (request.method() === 'GET') {
      // A public widget asks by persisted id.
      const id = JSON.parse(url.searchParams.get('extensions') ?? '{}')?.persistedQuery?.sha256Hash;
      name = byId.get(id);
    } else return;
    counts.set(name ?? '?', (counts.get(name ?? '?') ?? 0) + 1);
  });
  return counts;
}

/** Waits until the widget `tag` lists exactly `ids`, in order: the `data-id` of each `selector` in its shadow root. */
export async function waitForListed(page: Page, tag: string, selector: string, ids: string[], timeout?: number): Promise<void> {
  await page.waitForFunction(
    ([tag, selector, ids]) =>
      JSON.stringify([...document.querySelector(tag)!.shadowRoot!.querySelectorAll(selector)].map((e) => e.getAttribute('data-id'))) ===
      JSON.stringify(ids),
    [tag, selector, ids] as const,
    { timeout },
  );
}

/** A column of a table sorted in the browser: its header's `data-sort`, the value it orders by, and the first click's direction. */
export interface SortedColumn<R> {
  field: string;
  key: (row: R) => string | number;
  first: 'ASC' | 'DESC';
}

/**
 * Clicks each column header of the widget `tag` twice and checks the rows (`tbody tr`, by `data-id`)
 * against `rows`, the API's list in the API's order, sorted by that column as a person reading
 * `locale` expects (text by collation, numbers as numbers, ties in the API's order), and the
 * header's `aria-sort`.
 */
export async function expectColumnSorting<R extends { id: string }>(
  page: Page,
  tag: string,
  rows: readonly R[],
  columns: ReadonlyArray<SortedColumn<R>>,
  locale = 'zh-CN',
): Promise<void> {
  const collator = new Intl.Collator(locale, { numeric: true });
  const shown = () => page.locator(`${tag} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
  for (const column of columns) {
    for (const direction of column.first === 'ASC' ? (['ASC', 'DESC'] as const) : (['DESC', 'ASC'] as const)) {
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = [...rows]
        .sort((a, b) => {
          const x = column.key(a);
          const y = column.key(b);
          return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y)));
        })
        .map((row) => row.id);
      await page.locator(`${tag} th button[data-sort="${column.field}"]`).click();
      // Then compared below, where a difference reads as one.
      await waitForListed(page, tag, 'tbody tr', expected, 5_000).catch(() => undefined);
      expect({ field: column.field, direction, rows: await shown() }).toEqual({ field: column.field, direction, rows: expected });
      expect(await page.locator(`${tag} th[aria-sort]`).count()).toBe(1);
      expect(await page.locator(`${tag} th:has(button[data-sort="${column.field}"])`).getAttribute('aria-sort')).toBe(
        direction === 'ASC' ? 'ascending' : 'descending',
      );
    }
  }
}

/**
 * For a list the API orders and pages: clicks each column header of the widget `tag` each way and
 * checks the rows shown (`tbody tr`, by `data-id`) are `apiPage`'s answer for that order (the API's
 * first page for the same user) and the header's `aria-sort`. Where that page is the whole list, one
 * way must be the other reversed, so an order that is ignored cannot pass.
 */
export async function expectApiOrdering(
  page: Page,
  tag: string,
  columns: ReadonlyArray<{ field: string; first: 'ASC' | 'DESC' }>,
  apiPage: (orderBy: { field: string; direction: 'ASC' | 'DESC' }) => Promise<{ ids: string[]; complete: boolean }>,
): Promise<void> {
  const shown = () => page.locator(`${tag} tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
  for (const column of columns) {
    const seen: Partial<Record<'ASC' | 'DESC', { ids: string[]; complete: boolean }>> = {};
    for (const direction of column.first === 'ASC' ? (['ASC', 'DESC'] as const) : (['DESC', 'ASC'] as const)) {
      const expected = await apiPage({ field: column.field, direction });
      seen[direction] = expected;
      await page.locator(`${tag} th button[data-sort="${column.field}"]`).click();
      // Then compared below, where a difference reads as one.
      await waitForListed(page, tag, 'tbody tr', expected.ids, 5_000).catch(() => undefined);
      expect({ field: column.field, direction, rows: await shown() }).toEqual({ field: column.field, direction, rows: expected.ids });
      expect(await page.locator(`${tag} th[aria-sort]`).count()).toBe(1);
      expect(await page.locator(`${tag} th:has(button[data-sort="${column.field}"])`).getAttribute('aria-sort')).toBe(
        direction === 'ASC' ? 'ascending' : 'descending',
      );
    }
    if (seen.ASC?.complete && seen.DESC?.complete) {
      expect(seen.ASC.ids.length).toBeGreaterThan(1);
      expect(seen.DESC.ids).toEqual([...seen.ASC.ids].reverse());
    }
  }
}

/** Signs in through the page's `<huhang-sign-in>` with a demo user, as a person would, by keyboard. */
export async function signInThroughWidget(page: Page, username = 'wengan-park', password = 'Huhang-demo-2026'): Promise<void> {
  await page.locator('huhang-sign-in input[name="username"]').fill(username);
  await page.locator('huhang-sign-in input[name="password"]').fill(password);
  await page.locator('huhang-sign-in input[name="password"]').press('Enter');
  await page.locator('huhang-sign-in button.secondary').waitFor();
}

/**
 * Loses the answers to `mutation <name>` after the API has acted on them (the connection resets),
 * as a phone that drops its network at the wrong moment: `lost()` says how many, `restore()` stops it.
 */
export async function loseAnswers(page: Page, mutation: string): Promise<{ lost(): number; restore(): Promise<void> }> {
  let lost = 0;
  await page.route('**/graphql', async (route) => {
    if (!route.request().postData()?.includes(`mutation ${mutation}`)) return route.continue();
    lost += 1;
    await route.fetch();
    await route.abort('connectionreset');
  });
  return { lost: () => lost, restore: () => page.unroute('**/graphql') };
}
