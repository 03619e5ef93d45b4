import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from './test-support/database';
import { generateDemo } from './demo/generator';
import { repoRoot } from './shared/db/database';
import { startServer, type RunningServer } from './server';

let db: TestDatabase;
let server: RunningServer;

async function graphql(query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  db = await createTestDatabase();
  await generateDemo(db.sql, { endDate: '2026-10-31' });
  server = await startServer({ orm: db.orm, port: 0, staticRoot: join(repoRoot(), 'examples') });
});

afterAll(async () => {
  await server.close();
  await db.drop();
});

describe('the GraphQL API over HTTP', () => {
  it('answers the park with its zones, program and units', async () => {
    const { status, body } = await graphql(`
      {
        parks {
          id
          name
          level
          program {
            name
          }
          zones {
            name
          }
        }
        policeUnits(kind: WORKSTATION) {
          name
          kind
          zones {
            name
          }
        }
      }
    `);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.parks).toEqual([
      {
        id: expect.any(String),
        name: '瓮安工业园区',
        level: '省级化工园区',
        program: { name: expect.stringContaining('1131') },
        zones: [{ name: '基础工业园' }, { name: '循环工业园' }, { name: '精细化工园' }],
      },
    ]);
    expect(body.data.policeUnits.map((u: { name: string }) => u.name)).toEqual([
      '基础工业园区警务站',
      '循环工业园区警务站',
      '精细化工园区警务站',
    ]);
    expect(body.data.policeUnits[0].zones).toEqual([{ name: '基础工业园' }]);
  });

  it('lists, filters and searches enterprises and officers', async () => {
    const { body } = await graphql(
      `
        query ($zone: ID) {
          all: enterprises(limit: 100) {
            id
          }
          zone: enterprises(zoneId: $zone, limit: 100) {
            zone {
              id
            }
          }
          search: enterprises(search: "磷化工") {
            name
            creditCode
          }
          officers {
            name
            unit {
              name
            }
          }
        }
      `,
      { zone: '1' },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.all.length).toBeGreaterThan(50);
    expect(body.data.zone.length).toBeGreaterThan(0);
    expect(body.data.zone.every((e: { zone: { id: string } }) => e.zone.id === '1')).toBe(true);
    expect(body.data.search.length).toBeGreaterThan(0);
    expect(body.data.search.every((e: { name: string }) => e.name.includes('磷化工'))).toBe(true);
    expect(body.data.officers).toHaveLength(25);
  });

  it('does not expose personal data', async () => {
    for (const field of ['contactPhone', 'contactPerson']) {
      const { body } = await graphql(`{ enterprises(limit: 1) { ${field} } }`);
      expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    for (const field of ['phone', 'badgeNumber']) {
      const { body } = await graphql(`{ officers { ${field} } }`);
      expect(body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('answers bad input with a code and the field, without internals', async () => {
    const { body } = await graphql('{ enterprises(limit: 500) { id } }');
    expect(body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'limit', reason: 'RANGE' });
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(|SELECT/i);

    const broken = await graphql('{ parks { name ');
    expect(broken.status).toBe(400);
    expect(broken.body.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(broken.body)).not.toMatch(/stacktrace/);

    const notJson = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(notJson.status).toBe(400);

    const huge = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ parks { name } } #${'x'.repeat(1_100_000)}` }),
    });
    expect(huge.status).toBe(413);
  });

  it('answers null for an unknown id', async () => {
    const { body } = await graphql('{ park(id: "999999") { name } enterprise(id: "nope") { name } }');
    expect(body).toEqual({ data: { park: null, enterprise: null } });
  });

  it('serves the example pages at / and nothing outside them', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toMatch(/护航/);
    expect((await fetch(`${server.url}/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
