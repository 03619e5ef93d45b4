import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLScalarType,
  type GraphQLArgument,
  type GraphQLInputType,
} from 'graphql';
import { startTestApi, type Credentials, type GraphqlResult, type TestApi } from '../test-support/api';
import { testCreditCode } from '../test-support/mutations';
import { generateDemo } from '../demo/generator';
import { TIANFU } from '../demo/tianfu';
import { repoRoot } from '../shared/db/database';
import { toGlobalId } from '../shared/graphql/global-id';
import { sha256 } from './tokens';

/**
 * The authorization matrix: every role against every query and mutation of the committed schema, and
 * the scope of what each role reads and writes: lists, ids, node(id:), nested edges and mutations
 * aimed at another park. Park A and A2 belong to the Weng'an program, park B to Tianfu.
 */

type Who = 'anonymous' | 'key' | 'officer' | 'parkB' | 'parkA' | 'program' | 'system';
const EVERYONE_WHO: Who[] = ['anonymous', 'key', 'officer', 'parkB', 'parkA', 'program', 'system'];
const SIGNED_IN: Who[] = ['officer', 'parkB', 'parkA', 'program', 'system'];
const ADMIN_WHO: Who[] = ['parkB', 'parkA', 'program', 'system'];
const PROGRAM_WHO: Who[] = ['program', 'system'];

/** The specification: who may call each query and mutation. Everything else is refused. */
const AUDIENCE: Record<string, Who[]> = {
  // Public figures and the names beside them: every credential, embed keys included.
  ...Object.fromEntries(
    'programs program parks park commitments commitment node nodes metrics complianceReport serviceStatistics metricSeries'
      .split(' ')
      .map((name) => [name, ['key', ...SIGNED_IN] as Who[]]),
  ),
  ...Object.fromEntries(
    'policeUnits enterprises enterprise enterpriseByCreditCode officers officer liaisonAssignments teams visits patrols hazards serviceRequests recognitions me logout changePassword startTwoFactorEnrolment confirmTwoFactorEnrolment recordVisit updateVisit recordPatrol calendarDays filedReports filedReportFile zones'
      .split(' ')
      .map((name) => [name, SIGNED_IN]),
  ),
  ...Object.fromEntries(
    (
      'engagements incidents disputes facilities recordFacility removeFacility workerRegistrations registerWorker checkWorkerRegistration endWorkerRegistration organisations placeParticipants addPlaceParticipant endPlaceParticipant embedKeys updatePark createZone updateZone archiveZone createPoliceUnit updatePoliceUnit archivePoliceUnit ' +
      'createEnterprise updateEnterprise archiveEnterprise createOfficer updateOfficer archiveOfficer assignLiaisonOfficer endLiaisonAssignment ' +
      'createTeam updateTeam archiveTeam addTeamMember removeTeamMember reportHazard rectifyHazard recordDispute updateDispute ' +
      'startDisputeMediation resolveDispute escalateDispute reopenDispute recordIncident updateIncident receiveServiceRequest ' +
      'assignServiceRequest startServiceRequest resolveServiceRequest evaluateServiceRequest recordEngagement recordRecognition ' +
      'createEmbedKey updateEmbedKey rotateEmbedKey revokeEmbedKey importRecords'
    )
      .split(' ')
      .map((name) => [name, ADMIN_WHO]),
  ),
  ...Object.fromEntries(
    'users createOrganisation updateOrganisation updateProgram createPark archivePark createCommitment updateCommitment retireCommitment addIndicator updateIndicator removeIndicator createUser disableUser'
      .split(' ')
      .map((name) => [name, PROGRAM_WHO]),
  ),
  auditLog: ['system'],
  resetTwoFactor: ['system'],
  setCalendarDay: ['system'],
  createProgram: ['system'],
  archiveProgram: ['system'],
  // Signing in needs no credentials; an embed key is read-only.
  login: ['anonymous', ...SIGNED_IN],
  refreshToken: ['anonymous', ...SIGNED_IN],
};

const GATE_REASONS = new Set(['CREDENTIALS_REQUIRED', 'ROLE', 'READ_ONLY_KEY', 'PUBLIC_FIGURES_ONLY']);
const ORIGIN = 'https://portal.wengan.example';
const KEY = 'hk_pub_authorization_test_key';

const sdl = readFileSync(join(repoRoot(), 'packages/schema/schema.graphql'), 'utf8');
const schema = buildSchema(sdl);

/** A value of the right GraphQL type: enough to reach the resolver, which is where roles are checked. */
function sample(type: GraphQLInputType): unknown {
  if (type instanceof GraphQLNonNull) return sample(type.ofType);
  if (type instanceof GraphQLList) return [sample(type.ofType)];
  if (type instanceof GraphQLEnumType) return type.getValues()[0].value;
  if (type instanceof GraphQLInputObjectType) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) if (field.type instanceof GraphQLNonNull) value[field.name] = sample(field.type);
    return value;
  }
  const scalar = type as GraphQLScalarType;
  switch (scalar.name) {
    case 'ID':
      return toGlobalId('Park', 987654);
    case 'Int':
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return '2026-01-01';
    case 'DateTimeISO':
      return '2026-01-01T00:00:00.000Z';
    case 'JSON':
    case 'JSONObject':
      return {};
    default:
      return 'x';
  }
}

function operation(kind: 'query' | 'mutation', name: string): { text: string; variables: Record<string, unknown> } {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  const field = root!.getFields()[name];
  const required = field.args.filter((arg: GraphQLArgument) => arg.type instanceof GraphQLNonNull && arg.defaultValue === undefined);
  const declarations = required.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const args = required.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = 'getFields' in named ? ' { __typename }' : '';
  return {
    text: `${kind}${declarations ? ` (${declarations})` : ''} { ${name}${args ? `(${args})` : ''}${selection} }`,
    variables: Object.fromEntries(required.map((arg) => [arg.name, sample(arg.type)])),
  };
}

let api: TestApi;
const who = {} as Record<Who, Credentials>;
const id = {} as Record<string, number>;
const ask = (viewer: Who, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult> =>
  api.as(who[viewer])(query, variables);
const code = (result: GraphqlResult) => result.errors?.[0]?.extensions;
const gid = (type: string, rowId: number) => toGlobalId(type, rowId);
let cases = 0;

async function one<T = number>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await api.db.sql.query(sql, params);
  return Object.values(rows[0] as object)[0] as T;
}

beforeAll(async () => {
  api = await startTestApi(async (db) => {
    await generateDemo(db.sql, { months: 2, endDate: '2026-10-20' });
    await generateDemo(db.sql, { program: TIANFU, months: 2, endDate: '2026-10-20', seed: 7 });
  });
  const sql = api.db.sql;
  id.programA = await one(`SELECT id FROM program WHERE name <> $1`, [TIANFU.program.name]);
  id.programB = await one(`SELECT id FROM program WHERE name = $1`, [TIANFU.program.name]);
  id.parkA = await one('SELECT id FROM park WHERE program_id = $1', [id.programA]);
  id.parkB = await one('SELECT id FROM park WHERE program_id = $1', [id.programB]);
  // A second park of the Weng'an program, and a county branch with an officer who works in both parks.
  id.parkA2 = await one(`INSERT INTO park (program_id, name, level, region) VALUES ($1, '循环二园', '县级', '瓮安县') RETURNING id`, [
    id.programA,
  ]);
  id.zoneA2 = await one(`INSERT INTO zone (park_id, name) VALUES ($1, '二园片区') RETURNING id`, [id.parkA2]);
  id.countyUnit = await one(
    `INSERT INTO police_unit (program_id, park_id, name, kind, specialism) VALUES ($1, NULL, '县局治安大队', 'BRANCH', '治安') RETURNING id`,
    [id.programA],
  );
  id.countyOfficer = await one(
    `INSERT INTO officer (name, badge_number, unit_id, phone) VALUES ('县局民警', '990001', $1, '13900000001') RETURNING id`,
    [id.countyUnit],
  );
  id.enterpriseA2 = await one(
    `INSERT INTO enterprise (park_id, zone_id, name, credit_code, industry, contact_person, contact_phone, joined_on)
     VALUES ($1, $2, '二园化工有限公司', $3, '化工', '王五', '13900000002', '2026-01-01') RETURNING id`,
    [id.parkA2, id.zoneA2, testCreditCode(880001)],
  );
  id.enterpriseA = await one(`SELECT id FROM enterprise WHERE park_id = $1 AND archived_at IS NULL ORDER BY id LIMIT 1`, [id.parkA]);
  // An organisation on the Weng'an register working at an enterprise of park A (the Tianfu demo has its builders).
  const organisationA = await one(
    `INSERT INTO organisation (program_id, name, credit_code) VALUES ($1, '园区劳务派遣有限公司', $2) RETURNING id`,
    [id.programA, testCreditCode(880002)],
  );
  await sql.query(
    `INSERT INTO place_participant (park_id, enterprise_id, organisation_id, role, joined_on) VALUES ($1, $2, $3, 'LABOUR_DISPATCH', '2026-01-01')`,
    [id.parkA, id.enterpriseA, organisationA],
  );
  id.enterpriseB = await one(`SELECT id FROM enterprise WHERE park_id = $1 ORDER BY id LIMIT 1`, [id.parkB]);
  await sql.query(`INSERT INTO liaison_assignment (enterprise_id, officer_id, starts_on) VALUES ($1, $2, '2026-01-01')`, [
    id.enterpriseA2,
    id.countyOfficer,
  ]);
  await sql.query(
    `INSERT INTO visit (officer_id, enterprise_id, visited_on, activities) VALUES ($1, $2, '2026-10-02', '{SAFETY_INSPECTION}'), ($1, $3, '2026-10-03', '{SAFETY_INSPECTION}')`,
    [id.countyOfficer, id.enterpriseA2, id.enterpriseA],
  );
  // The officer who signs in: one with current enterprises in park A, and a team.
  id.officer = await one(
    `SELECT a.officer_id FROM liaison_assignment a JOIN enterprise e ON e.id = a.enterprise_id
      WHERE a.ends_on IS NULL AND e.park_id = $1 AND EXISTS (SELECT 1 FROM team_member m WHERE m.officer_id = a.officer_id)
      GROUP BY a.officer_id ORDER BY count(*) DESC LIMIT 1`,
    [id.parkA],
  );
  id.otherOfficer = await one(
    `SELECT o.id FROM officer o JOIN police_unit u ON u.id = o.unit_id WHERE u.park_id = $1 AND o.id <> $2 LIMIT 1`,
    [id.parkA, id.officer],
  );
  await api.createUser({ username: 'm-system', role: 'SYSTEM_ADMIN' });
  await api.createUser({ username: 'm-program', role: 'PROGRAM_ADMIN', programIds: [id.programA] });
  await api.createUser({ username: 'm-park-a', role: 'PARK_ADMIN', parkIds: [id.parkA] });
  await api.createUser({ username: 'm-park-b', role: 'PARK_ADMIN', parkIds: [id.parkB] });
  await api.createUser({ username: 'm-officer', role: 'OFFICER', officerId: id.officer });
  await sql.query(
    `INSERT INTO embed_key (name, prefix, key_hash, program_id, allowed_origins) VALUES ('门户', 'hk_pub_autho', $1, $2, $3)`,
    [sha256(KEY), id.programA, [ORIGIN]],
  );
  who.anonymous = {};
  who.key = { key: KEY, origin: ORIGIN };
  who.system = { token: await api.signIn('m-system') };
  who.program = { token: await api.signIn('m-program') };
  who.parkA = { token: await api.signIn('m-park-a') };
  who.parkB = { token: await api.signIn('m-park-b') };
  who.officer = { token: await api.signIn('m-officer') };
});

afterAll(async () => {
  await api.close();
  console.log(`authorization matrix: ${cases} cases`);
});

/** Row ids each viewer should see, by an independent reading of the rules in SQL. */
async function expectedIds(entity: string, viewer: Who): Promise<number[]> {
  const parks = viewer === 'parkA' ? [id.parkA] : viewer === 'parkB' ? [id.parkB] : [id.parkA, id.parkA2];
  const program = viewer === 'parkB' ? id.programB : id.programA;
  const byPark: Record<string, string> = {
    Park: 'SELECT id FROM park WHERE id = any($1)',
    Zone: 'SELECT id FROM zone WHERE park_id = any($1) AND archived_at IS NULL',
    Enterprise: 'SELECT id FROM enterprise WHERE park_id = any($1) AND archived_at IS NULL',
    Team: 'SELECT id FROM team WHERE park_id = any($1) AND archived_at IS NULL',
    Visit: 'SELECT v.id FROM visit v JOIN enterprise e ON e.id = v.enterprise_id WHERE e.park_id = any($1)',
    Patrol: 'SELECT p.id FROM patrol p JOIN team t ON t.id = p.team_id WHERE t.park_id = any($1)',
    Hazard: 'SELECT id FROM hazard WHERE park_id = any($1)',
    ServiceRequest: 'SELECT id FROM service_request WHERE park_id = any($1)',
    Dispute: 'SELECT id FROM dispute WHERE park_id = any($1)',
    Incident: 'SELECT id FROM incident WHERE park_id = any($1)',
    Engagement: 'SELECT id FROM engagement WHERE park_id = any($1)',
    Facility: 'SELECT id FROM facility WHERE park_id = any($1)',
    WorkerRegistration: 'SELECT id FROM worker_registration WHERE park_id = any($1)',
    PlaceParticipant: 'SELECT id FROM place_participant WHERE park_id = any($1)',
    Organisation: 'SELECT id FROM organisation WHERE program_id = $2 AND archived_at IS NULL',
    Recognition: 'SELECT r.id FROM recognition r JOIN enterprise e ON e.id = r.enterprise_id WHERE e.park_id = any($1)',
    LiaisonAssignment: 'SELECT a.id FROM liaison_assignment a JOIN enterprise e ON e.id = a.enterprise_id WHERE e.park_id = any($1)',
    PoliceUnit: 'SELECT id FROM police_unit WHERE (park_id = any($1) OR (park_id IS NULL AND program_id = $2)) AND archived_at IS NULL',
    Officer:
      'SELECT o.id FROM officer o JOIN police_unit u ON u.id = o.unit_id WHERE (u.park_id = any($1) OR (u.park_id IS NULL AND u.program_id = $2)) AND o.archived_at IS NULL',
    Commitment: 'SELECT id FROM commitment WHERE program_id = $2 AND retired_at IS NULL',
    Program: 'SELECT id FROM program WHERE id = $2',
  };
  if (viewer === 'officer') {
    const mine: Record<string, string> = {
      Park: 'SELECT id FROM park WHERE program_id = $2',
      Zone: 'SELECT z.id FROM zone z JOIN park p ON p.id = z.park_id WHERE p.program_id = $2 AND z.archived_at IS NULL',
      Enterprise:
        'SELECT e.id FROM enterprise e JOIN liaison_assignment a ON a.enterprise_id = e.id AND a.ends_on IS NULL WHERE a.officer_id = $1',
      Team: 'SELECT DISTINCT t.id FROM team t JOIN team_member m ON m.team_id = t.id WHERE m.officer_id = $1 AND t.archived_at IS NULL',
      Visit: `SELECT v.id FROM visit v WHERE v.officer_id = $1 AND v.enterprise_id IN (SELECT enterprise_id FROM liaison_assignment WHERE officer_id = $1 AND ends_on IS NULL)`,
      Patrol: 'SELECT p.id FROM patrol p WHERE p.team_id IN (SELECT team_id FROM team_member WHERE officer_id = $1)',
      Hazard:
        'SELECT id FROM hazard WHERE enterprise_id IN (SELECT enterprise_id FROM liaison_assignment WHERE officer_id = $1 AND ends_on IS NULL)',
      ServiceRequest:
        'SELECT id FROM service_request WHERE enterprise_id IN (SELECT enterprise_id FROM liaison_assignment WHERE officer_id = $1 AND ends_on IS NULL)',
      Recognition:
        'SELECT id FROM recognition WHERE enterprise_id IN (SELECT enterprise_id FROM liaison_assignment WHERE officer_id = $1 AND ends_on IS NULL)',
      LiaisonAssignment: 'SELECT id FROM liaison_assignment WHERE officer_id = $1 AND ends_on IS NULL',
      PoliceUnit: 'SELECT id FROM police_unit WHERE program_id = $2 AND archived_at IS NULL',
      Officer: 'SELECT id FROM officer WHERE id = $1',
      Commitment: 'SELECT id FROM commitment WHERE program_id = $2 AND retired_at IS NULL',
      Program: 'SELECT id FROM program WHERE id = $2',
    };
    const { rows } = await api.db.sql.query(mine[entity].replace('$2', String(id.programA)).replace(/\$1/g, String(id.officer)));
    return rows.map((row: { id: number }) => row.id).sort((a, b) => a - b);
  }
  const sql = byPark[entity].replace(/\$1/g, `ARRAY[${parks.join(',')}]::int[]`).replace(/\$2/g, String(program));
  const { rows } = await api.db.sql.query(sql);
  return rows.map((row: { id: number }) => row.id).sort((a, b) => a - b);
}

const LISTS: Array<[query: string, entity: string, who: Who[]]> = [
  ['parks', 'Park', ['officer', 'parkA', 'parkB', 'program']],
  ['programs', 'Program', ['officer', 'parkA', 'parkB', 'program']],
  ['zones', 'Zone', ['officer', 'parkA', 'parkB', 'program']],
  ['policeUnits', 'PoliceUnit', ['officer', 'parkA', 'parkB', 'program']],
  ['officers', 'Officer', ['officer', 'parkA', 'parkB', 'program']],
  ['enterprises', 'Enterprise', ['officer', 'parkA', 'parkB', 'program']],
  ['liaisonAssignments', 'LiaisonAssignment', ['officer', 'parkA', 'parkB', 'program']],
  ['teams', 'Team', ['officer', 'parkA', 'parkB', 'program']],
  ['visits', 'Visit', ['officer', 'parkA', 'parkB', 'program']],
  ['patrols', 'Patrol', ['officer', 'parkA', 'parkB', 'program']],
  ['hazards', 'Hazard', ['officer', 'parkA', 'parkB', 'program']],
  ['serviceRequests', 'ServiceRequest', ['officer', 'parkA', 'parkB', 'program']],
  ['recognitions', 'Recognition', ['officer', 'parkA', 'parkB', 'program']],
  ['disputes', 'Dispute', ['parkA', 'parkB', 'program']],
  ['incidents', 'Incident', ['parkA', 'parkB', 'program']],
  ['engagements', 'Engagement', ['parkA', 'parkB', 'program']],
  ['facilities', 'Facility', ['parkA', 'parkB', 'program']],
  ['workerRegistrations', 'WorkerRegistration', ['parkA', 'parkB', 'program']],
  ['organisations', 'Organisation', ['parkA', 'parkB', 'program']],
  ['placeParticipants', 'PlaceParticipant', ['parkA', 'parkB', 'program']],
  ['commitments', 'Commitment', ['officer', 'parkA', 'parkB', 'program']],
];

describe('what each role reads', () => {
  it.each(LISTS)('%s: exactly the rows of the viewer’s scope, counted and paged in SQL', async (query, entity, viewers) => {
    for (const viewer of viewers) {
      const expected = await expectedIds(entity, viewer);
      const seen: number[] = [];
      let after: string | null = null;
      let total = -1;
      do {
        const result = await ask(
          viewer,
          `query ($after: String) { ${query}(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { databaseId } } }`,
          { after },
        );
        expect(result.errors).toBeUndefined();
        const page = result.data[query];
        total = page.totalCount;
        seen.push(...page.nodes.map((node: { databaseId: number }) => node.databaseId));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect({ viewer, total }).toEqual({ viewer, total: expected.length });
      expect(seen.sort((a, b) => a - b)).toEqual(expected);
      cases++;
    }
  });

  it('node(id:), nodes(ids:) and the by-id queries answer null for a record of another park', async () => {
    const targets: Array<[type: string, sql: string]> = [
      ['Park', `SELECT ${id.parkA}`],
      ['Zone', `SELECT id FROM zone WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Enterprise', `SELECT ${id.enterpriseA}`],
      ['Officer', `SELECT o.id FROM officer o JOIN police_unit u ON u.id = o.unit_id WHERE u.park_id = ${id.parkA} LIMIT 1`],
      ['PoliceUnit', `SELECT id FROM police_unit WHERE park_id = ${id.parkA} LIMIT 1`],
      ['LiaisonAssignment', `SELECT id FROM liaison_assignment WHERE enterprise_id = ${id.enterpriseA} LIMIT 1`],
      ['Team', `SELECT id FROM team WHERE park_id = ${id.parkA} LIMIT 1`],
      ['TeamMember', `SELECT m.id FROM team_member m JOIN team t ON t.id = m.team_id WHERE t.park_id = ${id.parkA} LIMIT 1`],
      ['Visit', `SELECT v.id FROM visit v JOIN enterprise e ON e.id = v.enterprise_id WHERE e.park_id = ${id.parkA} LIMIT 1`],
      ['Patrol', `SELECT p.id FROM patrol p JOIN team t ON t.id = p.team_id WHERE t.park_id = ${id.parkA} LIMIT 1`],
      ['Hazard', `SELECT id FROM hazard WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Dispute', `SELECT id FROM dispute WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Incident', `SELECT id FROM incident WHERE park_id = ${id.parkA} LIMIT 1`],
      ['ServiceRequest', `SELECT id FROM service_request WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Engagement', `SELECT id FROM engagement WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Facility', `SELECT id FROM facility WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Organisation', `SELECT id FROM organisation WHERE program_id = ${id.programA} LIMIT 1`],
      ['PlaceParticipant', `SELECT id FROM place_participant WHERE park_id = ${id.parkA} LIMIT 1`],
      ['Recognition', `SELECT r.id FROM recognition r JOIN enterprise e ON e.id = r.enterprise_id WHERE e.park_id = ${id.parkA} LIMIT 1`],
      ['Program', `SELECT ${id.programA}`],
      ['Commitment', `SELECT id FROM commitment WHERE program_id = ${id.programA} LIMIT 1`],
      ['Indicator', `SELECT i.id FROM indicator i JOIN commitment c ON c.id = i.commitment_id WHERE c.program_id = ${id.programA} LIMIT 1`],
    ];
    for (const [type, sql] of targets) {
      const rowId = await one<number>(sql);
      expect(rowId).toBeDefined();
      const query = `query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`;
      const own = await ask('parkA', query, { id: gid(type, rowId) });
      expect({ type, node: own.data?.node?.id }).toEqual({ type, node: gid(type, rowId) });
      const other = await ask('parkB', query, { id: gid(type, rowId) });
      expect({ type, node: other.data?.node, nodes: other.data?.nodes }).toEqual({ type, node: null, nodes: [null] });
      cases += 2;
    }
    const byId = await ask(
      'parkB',
      `{ park(id: "${gid('Park', id.parkA)}") { id } enterprise(id: "${gid('Enterprise', id.enterpriseA)}") { id }
         program(id: "${gid('Program', id.programA)}") { id } officer(id: "${gid('Officer', id.countyOfficer)}") { id } }`,
    );
    expect(byId.data).toEqual({ park: null, enterprise: null, program: null, officer: null });
    const credit = await one<string>(`SELECT credit_code FROM enterprise WHERE id = ${id.enterpriseA}`);
    expect((await ask('parkB', `{ enterpriseByCreditCode(creditCode: "${credit}") { id } }`)).data.enterpriseByCreditCode).toBeNull();
    cases += 5;
  });

  it('nested edges stop at the scope: a county officer’s visits, a program’s parks, a park’s enterprises', async () => {
    const officerVisits = `{ officer(id: "${gid('Officer', id.countyOfficer)}") { name visits { totalCount nodes { enterprise { databaseId } } } liaisonAssignments { totalCount } } }`;
    const asParkA = await ask('parkA', officerVisits);
    expect(asParkA.data.officer.visits.totalCount).toBe(1);
    expect(asParkA.data.officer.visits.nodes[0].enterprise.databaseId).toBe(id.enterpriseA);
    expect(asParkA.data.officer.liaisonAssignments.totalCount).toBe(0);
    const asProgram = await ask('program', officerVisits);
    expect(asProgram.data.officer.visits.totalCount).toBe(2);
    expect(asProgram.data.officer.liaisonAssignments.totalCount).toBe(1);
    expect((await ask('parkB', officerVisits)).data.officer).toBeNull();

    const programParks = `{ programs { nodes { parks { totalCount nodes { databaseId } } commitments { totalCount } } } }`;
    expect((await ask('parkA', programParks)).data.programs.nodes[0].parks.nodes.map((p: { databaseId: number }) => p.databaseId)).toEqual([
      id.parkA,
    ]);
    expect((await ask('program', programParks)).data.programs.nodes[0].parks.totalCount).toBe(2);
    const keyView = await ask('key', programParks.replace(' commitments { totalCount }', ''));
    expect(keyView.data.programs.nodes[0].parks.totalCount).toBe(2);

    // An embed key reads names, never records about people or enterprises, even through an edge.
    const keyEdges = await ask(
      'key',
      `{ parks { nodes { name enterprises { totalCount } teams { totalCount } policeUnits { totalCount } } } }`,
    );
    expect(keyEdges.errors).toBeUndefined();
    for (const park of keyEdges.data.parks.nodes) {
      expect([park.enterprises.totalCount, park.teams.totalCount, park.policeUnits.totalCount]).toEqual([0, 0, 0]);
    }
    // The officer reaches its enterprises' records only.
    const mine = await ask('officer', `{ enterprises { nodes { databaseId serviceRequests { nodes { enterprise { databaseId } } } } } }`);
    const enterprises = await expectedIds('Enterprise', 'officer');
    expect(mine.data.enterprises.nodes.map((e: { databaseId: number }) => e.databaseId).sort((a: number, b: number) => a - b)).toEqual(
      enterprises,
    );
    cases += 9;
  });

  it('masks personal fields for those not entitled, and shows them whole to those who are', async () => {
    const county = `{ officer(id: "${gid('Officer', id.countyOfficer)}") { badgeNumber phone } }`;
    expect((await ask('parkA', county)).data.officer).toEqual({ badgeNumber: '99**01', phone: '139****0001' });
    expect((await ask('program', county)).data.officer).toEqual({ badgeNumber: '990001', phone: '13900000001' });
    const self = `{ officer(id: "${gid('Officer', id.officer)}") { badgeNumber } others: officer(id: "${gid('Officer', id.otherOfficer)}") { badgeNumber } }`;
    const asOfficer = await ask('officer', self);
    expect(asOfficer.data.officer.badgeNumber).toMatch(/^[0-9A-Z]{6,8}$/);
    expect(asOfficer.data.others).toBeNull();
    const contacts = await ask('officer', '{ enterprises(first: 1) { nodes { contactPhone } } }');
    expect(contacts.data.enterprises.nodes[0].contactPhone).toMatch(/^1[0-9]{10}$/);
    cases += 4;
  });

  it('gives an embed key public figures of its own program and parks only', async () => {
    const report = `query ($scope: ID!) { serviceStatistics(scope: $scope, period: { year: 2026 }) { disclosure } }`;
    expect((await ask('key', report, { scope: gid('Program', id.programA) })).data.serviceStatistics.disclosure).toBe('PUBLIC');
    expect((await ask('key', report, { scope: gid('Park', id.parkA2) })).data.serviceStatistics.disclosure).toBe('PUBLIC');
    expect(code(await ask('key', report, { scope: gid('Program', id.programB) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await ask('key', report, { scope: gid('Park', id.parkB) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(code(await ask('key', report, { scope: gid('Officer', id.officer) }))).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'PUBLIC_FIGURES_ONLY',
    });
    expect((await ask('parkA', report, { scope: gid('Park', id.parkA) })).data.serviceStatistics.disclosure).toBe('FULL');
    expect((await ask('parkA', report, { scope: gid('Program', id.programA) })).data.serviceStatistics.disclosure).toBe('PUBLIC');
    expect(code(await ask('parkB', report, { scope: gid('Park', id.parkA) }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await ask('officer', report, { scope: gid('Officer', id.officer) })).data.serviceStatistics.disclosure).toBe('FULL');
    cases += 9;
  });
});

describe('what each role writes', () => {
  const UPDATE_ENTERPRISE = `mutation ($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { version zone { databaseId } } } }`;
  const version = (table: string, rowId: number) => one<number>(`SELECT version FROM ${table} WHERE id = $1`, [rowId]);

  it('refuses writes aimed at another park, and writes nothing', async () => {
    const before = await version('enterprise', id.enterpriseA);
    const enterprise = gid('Enterprise', id.enterpriseA);
    // Another park's administrator cannot even find it.
    expect(code(await ask('parkB', UPDATE_ENTERPRISE, { input: { id: enterprise, version: before, name: '越权' } }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Moving one's own enterprise into another park of the program: that zone is out of scope.
    expect(
      code(await ask('parkA', UPDATE_ENTERPRISE, { input: { id: enterprise, version: before, zoneId: gid('Zone', id.zoneA2) } })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // Registering an enterprise in another park's zone.
    const zoneB = await one<number>(`SELECT id FROM zone WHERE park_id = ${id.parkB} LIMIT 1`);
    const create = await ask(
      'parkA',
      `mutation ($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { enterprise { id } } }`,
      {
        input: {
          zoneId: gid('Zone', zoneB),
          name: '越权企业',
          creditCode: testCreditCode(880002),
          industry: '化工',
          joinedOn: '2026-10-01',
        },
      },
    );
    expect(code(create)).toMatchObject({ code: 'NOT_FOUND' });
    // A county branch is visible to a park administrator, but only the program's administrators change it.
    const unitVersion = await version('police_unit', id.countyUnit);
    const unit = await ask(
      'parkA',
      `mutation ($input: UpdatePoliceUnitInput!) { updatePoliceUnit(input: $input) { policeUnit { name } } }`,
      {
        input: { id: gid('PoliceUnit', id.countyUnit), version: unitVersion, name: '改名' },
      },
    );
    expect(code(unit)).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // A program administrator cannot change another program.
    const programB = await ask('program', `mutation ($input: UpdateProgramInput!) { updateProgram(input: $input) { program { name } } }`, {
      input: { id: gid('Program', id.programB), version: 1, name: '越权' },
    });
    expect(code(programB)).toMatchObject({ code: 'NOT_FOUND' });
    const commitment = await ask(
      'program',
      `mutation ($input: CreateCommitmentInput!) { createCommitment(input: $input) { commitment { id } } }`,
      { input: { programId: gid('Program', id.programB), code: 'C99', area: 'PARTNERSHIP', title: { zhCN: '越权' } } },
    );
    expect(code(commitment)?.code).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    expect(await version('enterprise', id.enterpriseA)).toBe(before);
    expect(await version('police_unit', id.countyUnit)).toBe(unitVersion);
    expect(await one<number>(`SELECT count(*)::int FROM enterprise WHERE name = '越权企业'`)).toBe(0);
    expect(
      await one<number>(
        `SELECT count(*)::int FROM audit_log WHERE actor_name IN ('m-park-a', 'm-park-b', 'm-program') AND action NOT IN ('login', 'READ_PERSONAL')`,
      ),
    ).toBe(0);
    cases += 6;
  });

  it('lets each role write its own scope', async () => {
    const own = await ask('parkA', UPDATE_ENTERPRISE, {
      input: { id: gid('Enterprise', id.enterpriseA), version: await version('enterprise', id.enterpriseA), employeeCount: 321 },
    });
    expect(own.errors).toBeUndefined();
    const unit = await ask(
      'program',
      `mutation ($input: UpdatePoliceUnitInput!) { updatePoliceUnit(input: $input) { policeUnit { name } } }`,
      {
        input: { id: gid('PoliceUnit', id.countyUnit), version: await version('police_unit', id.countyUnit), name: '县局治安管理大队' },
      },
    );
    expect(unit.errors).toBeUndefined();
    const assigned = (await expectedIds('Enterprise', 'officer'))[0];
    const visit = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } } }`;
    const mine = await ask('officer', visit, {
      input: {
        officerId: gid('Officer', id.officer),
        enterpriseId: gid('Enterprise', assigned),
        visitedOn: '2026-10-10',
        activities: ['SAFETY_INSPECTION'],
      },
    });
    expect(mine.errors).toBeUndefined();
    // Not as another officer, and not at an enterprise that is not the officer's.
    const asOther = await ask('officer', visit, {
      input: {
        officerId: gid('Officer', id.otherOfficer),
        enterpriseId: gid('Enterprise', assigned),
        visitedOn: '2026-10-10',
        activities: ['SAFETY_INSPECTION'],
      },
    });
    expect(code(asOther)).toMatchObject({ code: 'NOT_FOUND' });
    const elsewhere = await ask('officer', visit, {
      input: {
        officerId: gid('Officer', id.officer),
        enterpriseId: gid('Enterprise', id.enterpriseA2),
        visitedOn: '2026-10-10',
        activities: ['SAFETY_INSPECTION'],
      },
    });
    expect(code(elsewhere)).toMatchObject({ code: 'NOT_FOUND' });
    const othersVisit = await one<number>(`SELECT id FROM visit WHERE officer_id = $1 LIMIT 1`, [id.countyOfficer]);
    const change = await ask('officer', `mutation ($input: UpdateVisitInput!) { updateVisit(input: $input) { visit { id } } }`, {
      input: { id: gid('Visit', othersVisit), version: 1, findings: '越权' },
    });
    expect(code(change)).toMatchObject({ code: 'NOT_FOUND' });
    cases += 6;
  });
});

describe('who may call what', () => {
  const names = [
    ...Object.keys(schema.getQueryType()!.getFields()).map((name) => ['query', name] as const),
    ...Object.keys(schema.getMutationType()!.getFields()).map((name) => ['mutation', name] as const),
  ];

  it('has an audience for every query and mutation of the schema', () => {
    expect(names.map(([, name]) => name).filter((name) => !AUDIENCE[name])).toEqual([]);
  });

  it.each(names)('%s %s: allowed for its audience, refused for everyone else with a clear code', async (kind, name) => {
    const { text, variables } = operation(kind, name);
    for (const viewer of EVERYONE_WHO) {
      const allowed = AUDIENCE[name].includes(viewer);
      // Signing out for real would end the matrix's sessions: a fresh one is closed instead.
      const credentials =
        name === 'logout' && allowed
          ? { token: await api.signIn(`m-${viewer === 'parkA' ? 'park-a' : viewer === 'parkB' ? 'park-b' : viewer}`) }
          : who[viewer];
      const result = await api.as(credentials)(text, variables);
      const extensions = result.errors?.[0]?.extensions;
      if (allowed) {
        expect({ name, viewer, gate: GATE_REASONS.has(extensions?.reason as string) ? extensions : null }).toEqual({
          name,
          viewer,
          gate: null,
        });
      } else {
        const expected =
          viewer === 'anonymous'
            ? { code: 'UNAUTHENTICATED', reason: 'CREDENTIALS_REQUIRED' }
            : viewer === 'key'
              ? { code: 'FORBIDDEN', reason: kind === 'mutation' ? 'READ_ONLY_KEY' : 'PUBLIC_FIGURES_ONLY' }
              : { code: 'FORBIDDEN', reason: 'ROLE' };
        expect({ name, viewer, refusal: { code: extensions?.code, reason: extensions?.reason } }).toEqual({
          name,
          viewer,
          refusal: expected,
        });
        expect(result.data?.[name] ?? null).toBeNull();
      }
      cases++;
    }
  });
});
