import { startTestApi, type TestApi } from '../../test-support/api';
import { generateDemo } from '../../demo/generator';

let api: TestApi;
let statements: string[] = [];
/** Enterprises not archived: the demo archives a few, as real parks do. */
let active = 0;

beforeAll(async () => {
  // The resolvers' batching is what is measured here: queries that one statement can answer
  // (server/one-statement.test.ts) are left to the resolvers on this server.
  api = await startTestApi((db) => generateDemo(db.sql, { enterprises: 120, months: 3, endDate: '2026-10-31' }), {
    oneStatementReads: false,
  });
  api.orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql: string }) => statements.push(query.sql));
  active = (await api.db.sql.query('SELECT count(*)::int AS n FROM enterprise WHERE archived_at IS NULL')).rows[0].n;
  expect(active).toBeGreaterThan(100);
  // The viewer of a session is read on its first request and then kept: only the query's own statements count below.
  await settled((query) => api.ok(query));
});

afterAll(async () => {
  await api.close();
});

/**
 * The request's transaction around them: its COMMIT. BEGIN with the viewer's row grants travels in
 * the message of the first statement (request-transaction.ts), which is counted as that statement.
 */
const FRAME = /^COMMIT;/;

/**
 * Asks `{ __typename }` until two in a row, 50 ms apart, take no statement: the viewer is read and
 * kept, and the notices of the access changes made before (a user created, a sign-in), which drop
 * every kept viewer when they arrive, have been heard. On a busy machine they can come a few
 * requests late, and the next measured request would then read the viewer again.
 */
async function settled(ask: (query: string) => Promise<unknown>): Promise<void> {
  let quiet = 0;
  for (let tries = 0; tries < 100 && quiet < 2; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    statements = [];
    await ask('{ __typename }');
    quiet = statements.length === 0 ? quiet + 1 : 0;
  }
  expect(quiet).toBe(2);
}

/** Runs a query and returns its data and the SQL statements it took (its transaction's frame apart). */

async function measured(query: string, variables?: Record<string, unknown>): Promise<{ data: any; sql: string[] }> {
  statements = [];
  const data = await api.ok(query, variables);
  expect(statements.filter((sql) => FRAME.test(sql))).toHaveLength(1);
  return { data, sql: statements.filter((sql) => !FRAME.test(sql)) };
}

const NESTED = `
  query ($n: Int!) {
    parks {
      nodes {
        name
        enterprises(first: $n) {
          totalCount
          nodes {
            name
            zone { name }
            liaisonOfficer {
              name
              unit { name }
              visits(first: 3) {
                totalCount
                nodes { visitedOn enterprise { name } }
              }
            }
          }
        }
      }
    }
  }
`;

describe('nested connections without N+1', () => {
  it('takes the same number of statements for 10 and for 100 enterprises', async () => {
    const ten = await measured(NESTED, { n: 10 });
    const hundred = await measured(NESTED, { n: 100 });
    const enterprises = hundred.data.parks.nodes[0].enterprises;
    expect(enterprises.nodes).toHaveLength(100);
    expect(enterprises.totalCount).toBe(active);
    const withVisits = enterprises.nodes.filter(
      (e: { liaisonOfficer: { visits: { nodes: unknown[] } } | null }) => e.liaisonOfficer?.visits.nodes.length,
    );
    expect(withVisits.length).toBeGreaterThan(50);
    console.log(
      `[statements] parks → enterprises(first: N) → liaisonOfficer → visits(first: 3): N=10: ${ten.sql.length}, N=100: ${hundred.sql.length}`,
    );
    expect(hundred.sql.length).toBe(ten.sql.length);
    expect(hundred.sql.length).toBeLessThanOrEqual(7);
  });

  it('stays batched for a park administrator, whose scope is added to every statement', async () => {
    const parkId = (await api.db.sql.query('SELECT id FROM park LIMIT 1')).rows[0].id;
    await api.createUser({ username: 'scoped-admin', role: 'PARK_ADMIN', parkIds: [parkId] });
    const scoped = api.as({ token: await api.signIn('scoped-admin') });
    const run = async (n: number) => {
      statements = [];
      const result = await scoped(NESTED, { n });
      expect(result.errors).toBeUndefined();
      expect(statements.filter((sql) => FRAME.test(sql))).toHaveLength(1);
      return { data: result.data, sql: statements.filter((sql) => !FRAME.test(sql)) };
    };
    await settled(scoped);
    const ten = await run(10);
    const hundred = await run(100);
    expect(hundred.data.parks.nodes[0].enterprises.totalCount).toBe(active);
    console.log(`[statements] the same as a park administrator: N=10: ${ten.sql.length}, N=100: ${hundred.sql.length}`);
    expect(hundred.sql.length).toBe(ten.sql.length);
    expect(hundred.sql.length).toBeLessThanOrEqual(7);
  });

  it('gives each parent its own page, in order', async () => {
    const { data } = await measured(`{
      officers(first: 5) { nodes { id visits(first: 2) { nodes { visitedOn officer { id } } } } }
    }`);
    for (const officer of data.officers.nodes) {
      const days = officer.visits.nodes.map((v: { visitedOn: string }) => v.visitedOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(officer.visits.nodes.every((v: { officer: { id: string } }) => v.officer.id === officer.id)).toBe(true);
    }
  });
});

describe('cursor connections', () => {
  const PAGE = `
    query ($first: Int, $after: String, $last: Int, $before: String) {
      enterprises(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { name } }
      }
    }
  `;

  it('pages forward and backward over a stable order, each item once', async () => {
    const everything = await api.ok(
      '{ enterprises(first: 100) { nodes { name } } more: enterprises(first: 100, after: null) { totalCount } }',
    );
    expect(everything.more.totalCount).toBe(active);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { enterprises: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: Array<{ node: { name: string } }> } } =
        await api.ok(PAGE, {
          first: 25,
          after,
        });
      seen.push(...page.enterprises.edges.map((edge) => edge.node.name));
      if (!page.enterprises.pageInfo.hasNextPage) break;
      after = page.enterprises.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(active);
    expect(new Set(seen).size).toBe(active);
    // Names in pinyin order (the columns' ICU collation), as people look them up.
    const pinyin = new Intl.Collator('zh');
    expect(seen).toEqual([...seen].sort((a, b) => pinyin.compare(a, b)));

    const back = await api.ok(PAGE, { last: 10 });
    expect(back.enterprises.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(seen.slice(active - 10));
    expect(back.enterprises.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await api.ok(PAGE, { last: 10, before: back.enterprises.pageInfo.startCursor });
    expect(before.enterprises.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(seen.slice(active - 20, active - 10));
  });

  it('orders by other fields with ties broken by id', async () => {
    const data = await api.ok(
      '{ enterprises(first: 100, orderBy: { field: EMPLOYEE_COUNT, direction: DESC }) { nodes { employeeCount } } }',
    );
    const counts = data.enterprises.nodes.map((e: { employeeCount: number }) => e.employeeCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it.each([
    ['officers', 'OfficerOrder', 'NAME', 'name', 'SELECT name AS v FROM officer WHERE archived_at IS NULL ORDER BY name, id'],
    ['users', 'UserOrder', 'USERNAME', 'username', 'SELECT username AS v FROM app_user ORDER BY username, id'],
    ['users', 'UserOrder', 'DISPLAY_NAME', 'displayName', 'SELECT display_name AS v FROM app_user ORDER BY display_name, id'],
  ])('orders %s by %s each way, page by page through the cursors, as the column sorts in SQL', async (list, type, field, key, sql) => {
    const query = `query ($after: String, $orderBy: ${type}) {
      ${list}(first: 1, after: $after, orderBy: $orderBy) { pageInfo { hasNextPage endCursor } nodes { id ${key} } } }`;
    const walk = async (direction: 'ASC' | 'DESC') => {
      const nodes: Array<Record<string, string>> = [];
      let after: string | null = null;
      do {
        const page: any = (await api.ok(query, { after, orderBy: { field, direction } }))[list];
        nodes.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return nodes;
    };
    const ascending = await walk('ASC');
    const descending = await walk('DESC');
    const expected = (await api.db.sql.query(sql)).rows.map((row: { v: string }) => row.v);
    expect(ascending.length).toBeGreaterThan(1);
    expect(ascending.map((node) => node[key])).toEqual(expected);
    expect(descending.map((node) => node.id)).toEqual([...ascending].reverse().map((node) => node.id));
  });

  it('caps pages at 100 and refuses bad paging arguments with the field', async () => {
    for (const [args, field] of [
      ['first: 101', 'first'],
      ['last: 1000', 'last'],
      ['first: -1', 'first'],
      ['first: 5, last: 5', 'last'],
      ['after: "not-a-cursor"', 'after'],
    ] as const) {
      const result = await api.gql(`{ enterprises(${args}) { nodes { id } } }`);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('filters by park, zone, status, officer, visits and text', async () => {
    const ids = await api.ok('{ parks { nodes { id zones { nodes { id } } } } officers(first: 1) { nodes { id } } }');
    const park = ids.parks.nodes[0];
    const officer = ids.officers.nodes[0].id;
    const data = await api.ok(
      `query ($park: ID, $zone: ID, $officer: ID) {
        inPark: enterprises(filter: { parkId: $park }) { totalCount }
        inZone: enterprises(filter: { zoneId: $zone }) { totalCount }
        hazardous: enterprises(filter: { hazardousChemicals: true }) { totalCount }
        notHazardous: enterprises(filter: { hazardousChemicals: false }) { totalCount }
        ofOfficer: enterprises(first: 100, filter: { liaisonOfficerId: $officer }) { totalCount nodes { liaisonOfficer { id } } }
        notVisited: enterprises(first: 100, filter: { notVisitedSince: "2026-10-01" }) { totalCount nodes { visits(filter: { on: { from: "2026-10-01" } }) { totalCount } } }
        byCode: enterprises(filter: { search: "91" }) { totalCount }
      }`,
      { park: park.id, zone: park.zones.nodes[0].id, officer },
    );
    expect(data.inPark.totalCount).toBe(active);
    expect(data.inZone.totalCount).toBeGreaterThan(0);
    expect(data.inZone.totalCount).toBeLessThan(active);
    expect(data.hazardous.totalCount + data.notHazardous.totalCount).toBe(active);
    expect(data.ofOfficer.totalCount).toBeGreaterThan(0);
    expect(data.ofOfficer.nodes.every((e: { liaisonOfficer: { id: string } }) => e.liaisonOfficer.id === officer)).toBe(true);
    expect(data.notVisited.nodes.every((e: { visits: { totalCount: number } }) => e.visits.totalCount === 0)).toBe(true);
    expect(data.byCode.totalCount).toBe(active);
  });

  it('fetches any record by its global id through node(id:)', async () => {
    const data = await api.ok('{ visits(first: 1) { nodes { id visitedOn } } teams(first: 1) { nodes { id name } } }');
    const [visit] = data.visits.nodes;
    const [team] = data.teams.nodes;
    const nodes = await api.ok(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Visit { visitedOn } ... on Team { name } } }`,
      { ids: [visit.id, team.id] },
    );
    expect(nodes.nodes).toEqual([
      { __typename: 'Visit', id: visit.id, visitedOn: visit.visitedOn },
      { __typename: 'Team', id: team.id, name: team.name },
    ]);
  });
});
