import type { Browser } from 'playwright-core';
import { join } from 'node:path';
import { describeInBrowser, launchChromium } from '../packages/widgets/src/test-support/browser';
import { startTestApi, type TestApi } from '../packages/api/src/test-support/api';

/** The GraphQL explorer of development mode, opened in a browser that may reach nothing but the API. */
describeInBrowser('the GraphQL explorer', () => {
  let api: TestApi;
  let browser: Browser;

  beforeAll(async () => {
    api = await startTestApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('loads from the API alone (no CDN), loads the schema into its documentation and runs a query', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const origin = new URL(api.server.url).origin;
    const elsewhere: string[] = [];
    // Anything from outside the API is refused, as on an intranet without internet access.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The explorer asks for the schema first (GraphiQL's introspection query, nine levels of ofType).
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${api.server.url}/graphql`, { waitUntil: 'load' });
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-execute-button').click();
    await page.locator('.result-window').filter({ hasText: '"__typename": "Query"' }).waitFor();
    // With the schema loaded, the documentation lists the root types and a type's fields.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByRole('link', { name: 'Query', exact: true }).click();
    await docs.getByText('enterprises', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(__dirname, '../docs/screenshots/explorer.png') });
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });
});
