import { twoFactorRolesFromEnvironment } from '../accounts/two-factor.service';
import { SettingError } from '../shared/errors/setting-error';
import { startTestApi, type TestApi } from '../test-support/api';
import { ClientAddresses } from './client-address';
import { DEFAULT_RATE_LIMIT, limitsFromEnvironment, wholeNumber, wholeNumberOrOff } from './settings';

describe('a whole-number setting', () => {
  const range = { fallback: 4, least: 1, most: 64 };

  it('is the fallback when unset or empty, and the number given within its range', () => {
    expect(wholeNumber({}, 'N', range)).toBe(4);
    expect(wholeNumber({ N: '' }, 'N', range)).toBe(4);
    expect(wholeNumber({ N: '1' }, 'N', range)).toBe(1);
    expect(wholeNumber({ N: '64' }, 'N', range)).toBe(64);
    expect(wholeNumberOrOff({ N: 'off' }, 'N', range)).toBeNull();
    expect(wholeNumberOrOff({ N: '7' }, 'N', range)).toBe(7);
  });

  it.each(['0', '65', '2.5', 'off', 'four', '1e1', '0x10', ' 7', '2.0', '-1'])('refuses %j, naming the variable and its range', (text) => {
    expect(() => wholeNumber({ N: text }, 'N', { ...range, unit: 'workers' })).toThrow(
      new SettingError(`N must be a whole number of workers from 1 to 64; it is "${text}"`),
    );
  });

  it('offers off in the message only where off is taken', () => {
    expect(() => wholeNumberOrOff({ N: 'never' }, 'N', range)).toThrow(`N must be a whole number from 1 to 64, or off; it is "never"`);
  });
});

describe('every refused setting', () => {
  it('is a SettingError, which stops the server with its message alone', () => {
    const refused = [
      () => limitsFromEnvironment({ HUHANG_RATE_LIMIT: 'many' }),
      () => new ClientAddresses('proxy.example'),
      () => twoFactorRolesFromEnvironment(true, { HUHANG_TWO_FACTOR_ROLES: 'KING' }),
    ];
    for (const read of refused) expect(read).toThrow(SettingError);
  });
});

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
