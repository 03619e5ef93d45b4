import { startTestApi, type TestApi } from '../test-support/api';
import { DEFAULT_RATE_LIMIT, limitsFromEnvironment } from './settings';

describe('limits from the environment', () => {
  it('takes each limit from its variable, and the defaults where none is set', () => {
    expect(limitsFromEnvironment({})).toEqual({
      rateLimit: DEFAULT_RATE_LIMIT,
      maxBodyBytes: 1_000_000,
      limits: { depth: 12, aliases: 30, directives: 20, cost: 250_000, tokens: 5_000 },
      publicCache: { seconds: 60, entries: 5_000 },
      importFile: { maxBytes: 20_000_000, maxRows: 20_000 },
    });
    const set = limitsFromEnvironment({
      HUHANG_RATE_LIMIT: '100000',
      HUHANG_MAX_BODY_BYTES: '2048',
      HUHANG_QUERY_DEPTH: '4',
      HUHANG_QUERY_ALIASES: '5',
      HUHANG_QUERY_DIRECTIVES: '6',
      HUHANG_QUERY_COST: '700',
      HUHANG_QUERY_TOKENS: '800',
      HUHANG_PUBLIC_CACHE_SECONDS: '5',
      HUHANG_PUBLIC_CACHE_ENTRIES: '9',
      HUHANG_IMPORT_MAX_BYTES: '4096',
      HUHANG_IMPORT_MAX_ROWS: '10',
    });
    expect(set).toEqual({
      rateLimit: { requests: 100_000, windowSeconds: 60 },
      maxBodyBytes: 2048,
      limits: { depth: 4, aliases: 5, directives: 6, cost: 700, tokens: 800 },
      publicCache: { seconds: 5, entries: 9 },
      importFile: { maxBytes: 4096, maxRows: 10 },
    });
  });

  it('refuses a value that is not a whole number of at least 1, naming the variable', () => {
    expect(() => limitsFromEnvironment({ HUHANG_RATE_LIMIT: 'many' })).toThrow(/HUHANG_RATE_LIMIT must be a whole number/);
    expect(() => limitsFromEnvironment({ HUHANG_QUERY_COST: '0' })).toThrow(/HUHANG_QUERY_COST/);
    expect(() => limitsFromEnvironment({ HUHANG_MAX_BODY_BYTES: '1.5' })).toThrow(/HUHANG_MAX_BODY_BYTES/);
  });

  describe('a server started with HUHANG_RATE_LIMIT=3 and HUHANG_QUERY_DEPTH=2', () => {
    let api: TestApi;
    const saved = { ...process.env };

    beforeAll(async () => {
      process.env.HUHANG_RATE_LIMIT = '3';
      process.env.HUHANG_QUERY_DEPTH = '2';
      // No rate limit of the tests' own: the environment's applies.
      api = await startTestApi(undefined, { rateLimit: undefined });
    });

    afterAll(async () => {
      process.env = saved;
      await api.close();
    });

    it('refuses the fourth request of a minute with 429 and a query nested three deep', async () => {
      const statuses: number[] = [];
      let deep: unknown;
      for (let i = 0; i < 4; i++) {
        // As the administrator: the user's own bucket, which signing in did not touch.
        const response = await fetch(`${api.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
          body: JSON.stringify({ query: i === 0 ? '{ parks { nodes { zones { totalCount } } } }' : '{ __typename }' }),
        });
        statuses.push(response.status);
        if (i === 0) deep = await response.json();
      }
      expect(statuses).toEqual([400, 200, 200, 429]);
      expect(deep).toMatchObject({ errors: [{ extensions: { code: 'QUERY_TOO_COMPLEX', reason: 'NESTED_TOO_DEEPLY' } }] });
    });
  });
});
