import { mutationSuite } from '../test-support/mutations';
import { buildWorld, type World } from '../test-support/world';
import { parseGlobalId, toGlobalId } from '../shared/graphql/global-id';
import { startServer, type RunningServer } from '../server';
import { Viewer } from '../access/viewer';

/**
 * Queries answered by one SQL statement (shared/graphql/one-statement.ts) answer exactly what the
 * resolvers answer: the same data and the same errors, for every kind of viewer, compared against a
 * second server on the same database that leaves every query to the resolvers.
 */
const suite = mutationSuite();
let a: World;
let b: World;
let resolversOnly: RunningServer;
const tokens: Record<string, string | null> = {};
let key: { key: string; origin: string };
let zoneArchived: string;

beforeAll(async () => {
  a = await buildWorld(suite.m);
  b = await buildWorld(suite.m);
  for (const w of [a, b]) {
    for (const [day, officer, enterprise] of [
      ['2025-03-03', w.officer2, w.enterprise],
      ['2025-03-10', w.officer2, w.enterprise],
      ['2025-03-17', w.officer2, w.enterprise],
      ['2025-03-05', w.officer, w.enterprise2],
    ] as const) {
      await suite.m.ok('recordVisit', {
        officerId: officer,
        enterpriseId: enterprise,
        visitedOn: day,
        activities: ['SAFETY_INSPECTION', 'SECURITY_PUBLICITY'],
      });
    }
    for (const [hour, enterprise] of [
      ['02', w.enterprise],
      ['03', w.enterprise2],
      ['04', w.enterprise],
    ] as const) {
      const request = await suite.m.ok(
        'receiveServiceRequest',
        {
          enterpriseId: enterprise,
          kind: 'VEHICLE_ACCESS',
          channel: 'DOORSTEP',
          source: 'PHONE',
          description: '通行证',
          receivedAt: `2025-06-06T${hour}:00:00.123Z`,
        },
        'id',
      );
      if (hour === '03')
        await suite.m.ok('assignServiceRequest', { id: request.id, version: 1, at: '2025-06-06T05:00:00Z', unitId: w.station });
    }
  }
  // An enterprise whose zone the park administrator of B cannot read would be a NOT_FOUND; an archived zone is still readable.
  zoneArchived = a.zones.basic;
  const parkA = parseGlobalId(a.park, 'id').id;
  const programA = (await suite.api.db.sql.query<{ program_id: number }>('SELECT program_id FROM park WHERE id = $1', [parkA])).rows[0]!
    .program_id;
  const officerUser = parseGlobalId(a.officer2, 'id').id;
  await suite.api.createUser({ username: 'os-park-admin', role: 'PARK_ADMIN', parkIds: [parkA] });
  await suite.api.createUser({ username: 'os-program-admin', role: 'PROGRAM_ADMIN', programIds: [programA] });
  await suite.api.createUser({ username: 'os-officer', role: 'OFFICER', officerId: officerUser });
  tokens.system = suite.api.adminToken;
  tokens.park = await suite.api.signIn('os-park-admin');
  tokens.program = await suite.api.signIn('os-program-admin');
  tokens.officer = await suite.api.signIn('os-officer');
  tokens.anonymous = null;
  const created = await suite.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
    input: { name: 'os-portal', scope: a.park, allowedOrigins: ['https://portal.example.gov.cn'] },
  });
  key = { key: created.createEmbedKey.key as string, origin: 'https://portal.example.gov.cn' };
  resolversOnly = await startServer({
    orm: suite.api.orm,
    port: 0,
    twoFactorRoles: [],
    rateLimit: { requests: 1_000_000, windowSeconds: 60 },
    oneStatementReads: false,
  });
});

afterAll(async () => {
  await resolversOnly?.close();
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function ask(url: string, viewer: string, query: string, variables: Record<string, unknown>): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (viewer === 'key') Object.assign(headers, { 'x-huhang-key': key.key, origin: key.origin });
  else if (tokens[viewer]) headers.authorization = `Bearer ${tokens[viewer]}`;
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

/** How many queries the server answered by one statement so far (its /metrics, served to the local machine). */
async function answeredByOneStatement(): Promise<number> {
  const text = await (await fetch(`${suite.api.server.url}/metrics`)).text();
  const match = /huhang_graphql_query_plan_total\{plan="one-statement"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

const NESTED = `query ($park: ID!) { park(id: $park) { id name enterprises(first: 50) { totalCount pageInfo { hasNextPage hasPreviousPage }
  nodes { id databaseId name creditCode industry employeeCount hazardousChemicals keyEnterprise status joinedOn liaisonGroupJoinedOn archivedAt createdAt version
    zone { name archivedAt park { name } } liaisonOfficer { id name title visits(first: 2) { totalCount pageInfo { hasNextPage } nodes { visitedOn activities findings enterprise { name } } } } } } } }`;

const CASES: Array<{ name: string; query: string; variables: () => Record<string, unknown>; planned: Partial<Record<string, boolean>> }> = [
  {
    name: 'park → enterprises → zone, liaison officer → visits',
    query: NESTED,
    variables: () => ({ park: a.park }),
    planned: { system: true, park: true, program: true, officer: true, key: true },
  },
  {
    name: 'the same for a park the viewer may not read',
    query: NESTED,
    variables: () => ({ park: b.park }),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'a filtered list with relations, aliases, a fragment and __typename',
    query: `query ($park: ID!, $from: DateTimeISO!, $to: DateTimeISO!, $withUnit: Boolean!) {
      requests: serviceRequests(first: 2, filter: { parkId: $park, receivedAt: { from: $from, to: $to } }) {
        __typename totalCount pageInfo { hasNextPage }
        nodes { ...request unit: assignedUnit @include(if: $withUnit) { name kind } } } }
      fragment request on ServiceRequest { __typename id kind status channel receivedAt dueAt enterprise { name creditCode } park { name } }`,
    variables: () => ({ park: a.park, from: '2025-06-01T00:00:00Z', to: '2025-07-01T00:00:00Z', withUnit: true }),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'service requests in the order asked for: due first',
    query: `query ($park: ID!, $enterprise: ID!) { serviceRequests(first: 3, filter: { parkId: $park }, orderBy: { field: DUE_AT, direction: ASC }) { nodes { id dueAt receivedAt } }
      enterprise(id: $enterprise) { serviceRequests(first: 1, orderBy: { field: RECEIVED_AT, direction: ASC }) { nodes { receivedAt } } } }`,
    variables: () => ({ park: a.park, enterprise: a.enterprise }),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'only the count of a list, and only its page info',
    query: `query ($park: ID!) { park(id: $park) { enterprises(first: 5) { totalCount } } visits(first: 2) { pageInfo { hasNextPage } } }`,
    variables: () => ({ park: a.park }),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'node(id:) with inline fragments',
    query: `query ($id: ID!) { node(id: $id) { __typename id ... on Enterprise { name creditCode zone { name } } ... on Officer { name } } }`,
    variables: () => ({ id: a.enterprise }),
    planned: { system: true, park: true, program: true, officer: true },
  },
  {
    name: 'node(id:) of a record that does not exist',
    query: `query ($id: ID!) { node(id: $id) { id ... on Enterprise { name } } }`,
    variables: () => ({ id: toGlobalId('Enterprise', 2_000_000_000) }),
    planned: { system: true, park: true },
  },
  {
    name: 'top-level enterprises with a filter and an ordering; officers; parks',
    query: `query ($zone: ID!) { enterprises(first: 5, filter: { zoneId: $zone }, orderBy: { field: NAME, direction: DESC }) { nodes { name zone { name } } }
      officers(first: 3) { totalCount nodes { name unit { name kind } } } parks { nodes { name region program { name } } } }`,
    variables: () => ({ zone: zoneArchived }),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'officers by name, each way',
    query: `{ down: officers(first: 4, orderBy: { field: NAME, direction: DESC }) { nodes { name unit { name } } }
      up: officers(first: 4, orderBy: { field: NAME }) { totalCount nodes { name } } }`,
    variables: () => ({}),
    planned: { system: true, park: true, program: true },
  },
  {
    name: 'a search with quotes, a backslash and a question mark',
    query: `query ($search: String!, $plain: String!) { odd: enterprises(first: 5, filter: { search: $search }) { totalCount nodes { name } }
      plain: enterprises(first: 5, filter: { search: $plain, hazardousChemicals: false }) { totalCount nodes { name } } }`,
    variables: () => ({ search: "磷'\\?%_", plain: '磷都' }),
    planned: { system: true, park: true },
  },
  {
    name: 'an enterprise by id, its visits and requests, skipped fields',
    query: `query ($id: ID!, $skip: Boolean!) { enterprise(id: $id) { name industry @skip(if: $skip) visits(first: 1) { nodes { visitedOn officer { name } } }
      serviceRequests(first: 5) { totalCount nodes { receivedAt status } } } }`,
    variables: () => ({ id: a.enterprise, skip: true }),
    planned: { system: true, park: true, program: true, officer: true },
  },
  {
    name: 'personal data and cursors stay with the resolvers',
    query: `query ($id: ID!) { enterprise(id: $id) { name contactPhone } enterprises(first: 1) { edges { cursor node { name } } } }`,
    variables: () => ({ id: a.enterprise }),
    planned: { system: false, park: false },
  },
  {
    name: 'a bad argument gets the resolvers’ error',
    query: `query ($id: ID!) { enterprises(first: 500) { nodes { name } } park(id: $id) { name } }`,
    variables: () => ({ id: 'not-an-id' }),
    planned: { system: false },
  },
];

const VIEWERS = ['system', 'park', 'program', 'officer', 'key', 'anonymous'];

describe.each(CASES)('$name', ({ query, variables, planned }) => {
  it.each(VIEWERS)('answers %s as the resolvers do', async (viewer) => {
    const before = await answeredByOneStatement();
    const planned1 = await ask(suite.api.server.url, viewer, query, variables());
    const byOneStatement = (await answeredByOneStatement()) - before;
    const resolved = await ask(resolversOnly.url, viewer, query, variables());
    expect(planned1).toEqual(resolved);
    if (planned[viewer] !== undefined) expect(byOneStatement).toBe(planned[viewer] ? 1 : 0);
  });
});

it('answers with the rows the statement read: values worked out by hand', async () => {
  const answer = await ask(suite.api.server.url, 'park', NESTED, { park: a.park });
  const park = (answer.body.data as { park: { enterprises: { totalCount: number; nodes: Array<Record<string, any>> } } }).park;
  expect(park.enterprises.totalCount).toBe(2);
  const enterprise = park.enterprises.nodes.find((node) => node.id === a.enterprise)!;
  expect(enterprise.liaisonOfficer.name).toBe('李华');
  expect(enterprise.liaisonOfficer.visits.totalCount).toBe(3);
  expect(enterprise.liaisonOfficer.visits.pageInfo.hasNextPage).toBe(true);
  expect(enterprise.liaisonOfficer.visits.nodes.map((visit: { visitedOn: string }) => visit.visitedOn)).toEqual([
    '2025-03-17',
    '2025-03-10',
  ]);
  expect(enterprise.liaisonOfficer.visits.nodes[0].activities).toEqual(['SAFETY_INSPECTION', 'SECURITY_PUBLICITY']);
  const ordered = await ask(suite.api.server.url, 'park', CASES[3]!.query, CASES[3]!.variables());
  const byDue = (ordered.body.data as { serviceRequests: { nodes: Array<{ dueAt: string }> } }).serviceRequests.nodes.map((n) => n.dueAt);
  expect(byDue).toHaveLength(3);
  expect(byDue).toEqual([...byDue].sort());
  const earliest = (ordered.body.data as { enterprise: { serviceRequests: { nodes: Array<{ receivedAt: string }> } } }).enterprise;
  expect(earliest.serviceRequests.nodes).toEqual([{ receivedAt: '2025-06-06T02:00:00.123Z' }]);
  const list = await ask(suite.api.server.url, 'system', CASES[2]!.query, CASES[2]!.variables());
  const requests = (list.body.data as { requests: { nodes: Array<{ receivedAt: string }> } }).requests;
  expect(requests.nodes.map((node) => node.receivedAt)).toEqual(['2025-06-06T04:00:00.123Z', '2025-06-06T03:00:00.123Z']);
});

it("leaves to the resolvers an answer that would carry an error: a required relation out of the viewer's scope", async () => {
  const readScope = Viewer.prototype.readScope;
  const spy = jest.spyOn(Viewer.prototype, 'readScope').mockImplementation(function (this: Viewer, entity: string) {
    return entity === 'Zone' && this.role === 'PARK_ADMIN' ? { id: { $in: [0] } } : readScope.call(this, entity);
  });
  try {
    const query = `query ($id: ID!) { enterprise(id: $id) { name zone { name } } }`;
    const before = await answeredByOneStatement();
    const answer = await ask(suite.api.server.url, 'park', query, { id: a.enterprise });
    expect(await answeredByOneStatement()).toBe(before);
    expect(answer).toEqual(await ask(resolversOnly.url, 'park', query, { id: a.enterprise }));
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  } finally {
    spy.mockRestore();
  }
});
