import { mutationSuite } from '../test-support/mutations';
import { buildWorld, worldCreditCode } from '../test-support/world';

const t = mutationSuite();

const PARTICIPANTS = `query ($place: ID!, $on: LocalDate) {
  place: node(id: $place) { ... on Enterprise { kind participants(first: 50, filter: { activeOn: $on }) {
    nodes { role joinedOn leftOn organisation { creditCode } parent { organisation { creditCode } } } } } }
}`;

/** "ROLE code ← parent code" for each participant of a place (active on a day, or all). */
async function participants(place: string, on?: string): Promise<string[]> {
  const { place: found } = await t.api.ok(PARTICIPANTS, { place, on });
  return found.participants.nodes.map(
    (p: { role: string; organisation: { creditCode: string }; parent: { organisation: { creditCode: string } } | null }) =>
      `${p.role} ${p.organisation.creditCode.slice(-4)}${p.parent ? ` ← ${p.parent.organisation.creditCode.slice(-4)}` : ''}`,
  );
}

async function site(w: Awaited<ReturnType<typeof buildWorld>>, k: number, name: string): Promise<string> {
  const made = await t.m.ok(
    'createEnterprise',
    {
      zoneId: w.zones.basic,
      kind: 'CONSTRUCTION_PROJECT',
      name,
      creditCode: worldCreditCode(w, k),
      industry: '房屋建筑',
      joinedOn: '2025-01-06',
    },
    'kind',
  );
  expect(made.kind).toBe('CONSTRUCTION_PROJECT');
  return made.id;
}

describe('organisations working at places (总包负责制)', () => {
  it('puts one general contractor on two sites, with its subcontractor and a work team under it, and reads the structure back', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'park');
    const north = await site(w, 1, '城北安置房项目');
    const south = await site(w, 2, '城南学校项目');
    const code = (k: number) => worldCreditCode(w, k);
    const builder = await m.ok(
      'createOrganisation',
      { programId: w.program, name: ' 川南建工集团有限公司 ', creditCode: code(50) },
      'name',
    );
    expect(builder.name).toBe('川南建工集团有限公司');
    const steel = await m.ok('createOrganisation', { programId: w.program, name: '锦城钢结构工程有限公司', creditCode: code(51) });
    const crew = await m.ok('createOrganisation', { programId: w.program, name: '蓉发劳务有限公司', creditCode: code(52) });
    const renamed = await m.ok(
      'updateOrganisation',
      { id: steel.id, version: steel.version, name: '锦城钢构工程有限公司' },
      'name creditCode',
    );
    expect(renamed).toMatchObject({ name: '锦城钢构工程有限公司', creditCode: code(51) });

    // The same general contractor on a second site: its credit code is the organisation's, not the site's.
    const gcNorth = await m.ok('addPlaceParticipant', {
      enterpriseId: north,
      organisationId: builder.id,
      role: 'GENERAL_CONTRACTOR',
      joinedOn: '2025-02-01',
    });
    await m.ok('addPlaceParticipant', {
      enterpriseId: south,
      organisationId: builder.id,
      role: 'GENERAL_CONTRACTOR',
      joinedOn: '2025-03-01',
    });
    const sub = await m.ok('addPlaceParticipant', {
      enterpriseId: north,
      organisationId: steel.id,
      role: 'SUBCONTRACTOR',
      parentId: gcNorth.id,
      joinedOn: '2025-02-10',
    });
    await m.ok('addPlaceParticipant', {
      enterpriseId: north,
      organisationId: crew.id,
      role: 'WORK_TEAM',
      parentId: sub.id,
      joinedOn: '2025-02-12',
    });
    const tail = (k: number) => code(k).slice(-4);
    expect(await participants(north)).toEqual([
      `GENERAL_CONTRACTOR ${tail(50)}`,
      `SUBCONTRACTOR ${tail(51)} ← ${tail(50)}`,
      `WORK_TEAM ${tail(52)} ← ${tail(51)}`,
    ]);
    expect(await participants(south)).toEqual([`GENERAL_CONTRACTOR ${tail(50)}`]);

    const served = await api.ok(
      `query ($id: ID!) { node(id: $id) { ... on Organisation { program { id } placesServed(first: 10) { totalCount nodes { role place { name } } } } } }`,
      { id: builder.id },
    );
    expect(served.node.program.id).toBe(w.program);
    expect(served.node.placesServed.nodes.map((p: { place: { name: string } }) => p.place.name)).toEqual([
      '城北安置房项目',
      '城南学校项目',
    ]);
    const listed = await api.ok(
      `query ($p: ID!) { organisations(first: 10, filter: { programId: $p, search: "劳务" }) { nodes { name } } }`,
      {
        p: w.program,
      },
    );
    expect(listed.organisations.nodes).toEqual([{ name: '蓉发劳务有限公司' }]);
    const places = await api.ok(
      `query ($park: ID!) { enterprises(first: 10, filter: { parkId: $park, kinds: [CONSTRUCTION_PROJECT] }) { totalCount } }`,
      {
        park: w.park,
      },
    );
    expect(places.enterprises.totalCount).toBe(2);

    // The general contractor leaves the north site: those under it leave with it, and another can come.
    const ended = await m.ok('endPlaceParticipant', { id: gcNorth.id, version: gcNorth.version, leftOn: '2025-06-30' }, 'leftOn');
    expect(ended.leftOn).toBe('2025-06-30');
    expect(await participants(north, '2025-06-29')).toHaveLength(3);
    expect(await participants(north, '2025-06-30')).toEqual([]);
    const next = await m.ok('createOrganisation', { programId: w.program, name: '天府建设有限公司', creditCode: code(53) });
    await m.ok('addPlaceParticipant', { enterpriseId: north, organisationId: next.id, role: 'GENERAL_CONTRACTOR', joinedOn: '2025-07-01' });
    expect(await participants(north, '2025-07-01')).toEqual([`GENERAL_CONTRACTOR ${tail(53)}`]);
    expect(await participants(north)).toHaveLength(4);
  });

  it('refuses what 总包负责制 does not allow, naming the field, and writes nothing', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'park');
    const north = await site(w, 1, '城北安置房项目');
    const south = await site(w, 2, '城南学校项目');
    const factory = (
      await m.ok('createEnterprise', {
        zoneId: w.zones.fine,
        name: '磷都化工有限公司',
        creditCode: worldCreditCode(w, 3),
        industry: '磷化工',
        joinedOn: '2025-01-06',
      })
    ).id;
    const code = (k: number) => worldCreditCode(w, k);
    const builder = await m.ok('createOrganisation', { programId: w.program, name: '川南建工集团有限公司', creditCode: code(50) });
    const steel = await m.ok('createOrganisation', { programId: w.program, name: '锦城钢结构工程有限公司', creditCode: code(51) });
    expect(await m.refuse('createOrganisation', { programId: w.program, name: '同码公司', creditCode: code(50) })).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('updateOrganisation', { id: steel.id, version: steel.version, creditCode: code(50) })).toMatchObject({
      code: 'CONFLICT',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('updateOrganisation', { id: steel.id, version: steel.version, name: ' ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    const wrongCheck = code(54).slice(0, 17) + (code(54).endsWith('0') ? '1' : '0');
    expect(await m.refuse('createOrganisation', { programId: w.program, name: '错码公司', creditCode: wrongCheck })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.creditCode',
    });

    const gc = { enterpriseId: north, organisationId: builder.id, role: 'GENERAL_CONTRACTOR', joinedOn: '2025-02-01' };
    expect(await m.refuse('addPlaceParticipant', { ...gc, enterpriseId: factory })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.role',
      reason: 'MISMATCH',
    });
    expect(await m.refuse('addPlaceParticipant', { ...gc, joinedOn: '2999-01-01' })).toMatchObject({
      field: 'input.joinedOn',
      reason: 'FUTURE',
    });
    const made = await m.ok('addPlaceParticipant', gc);
    expect(await m.refuse('addPlaceParticipant', { ...gc, organisationId: steel.id })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.role',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('addPlaceParticipant', { ...gc, role: 'SUBCONTRACTOR', organisationId: steel.id })).toMatchObject({
      field: 'input.parentId',
      reason: 'REQUIRED',
    });
    expect(
      await m.refuse('addPlaceParticipant', { ...gc, role: 'GENERAL_CONTRACTOR', enterpriseId: south, parentId: made.id }),
    ).toMatchObject({ field: 'input.parentId', reason: 'NOT_ALLOWED' });
    // A subcontractor under another site's general contractor, or before it came.
    const sub = { enterpriseId: south, organisationId: steel.id, role: 'SUBCONTRACTOR', parentId: made.id, joinedOn: '2025-02-10' };
    expect(await m.refuse('addPlaceParticipant', sub)).toMatchObject({ field: 'input.parentId', reason: 'MISMATCH' });
    expect(await m.refuse('addPlaceParticipant', { ...sub, enterpriseId: north, joinedOn: '2025-01-31' })).toMatchObject({
      field: 'input.joinedOn',
      reason: 'ORDER',
    });
    expect(await m.refuse('endPlaceParticipant', { id: made.id, version: made.version, leftOn: '2025-01-31' })).toMatchObject({
      field: 'input.leftOn',
      reason: 'ORDER',
    });
    // An organisation of another program's register.
    const other = await buildWorld(m, 'park');
    const foreign = await m.ok('createOrganisation', { programId: other.program, name: '外地建工有限公司', creditCode: code(50) });
    expect(await m.refuse('addPlaceParticipant', { ...gc, enterpriseId: south, organisationId: foreign.id })).toMatchObject({
      field: 'input.organisationId',
      reason: 'MISMATCH',
    });
    expect(await participants(north)).toHaveLength(1);
    expect(await participants(south)).toEqual([]);
    const ended = await m.ok('endPlaceParticipant', { id: made.id, version: made.version, leftOn: '2025-03-01' });
    expect(await m.refuse('endPlaceParticipant', { id: made.id, version: ended.version, leftOn: '2025-03-02' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await m.refuse('addPlaceParticipant', { ...sub, enterpriseId: north, joinedOn: '2025-03-05' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect((await api.ok(`{ placeParticipants(first: 50) { totalCount } }`)).placeParticipants.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('are named by what happens at a place: a wage dispute names the work team and its subcontractor, a hazard the one answerable, a request the one asking', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'park');
    const north = await site(w, 1, '城北安置房项目');
    const code = (k: number) => worldCreditCode(w, k);
    const steel = await m.ok('createOrganisation', { programId: w.program, name: '锦城钢结构工程有限公司', creditCode: code(51) });
    const crew = await m.ok('createOrganisation', { programId: w.program, name: '蓉发劳务有限公司', creditCode: code(52) });
    const wages = {
      parkId: w.park,
      enterpriseIds: [north],
      organisationIds: [crew.id, steel.id],
      category: 'WAGES',
      summary: '班组工人追讨欠薪',
      partiesCount: 12,
      identifiedOn: '2025-05-06',
    };
    const made = await m.ok('recordDispute', wages, 'organisations { name } enterprises { name }');
    expect(made.organisations.map((o: { name: string }) => o.name).sort()).toEqual(['蓉发劳务有限公司', '锦城钢结构工程有限公司']);
    expect(made.enterprises).toEqual([{ name: '城北安置房项目' }]);
    const byCrew = await api.ok(`query ($o: ID!) { disputes(first: 10, filter: { organisationId: $o }) { nodes { id } } }`, { o: crew.id });
    expect(byCrew.disputes.nodes).toEqual([{ id: made.id }]);

    const other = await buildWorld(m, 'park');
    const foreign = await m.ok('createOrganisation', { programId: other.program, name: '外地劳务有限公司', creditCode: code(53) });
    expect(await m.refuse('recordDispute', { ...wages, organisationIds: [steel.id, foreign.id] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.organisationIds.1',
      reason: 'MISMATCH',
    });
    const all = await api.ok(`query ($p: ID!) { disputes(first: 10, filter: { parkId: $p }) { totalCount } }`, { p: w.park });
    expect(all.disputes.totalCount).toBe(1);

    // A hazard names the organisation answerable for it, a request the one asking.
    const hazard = {
      enterpriseId: north,
      organisationId: steel.id,
      source: 'INSPECTION',
      description: '钢结构吊装区未设警戒',
      foundOn: '2025-05-07',
      deadline: '2025-05-14',
    };
    const found = await m.ok('reportHazard', hazard, 'organisation { name }');
    expect(found.organisation).toEqual({ name: '锦城钢结构工程有限公司' });
    expect(await m.refuse('reportHazard', { ...hazard, organisationId: foreign.id })).toMatchObject({
      field: 'input.organisationId',
      reason: 'MISMATCH',
    });
    const request = {
      requesterKind: 'ENTERPRISE',
      enterpriseId: north,
      organisationId: crew.id,
      kind: 'HOUSEHOLD_REGISTRATION',
      channel: 'DOORSTEP',
      source: 'WECHAT_GROUP',
      description: '班组工人集中办理居住证',
      receivedAt: '2025-05-08T02:00:00Z',
    };
    const asked = await m.ok('receiveServiceRequest', request, 'organisation { name }');
    expect(asked.organisation).toEqual({ name: '蓉发劳务有限公司' });
    expect(await m.refuse('receiveServiceRequest', { ...request, organisationId: w.program })).toMatchObject({
      field: 'input.organisationId',
      reason: 'WRONG_TYPE',
    });
    const listed = await api.ok(
      `query ($s: ID!, $c: ID!) { hazards(first: 5, filter: { organisationId: $s }) { nodes { id } } serviceRequests(first: 5, filter: { organisationId: $c }) { nodes { id } } }`,
      { s: steel.id, c: crew.id },
    );
    expect(listed).toEqual({ hazards: { nodes: [{ id: found.id }] }, serviceRequests: { nodes: [{ id: asked.id }] } });
  });

  it('are the program’s register: a park administrator reads it and records who works at its places, only a program administrator adds to it', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'park');
    const north = await site(w, 1, '城北安置房项目');
    const builder = await m.ok('createOrganisation', {
      programId: w.program,
      name: '川南建工集团有限公司',
      creditCode: worldCreditCode(w, 50),
    });
    const other = await buildWorld(m, 'park');
    const parkId = (id: string) => Number(Buffer.from(id, 'base64').toString().split(':')[1]);
    await api.createUser({ username: 'organisation-own-admin', role: 'PARK_ADMIN', parkIds: [parkId(w.park)] });
    await api.createUser({ username: 'organisation-other-admin', role: 'PARK_ADMIN', parkIds: [parkId(other.park)] });
    const own = api.as({ token: await api.signIn('organisation-own-admin') });
    const stranger = api.as({ token: await api.signIn('organisation-other-admin') });

    expect((await own(`{ organisations(first: 10) { nodes { id } } }`)).data.organisations.nodes).toEqual([{ id: builder.id }]);
    expect((await stranger(`{ organisations(first: 10) { nodes { id } } }`)).data.organisations.nodes).toEqual([]);
    const add = `mutation ($input: AddPlaceParticipantInput!) { addPlaceParticipant(input: $input) { placeParticipant { id role } } }`;
    const input = { enterpriseId: north, organisationId: builder.id, role: 'GENERAL_CONTRACTOR', joinedOn: '2025-02-01' };
    expect((await stranger(add, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const added = await own(add, { input });
    expect(added.errors).toBeUndefined();
    expect((await stranger(`{ placeParticipants(first: 10) { nodes { id } } }`)).data.placeParticipants.nodes).toEqual([]);
    const create = await own(`mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id } } }`, {
      input: { programId: w.program, name: '新单位', creditCode: worldCreditCode(w, 51) },
    });
    expect(create.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
