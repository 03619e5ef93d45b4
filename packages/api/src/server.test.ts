import { startTestApi, type TestApi } from './test-support/api';
import { generateDemo } from './demo/generator';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi((db) => generateDemo(db.sql, { endDate: '2026-10-31' }));
});

afterAll(async () => {
  await api.close();
});

describe('the GraphQL API over HTTP', () => {
  it('answers the park with its zones, program and units', async () => {
    const { status, ...body } = await api.gql(`
      {
        parks {
          nodes {
            id
            name
            level
            program {
              name
            }
            zones {
              nodes {
                name
              }
            }
          }
        }
        policeUnits(filter: { kinds: [WORKSTATION] }) {
          nodes {
            name
            kind
            zones {
              name
            }
          }
        }
      }
    `);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.parks.nodes).toEqual([
      {
        id: expect.any(String),
        name: '瓮安工业园区',
        level: '省级化工园区',
        program: { name: expect.stringContaining('1131') },
        // Pinyin order: jīchǔ, jīngxì, xúnhuán.
        zones: { nodes: [{ name: '基础工业园' }, { name: '精细化工园' }, { name: '循环工业园' }] },
      },
    ]);
    expect(body.data.policeUnits.nodes.map((u: { name: string }) => u.name)).toEqual([
      '基础工业园区警务站',
      '精细化工园区警务站',
      '循环工业园区警务站',
    ]);
    expect(body.data.policeUnits.nodes[0].zones).toEqual([{ name: '基础工业园' }]);
  });

  it('lists, filters and searches enterprises and officers', async () => {
    const zones = await api.ok('{ parks { nodes { zones { nodes { id name } } } } }');
    const zone = zones.parks.nodes[0].zones.nodes[0].id;
    const data = await api.ok(
      `
        query ($zone: ID) {
          all: enterprises(first: 100) {
            totalCount
            nodes {
              id
            }
          }
          zone: enterprises(first: 100, filter: { zoneId: $zone }) {
            nodes {
              zone {
                id
              }
            }
          }
          search: enterprises(filter: { search: "磷化工" }) {
            nodes {
              name
              creditCode
            }
          }
          officers(first: 100) {
            totalCount
            nodes {
              name
              unit {
                name
              }
            }
          }
        }
      `,
      { zone },
    );
    expect(data.all.totalCount).toBe(60);
    expect(data.all.nodes).toHaveLength(60);
    expect(data.zone.nodes.length).toBeGreaterThan(0);
    expect(data.zone.nodes.every((e: { zone: { id: string } }) => e.zone.id === zone)).toBe(true);
    expect(data.search.nodes.length).toBeGreaterThan(0);
    expect(data.search.nodes.every((e: { name: string }) => e.name.includes('磷化工'))).toBe(true);
    expect(data.officers.totalCount).toBe(25);
  });

  it('refuses a request without credentials, and shows personal data to an administrator with an audit row per record', async () => {
    const anonymous = await api.as({})('{ enterprises(first: 1) { nodes { name } } }');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CREDENTIALS_REQUIRED' });
    const data = await api.ok(
      '{ enterprises(first: 2) { nodes { databaseId contactPhone } } officers(first: 1) { nodes { badgeNumber } } }',
    );
    expect(data.enterprises.nodes[0].contactPhone).toMatch(/^1[3-9][0-9]{9}$/);
    expect(data.officers.nodes[0].badgeNumber).toMatch(/^[0-9A-Z]{6,8}$/);
    const { rows } = await api.db.sql.query(
      `SELECT entity, entity_id, after FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = 'Enterprise' AND entity_id = any($1::int[])`,
      [data.enterprises.nodes.map((e: { databaseId: number }) => e.databaseId)],
    );
    expect(rows).toHaveLength(2);
    expect(rows[0].after).toEqual({ fields: ['contactPhone'] });
  });

  it('answers bad input with a code and the field, without internals', async () => {
    const { status: _status, ...body } = await api.gql('{ enterprises(first: 500) { nodes { id } } }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first', reason: 'MAX' });
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(|SELECT/i);

    const broken = await api.gql('{ parks { name ');
    expect(broken.status).toBe(400);
    expect(broken.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(broken)).not.toMatch(/stacktrace/);

    const notJson = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);

    const huge = await fetch(`${api.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ parks { name } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
  });

  it('answers null for an unknown id', async () => {
    const unknown = Buffer.from('Park:999999').toString('base64url');
    const { status, ...body } = await api.gql(`{ park(id: "${unknown}") { name } node(id: "${unknown}") { id } }`);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { park: null, node: null } });
    const malformed = await api.gql('{ enterprise(id: "nope") { name } }');
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'INVALID_ID' });
  });

  it('serves the example pages at / and nothing outside them', async () => {
    const index = await fetch(`${api.server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toMatch(/护航/);
    expect((await fetch(`${api.server.url}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${api.server.url}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${api.server.url}/healthz`)).status).toBe(200);
  });
});
