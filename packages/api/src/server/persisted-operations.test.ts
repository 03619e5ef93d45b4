import { createHash } from 'node:crypto';
import { PUBLIC_OPERATION_IDS, PUBLIC_PERSISTED_OPERATIONS } from '@huhang/schema';
import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';
import { startServer } from '../server';

const t = mutationSuite();
const ORIGIN = 'https://www.wengan.gov.cn';

/** A public widget's GET: the persisted id and the variables, no document. */
function get(key: string, id: string, variables: unknown, headers: Record<string, string> = {}) {
  const url = new URL(`${t.api.server.url}/graphql`);
  url.searchParams.set('variables', JSON.stringify(variables));
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: id } }));
  return fetch(url, { headers: { 'x-huhang-key': key, origin: ORIGIN, ...headers } });
}

describe('persisted public operations', () => {
  it('are the public widgets’ operations, each under the SHA-256 of its document', () => {
    expect(Object.keys(PUBLIC_OPERATION_IDS).sort()).toEqual([
      'CommitmentList',
      'ComplianceOverview',
      'MetricTrend',
      'ParkOverview',
      'ServiceFigures',
    ]);
    for (const [id, operation] of Object.entries(PUBLIC_PERSISTED_OPERATIONS)) {
      expect({ name: operation.name, id: createHash('sha256').update(operation.document).digest('hex') }).toEqual({
        name: operation.name,
        id,
      });
      expect(PUBLIC_OPERATION_IDS[operation.name as keyof typeof PUBLIC_OPERATION_IDS]).toBe(id);
    }
  });

  it('answer a GET by id alone, with an ETag that gets 304, and refuse an unknown id', async () => {
    const w = await buildWorld(t.m, 'enterprises');
    const { key } = (
      await t.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
        input: { name: '门户', scope: w.park, allowedOrigins: [ORIGIN] },
      })
    ).createEmbedKey;
    const variables = { scope: w.park, period: { year: 2025 } };
    const first = await get(key, PUBLIC_OPERATION_IDS.ServiceFigures, variables);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { data?: { serviceStatistics: { figures: unknown[] } }; errors?: unknown };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.serviceStatistics.figures.length).toBeGreaterThan(10);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect(first.headers.get('vary')).toContain('X-Huhang-Key');

    const again = await get(key, PUBLIC_OPERATION_IDS.ServiceFigures, variables, { 'if-none-match': etag! });
    expect(again.status).toBe(304);

    const unknown = await get(key, 'a'.repeat(64), variables);
    const refused = (await unknown.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(refused.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('take the page’s origin from the Referer of a same-origin GET, which carries no Origin header', async () => {
    const w = await buildWorld(t.m, 'park');
    const { key } = (
      await t.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
        input: { name: '门户', scope: w.park, allowedOrigins: [ORIGIN] },
      })
    ).createEmbedKey;
    const url = new URL(`${t.api.server.url}/graphql`);
    url.searchParams.set('variables', JSON.stringify({ parkId: w.park }));
    url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: PUBLIC_OPERATION_IDS.ParkOverview } }));
    const fromPage = await fetch(url, { headers: { 'x-huhang-key': key, referer: `${ORIGIN}/gaikuang.html` } });
    expect(((await fromPage.json()) as { data?: { park: { name: string } } }).data?.park.name).toBe('瓮安工业园区');
    const elsewhere = await fetch(url, { headers: { 'x-huhang-key': key, referer: 'https://elsewhere.example/page' } });
    expect(elsewhere.status).toBe(403);
  });
});

describe('in production, an embed key', () => {
  it('runs the public widgets’ persisted operations only: a free document or a persisted query of its own is refused', async () => {
    const w = await buildWorld(t.m, 'enterprises');
    const { key } = (
      await t.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
        input: { name: '生产门户', scope: w.park, allowedOrigins: [ORIGIN] },
      })
    ).createEmbedKey;
    const production = await startServer({ orm: t.api.db.orm, port: 0, production: true });
    try {
      const endpoint = `${production.url}/graphql`;
      const url = new URL(endpoint);
      url.searchParams.set('variables', JSON.stringify({ scope: w.park, period: { year: 2025 } }));
      url.searchParams.set(
        'extensions',
        JSON.stringify({ persistedQuery: { version: 1, sha256Hash: PUBLIC_OPERATION_IDS.ServiceFigures } }),
      );
      const allowed = await fetch(url, { headers: { 'x-huhang-key': key, origin: ORIGIN } });
      expect(allowed.status).toBe(200);
      expect(((await allowed.json()) as { errors?: unknown }).errors).toBeUndefined();

      const post = (body: unknown, headers: Record<string, string>) =>
        fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const query = `{ parks { nodes { name } } }`;
      const free = await post({ query }, { 'x-huhang-key': key, origin: ORIGIN });
      expect(free.status).toBe(403);
      expect(((await free.json()) as { errors: Array<{ extensions: unknown }> }).errors[0]!.extensions).toEqual({
        code: 'FORBIDDEN',
        reason: 'OPERATION_NOT_ALLOWED',
      });
      const own = await post(
        { query, extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } } },
        { 'x-huhang-key': key, origin: ORIGIN },
      );
      expect(own.status).toBe(403);
      // Signed-in users keep free queries.
      const signedIn = await post({ query }, { authorization: `Bearer ${t.api.adminToken}` });
      expect(signedIn.status).toBe(200);
    } finally {
      await production.close();
    }
  });
});
