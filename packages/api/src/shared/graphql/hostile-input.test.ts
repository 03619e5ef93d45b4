import { createHash } from 'node:crypto';
import { startTestApi, type TestApi } from '../../test-support/api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
});

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions;

describe('hostile input ends in a clear error, never an internal one', () => {
  it('refuses a NUL byte or a lone surrogate in any string, naming the field, signed in or not', async () => {
    const login = `mutation ($input: LoginInput!) { login(input: $input) { accessToken } }`;
    for (const bad of ['ad\u0000min', 'ad\ud800min']) {
      const result = await api.as({})(login, { input: { username: bad, password: 'x' } });
      expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
    }
    const created = await api.gql(`mutation ($input: CreateProgramInput!) { createProgram(input: $input) { program { id } } }`, {
      input: { name: 'N\u0000', region: 'R', bureau: 'B' },
    });
    expect(codeOf(created)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    // In the document itself.
    const inline = await api.gql(`{ enterprises(filter: { search: "a\\u0000b" }) { totalCount } }`);
    expect(codeOf(inline)?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses an empty id', async () => {
    const result = await api.gql(`query ($park: ID) { enterprises(filter: { parkId: $park }) { totalCount } }`, { park: '' });
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'park' });
    expect(codeOf(await api.gql(`{ node(id: "") { id } }`))?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a cursor that is not one of the list, however it is made', async () => {
    // JSON text as a client may send it: 1e400 reads as Infinity.
    for (const text of ['["a",1e400]', '[1e400,1]', '["x"]', '[{},1]', '"nope"', '{', '']) {
      const after = Buffer.from(text, 'utf8').toString('base64url') || '!';
      const result = await api.gql(`query ($after: String) { programs(first: 1, after: $after) { totalCount } }`, { after });
      expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', reason: 'INVALID_CURSOR' });
    }
  });

  it('answers a subscription and a persisted query whose hash does not match with their own codes', async () => {
    expect(codeOf(await api.gql(`subscription { programs { totalCount } }`))?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const query = '{ metrics { name } }';
    const wrong = createHash('sha256').update('something else').digest('hex');
    const response = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({ query, extensions: { persistedQuery: { version: 1, sha256Hash: wrong } } }),
    });
    const body = (await response.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    expect(response.status).toBe(400);
    expect(codeOf(body)?.code).toBe('BAD_REQUEST');
  });
});
