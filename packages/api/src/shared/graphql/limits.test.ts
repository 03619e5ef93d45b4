import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { generateDemo } from '../../demo/generator';
import { startTestApi, type TestApi } from '../../test-support/api';
import { repoRoot } from '../db/database';
import { DEFAULT_LIMITS, limitRules } from './limits';

// A production-mode server: no introspection, no suggestions, the default limits.
let api: TestApi;

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { enterprises: 30, months: 2, endDate: '2026-10-31' }), { production: true });
});

afterAll(async () => {
  await api.close();
});

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

/** The one error of a refused request, checked not to leak a limit's value. */
async function refused(query: string): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const result = await api.gql(query);
  expect(result.data ?? null).toBeNull();
  expect(result.errors).toHaveLength(1);
  const error = result.errors![0]!;
  for (const value of Object.values(DEFAULT_LIMITS)) expect(error.message).not.toContain(String(value));
  return error;
}

async function stillHealthy(): Promise<void> {
  expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
  expect(await api.ok('{ parks { totalCount } }')).toEqual({ parks: { totalCount: 1 } });
}

describe('hostile queries are refused before any resolver runs', () => {
  it('deep nesting', async () => {
    let query = 'name';
    for (let i = 0; i < 8; i++) query = `park { enterprises(first: 1) { nodes { ${query} } } }`;
    const error = await refused(`{ enterprises(first: 1) { nodes { ${query} } } }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'NESTED_TOO_DEEPLY' });
    await stillHealthy();
  });

  it('a thousand aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
    const error = await refused(`{ ${aliases} }`);
    expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'TOO_MANY_ALIASES' });
    await stillHealthy();
  });

  it('too many directives', async () => {
    const fields = Array.from({ length: 40 }, () => '__typename @include(if: true)').join(' ');
    expect((await refused(`{ ${fields} }`)).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'TOO_MANY_DIRECTIVES' });
  });

  it('a document of too many tokens, without saying the limit', async () => {
    const fields = Array.from({ length: 6000 }, () => '__typename').join(' ');
    expect((await refused(`{ ${fields} }`)).extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'TOO_MANY_TOKENS' });
    await stillHealthy();
  });

  it('huge pages: a page over the maximum, and nested pages whose product is too costly', async () => {
    expect((await refused('{ enterprises(first: 100000) { totalCount } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const costly = await refused(
      '{ parks(first: 100) { nodes { enterprises(first: 100) { nodes { visits(first: 100) { nodes { visitedOn officer { name } } } } } } } }',
    );
    expect(costly.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'ESTIMATED_COST_TOO_HIGH' });
    await stillHealthy();
  });

  it('batched arrays of operations', async () => {
    const response = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(response.status).toBe(400);
    expect(response.text).toMatch(/batch/i);
    await stillHealthy();
  });

  it('introspection in production', async () => {
    const error = await refused('{ __schema { types { name } } }');
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toMatch(/introspection/i);
  });

  it('misspelled fields in production get no suggestion', async () => {
    const error = await refused('{ parkz { totalCount } }');
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('parkz');
    expect(error.message).not.toMatch(/did you mean|parks/i);
  });

  it('an oversized body', async () => {
    const response = await post({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` });
    expect(response.status).toBe(413);
    await stillHealthy();
  });

  it('cross-site requests without a preflight (CSRF prevention)', async () => {
    const response = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('statements are cancelled after a timeout', async () => {
    const rows = await api.db.orm.em.fork().getConnection().execute<Array<{ statement_timeout: string }>>('SHOW statement_timeout');
    expect(rows[0]!.statement_timeout).toBe('15s');
  });
});

describe('queries of the schema itself (development mode)', () => {
  const schema = buildSchema(readFileSync(join(repoRoot(), 'packages/schema/schema.graphql'), 'utf8'));
  const refusals = (query: string) =>
    validate(schema, parse(query, { maxTokens: DEFAULT_LIMITS.tokens }), limitRules()).map((error) => error.extensions.reason);

  it('pass the limits as explorers and client generators send them: nine levels of ofType, every option', () => {
    const everything = { descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true };
    const query = getIntrospectionQuery({ ...everything, inputValueDeprecation: true });
    // Nested deeper than the limit if every ofType counted: __schema, types, fields, args, type, nine ofType, kind.
    expect(query.match(/ofType/g)).toHaveLength(9);
    expect(refusals(query)).toEqual([]);
    expect(refusals(getIntrospectionQuery())).toEqual([]);
    const fieldTypes = '{ __type(name: "Enterprise") { fields { type { kind ofType { kind ofType { kind ofType { name } } } } } } }';
    expect(refusals(fieldTypes)).toEqual([]);
  });

  it('are still refused when they fan out deeper than the limit', () => {
    let selection = 'name';
    for (let i = 0; i < 6; i++) selection = `fields { type { ${selection} } }`;
    expect(refusals(`{ __schema { types { ${selection} } } }`)).toEqual(['NESTED_TOO_DEEPLY']);
    expect(refusals(`{ __type(name: "Park") { ${selection} } }`)).toEqual(['NESTED_TOO_DEEPLY']);
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After once a client has used its requests, and count clients apart', async () => {
    const limited = await startTestApi(undefined, { rateLimit: { requests: 3, windowSeconds: 60 } });
    try {
      const ask = (headers: Record<string, string> = {}) =>
        fetch(`${limited.server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      // Signing the test administrator in used one of this address's requests.
      for (let i = 0; i < 2; i++) expect((await ask()).status).toBe(200);
      const refusedResponse = await ask();
      expect(refusedResponse.status).toBe(429);
      expect(Number(refusedResponse.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const body = (await refusedResponse.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe('RATE_LIMITED');
      // A signed-in user counts apart from its address.
      expect((await ask({ authorization: `Bearer ${limited.adminToken}` })).status).toBe(200);
      expect((await fetch(`${limited.server.url}/healthz`)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
