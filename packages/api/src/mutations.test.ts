import { buildSchema, type GraphQLObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from './test-support/api';
import { ACCESS_MUTATIONS, MutationLog, MUTATIONS, testCreditCode } from './test-support/mutations';
import { repoRoot } from './shared/db/database';

let api: TestApi;
let m: MutationLog;

/** Records made by the success paths and used by later tests. */

const ids: Record<string, any> = {};

beforeAll(async () => {
  api = await startTestApi();
  m = new MutationLog(api);
});

afterAll(async () => {
  await api.close();
});

async function count(table: string): Promise<number> {
  const { rows } = await api.db.sql.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

describe('structure: programs, parks, zones, units, officers, enterprises', () => {
  it('creates, updates and archives programs', async () => {
    const program = await m.ok(
      'createProgram',
      { clientMutationId: 'c1', name: '瓮安县“1131”护航机制', region: '瓮安县', bureau: '瓮安县公安局' },
      'name timeZone archivedAt',
    );
    expect(program).toMatchObject({ version: 1, name: '瓮安县“1131”护航机制', timeZone: 'Asia/Shanghai', archivedAt: null });
    ids.program = program.id;

    expect(await m.refuse('createProgram', { name: '瓮安县“1131”护航机制', region: '瓮安县', bureau: '局' })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.name',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('createProgram', { name: 'X', region: '', bureau: '局' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.region',
    });
    expect(await m.refuse('createProgram', { name: 'Y', region: 'R', bureau: 'B', timeZone: 'Mars/Olympus' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.timeZone',
    });

    const updated = await m.ok(
      'updateProgram',
      { id: program.id, version: 1, description: '一个平台、一套机制、三支队伍、一个目标' },
      'description',
    );
    expect(updated).toMatchObject({ version: 2, description: '一个平台、一套机制、三支队伍、一个目标' });
    expect(await m.refuse('updateProgram', { id: program.id, version: 1, region: '黔南' })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      reason: 'STALE_VERSION',
      currentVersion: 2,
    });

    const other = await m.ok('createProgram', { name: '临时机制', region: 'R', bureau: 'B' });
    const archived = await m.ok('archiveProgram', { id: other.id, version: 1 }, 'archivedAt');
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect(await m.refuse('archiveProgram', { id: other.id, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    const listed = await api.ok(
      '{ programs { totalCount nodes { name } } all: programs(filter: { includeArchived: true }) { totalCount } }',
    );
    expect(listed.programs.totalCount).toBe(1);
    expect(listed.all.totalCount).toBe(2);
  });

  it('creates, updates and archives parks and zones', async () => {
    const park = await m.ok(
      'createPark',
      { programId: ids.program, name: '瓮安工业园区', level: '省级化工园区', region: '瓮安县' },
      'name',
    );
    ids.park = park.id;
    expect(await m.refuse('createPark', { programId: park.id, name: 'X', region: 'R' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programId',
      reason: 'WRONG_TYPE',
    });
    expect(await m.refuse('createPark', { programId: ids.program, name: '瓮安工业园区', region: 'R' })).toMatchObject({ code: 'CONFLICT' });
    await m.ok('updatePark', { id: park.id, version: 1, level: '省级' });
    expect(await m.refuse('updatePark', { id: park.id, version: 1, level: '国家级' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });

    for (const name of ['基础工业园', '循环工业园', '精细化工园']) ids[name] = (await m.ok('createZone', { parkId: park.id, name })).id;
    expect(await m.refuse('createZone', { parkId: park.id, name: '基础工业园' })).toMatchObject({ code: 'CONFLICT' });
    expect(await m.refuse('createZone', { parkId: Buffer.from('Park:99999').toString('base64url'), name: 'Z' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.parkId',
    });
    const spare = await m.ok('createZone', { parkId: park.id, name: '预留区' });
    await m.ok('updateZone', { id: spare.id, version: 1, name: '预留片区' });
    expect(await m.refuse('updateZone', { id: spare.id, version: 2, name: '' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    await m.ok('archiveZone', { id: spare.id, version: 2 });

    const emptyPark = await m.ok('createPark', { programId: ids.program, name: '待建园区', region: 'R' });
    await m.ok('archivePark', { id: emptyPark.id, version: 1 });
  });

  it('creates, updates and archives police units', async () => {
    const station = await m.ok('createPoliceUnit', { programId: ids.program, name: '雍阳派出所', kind: 'STATION' });
    ids.station = station.id;
    const workstation = await m.ok(
      'createPoliceUnit',
      { programId: ids.program, name: '基础工业园区警务站', kind: 'WORKSTATION', parkId: ids.park, zoneIds: [ids['基础工业园']] },
      'zones { name } park { name }',
    );
    expect(workstation.zones).toEqual([{ name: '基础工业园' }]);
    ids.workstation = workstation.id;
    ids.branch = (await m.ok('createPoliceUnit', { programId: ids.program, name: '治安管理大队', kind: 'BRANCH', specialism: '治安' })).id;
    expect(
      await m.refuse('createPoliceUnit', { programId: ids.program, name: '孤立警务站', kind: 'WORKSTATION', zoneIds: [ids['基础工业园']] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.zoneIds.0',
      reason: 'OUTSIDE_PARK',
    });
    const updated = await m.ok(
      'updatePoliceUnit',
      { id: workstation.id, version: 1, zoneIds: [ids['基础工业园'], ids['循环工业园']] },
      'zones { name }',
    );
    expect(updated.zones.map((z: { name: string }) => z.name).sort()).toEqual(['基础工业园', '循环工业园']);
    expect(await m.refuse('updatePoliceUnit', { id: workstation.id, version: 99, name: 'x' })).toMatchObject({ code: 'CONFLICT' });
    const spare = await m.ok('createPoliceUnit', { programId: ids.program, name: '临时卡点', kind: 'STATION' });
    await m.ok('archivePoliceUnit', { id: spare.id, version: 1 });
  });

  it('creates, updates and archives officers', async () => {
    const officer = await m.ok(
      'createOfficer',
      { unitId: ids.station, name: '王建国', badgeNumber: '520101', phone: '138 1234 5678', title: '社区民警' },
      'name title',
    );
    ids.officer = officer.id;
    ids.officer2 = (await m.ok('createOfficer', { unitId: ids.workstation, name: '李华', badgeNumber: '520102' })).id;
    expect(await m.refuse('createOfficer', { unitId: ids.station, name: '赵', badgeNumber: 'ab12' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.badgeNumber',
    });
    expect(await m.refuse('createOfficer', { unitId: ids.station, name: '钱', badgeNumber: '520101' })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.badgeNumber',
    });
    expect(await m.refuse('createOfficer', { unitId: ids.station, name: '孙', badgeNumber: '520103', phone: '12345' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.phone',
    });
    await m.ok('updateOfficer', { id: officer.id, version: 1, title: '副所长' });
    expect(await m.refuse('updateOfficer', { id: officer.id, version: 2, unitId: ids.program })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
    const leaving = await m.ok('createOfficer', { unitId: ids.station, name: '周', badgeNumber: '520109' });
    await m.ok('archiveOfficer', { id: leaving.id, version: 1 });
  });

  it('registers, updates and archives enterprises', async () => {
    const enterprise = await m.ok(
      'createEnterprise',
      {
        zoneId: ids['基础工业园'],
        name: '瓮福磷化工有限公司',
        creditCode: testCreditCode(1),
        industry: '磷化工',
        employeeCount: 820,
        hazardousChemicals: true,
        contactPerson: '张经理',
        contactPhone: '0854-2345678',
        joinedOn: '2025-01-06',
      },
      'park { name } zone { name } status',
    );
    expect(enterprise).toMatchObject({ park: { name: '瓮安工业园区' }, zone: { name: '基础工业园' }, status: 'OPERATING' });
    ids.enterprise = enterprise.id;
    ids.enterprise2 = (
      await m.ok('createEnterprise', {
        zoneId: ids['循环工业园'],
        name: '瓮安新材料公司',
        creditCode: testCreditCode(2),
        industry: '新材料',
        joinedOn: '2025-02-01',
      })
    ).id;

    const wrongCheck = testCreditCode(3).slice(0, 17) + (testCreditCode(3).endsWith('0') ? '1' : '0');
    expect(
      await m.refuse('createEnterprise', {
        zoneId: ids['基础工业园'],
        name: 'A',
        creditCode: wrongCheck,
        industry: 'x',
        joinedOn: '2025-01-01',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.creditCode',
      reason: 'CHECK_DIGIT',
    });
    expect(
      await m.refuse('createEnterprise', {
        zoneId: ids['基础工业园'],
        name: 'B',
        creditCode: testCreditCode(1),
        industry: 'x',
        joinedOn: '2025-01-01',
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      field: 'input.creditCode',
    });
    expect(
      await m.refuse('createEnterprise', {
        zoneId: ids['基础工业园'],
        name: 'C',
        creditCode: testCreditCode(4),
        industry: 'x',
        employeeCount: -1,
        joinedOn: '2025-01-01',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeCount',
    });

    const moved = await m.ok(
      'updateEnterprise',
      { id: enterprise.id, version: 1, zoneId: ids['精细化工园'], keyEnterprise: true },
      'zone { name } keyEnterprise',
    );
    expect(moved).toMatchObject({ version: 2, zone: { name: '精细化工园' }, keyEnterprise: true });
    expect(await m.refuse('updateEnterprise', { id: enterprise.id, version: 1, name: '旧名' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });

    const closing = await m.ok('createEnterprise', {
      zoneId: ids['循环工业园'],
      name: '关停化肥厂',
      creditCode: testCreditCode(5),
      industry: '化肥',
      joinedOn: '2025-01-01',
    });
    ids.closing = closing.id;
  });

  it('assigns and reassigns liaison officers, keeping the history', async () => {
    const first = await m.ok(
      'assignLiaisonOfficer',
      { enterpriseId: ids.enterprise, officerId: ids.officer, startsOn: '2025-01-06', supportingBranchIds: [ids.branch] },
      'current startsOn endsOn supportingBranches { name }',
    );
    expect(first).toMatchObject({ current: true, endsOn: null, supportingBranches: [{ name: '治安管理大队' }] });
    expect(
      await m.refuse('assignLiaisonOfficer', { enterpriseId: ids.enterprise, officerId: ids.officer, startsOn: '2025-06-01' }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ASSIGNED',
    });
    expect(
      await m.refuse('assignLiaisonOfficer', { enterpriseId: ids.enterprise, officerId: ids.officer2, startsOn: '2025-01-01' }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
    });
    expect(
      await m.refuse('assignLiaisonOfficer', {
        enterpriseId: ids.enterprise,
        officerId: ids.officer2,
        startsOn: '2025-06-01',
        supportingBranchIds: [ids.station],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.supportingBranchIds.0',
      reason: 'NOT_A_BRANCH',
    });
    await m.ok('assignLiaisonOfficer', { enterpriseId: ids.enterprise, officerId: ids.officer2, startsOn: '2025-06-01' });
    const history = await api.ok(
      `query ($id: ID!) { enterprise(id: $id) { liaisonOfficer { name } liaisonAssignments { nodes { startsOn endsOn officer { name } } } } }`,
      {
        id: ids.enterprise,
      },
    );
    expect(history.enterprise.liaisonOfficer).toEqual({ name: '李华' });
    expect(history.enterprise.liaisonAssignments.nodes).toEqual([
      { startsOn: '2025-06-01', endsOn: null, officer: { name: '李华' } },
      { startsOn: '2025-01-06', endsOn: '2025-05-31', officer: { name: '王建国' } },
    ]);

    const ended = await m.ok('assignLiaisonOfficer', { enterpriseId: ids.enterprise2, officerId: ids.officer, startsOn: '2025-02-01' });
    ids.assignment2 = ended.id;
    expect(await m.refuse('endLiaisonAssignment', { id: ended.id, version: 1, endsOn: '2025-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.endsOn',
    });
    await m.ok('endLiaisonAssignment', { id: ended.id, version: 1, endsOn: '2025-03-31' });
    expect(await m.refuse('endLiaisonAssignment', { id: ended.id, version: 2, endsOn: '2025-04-30' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await m.ok('assignLiaisonOfficer', { enterpriseId: ids.enterprise2, officerId: ids.officer, startsOn: '2025-04-01' });

    // An officer with current assignments cannot leave; an enterprise in a park blocks archiving it.
    expect(await m.refuse('archiveOfficer', { id: ids.officer, version: 2 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_CURRENT_ASSIGNMENTS',
    });
    expect(await m.refuse('archivePark', { id: ids.park, version: 2 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_ENTERPRISES',
    });
    expect(await m.refuse('archiveZone', { id: ids['循环工业园'], version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_ENTERPRISES',
    });
    expect(await m.refuse('archivePoliceUnit', { id: ids.station, version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_OFFICERS',
    });
  });

  it('archives an enterprise and ends its assignment the same day', async () => {
    await m.ok('assignLiaisonOfficer', { enterpriseId: ids.closing, officerId: ids.officer2, startsOn: '2025-01-01' });
    const archived = await m.ok('archiveEnterprise', { id: ids.closing, version: 1 }, 'archivedAt liaisonOfficer { name }');
    expect(archived.liaisonOfficer).toBeNull();
    expect(await m.refuse('archiveEnterprise', { id: ids.closing, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await m.refuse('updateEnterprise', { id: ids.closing, version: 2, name: 'x' })).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('forms teams and records their members', async () => {
    const patrol = await m.ok('createTeam', { parkId: ids.park, name: '警企巡逻联防队', type: 'PATROL' }, 'type zone { name }');
    expect(patrol).toMatchObject({ type: 'PATROL', zone: null });
    ids.patrolTeam = patrol.id;
    ids.mediationTeam = (await m.ok('createTeam', { parkId: ids.park, name: '警企矛盾纠纷联调队', type: 'MEDIATION' })).id;
    const otherPark = await m.ok('createPark', { programId: ids.program, name: '银盏园区', region: 'R' });
    const foreignZone = await m.ok('createZone', { parkId: otherPark.id, name: '东区' });
    expect(await m.refuse('createTeam', { parkId: ids.park, zoneId: foreignZone.id, name: 'x', type: 'SERVICE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.zoneId',
      reason: 'OUTSIDE_PARK',
    });
    await m.ok('updateTeam', { id: patrol.id, version: 1, zoneId: ids['基础工业园'] });
    expect(await m.refuse('updateTeam', { id: patrol.id, version: 1, name: 'x' })).toMatchObject({ code: 'CONFLICT' });

    const member = await m.ok(
      'addTeamMember',
      { teamId: patrol.id, kind: 'OFFICER', officerId: ids.officer, joinedOn: '2025-01-01' },
      'displayName',
    );
    expect(member.displayName).toBe('王建国');
    const guard = await m.ok(
      'addTeamMember',
      { teamId: patrol.id, kind: 'ENTERPRISE_GUARD', enterpriseId: ids.enterprise, name: '刘保安', joinedOn: '2025-01-01' },
      'displayName enterprise { name }',
    );
    expect(guard).toMatchObject({ displayName: '刘保安', enterprise: { name: '瓮福磷化工有限公司' } });
    expect(
      await m.refuse('addTeamMember', { teamId: patrol.id, kind: 'OFFICER', officerId: ids.officer, joinedOn: '2025-02-01' }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_MEMBER',
    });
    expect(
      await m.refuse('addTeamMember', { teamId: patrol.id, kind: 'ENTERPRISE_GUARD', name: '无名', joinedOn: '2025-02-01' }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseId',
    });
    await m.ok('removeTeamMember', { id: guard.id, version: 1, leftOn: '2025-09-30' });
    expect(await m.refuse('removeTeamMember', { id: guard.id, version: 2, leftOn: '2025-10-30' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const members = await api.ok(
      `query ($id: ID!) { node(id: $id) { ... on Team { members(filter: { current: true }) { totalCount } all: members { totalCount } } } }`,
      { id: patrol.id },
    );
    expect(members.node).toEqual({ members: { totalCount: 1 }, all: { totalCount: 2 } });

    const service = await m.ok('createTeam', { parkId: otherPark.id, name: '警企联合服务队', type: 'SERVICE' });
    await m.ok('archiveTeam', { id: service.id, version: 1 });
    expect(await m.refuse('archiveTeam', { id: service.id, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('publishes commitments and their indicators as data', async () => {
    const commitment = await m.ok(
      'createCommitment',
      {
        programId: ids.program,
        code: 'C06',
        area: 'SERVICE',
        title: { zhCN: '护航警官每月走访', zhTW: '護航警官每月走訪', en: 'Monthly visit by the liaison officer' },
        leadUnitId: ids.station,
        supportingUnitIds: [ids.branch],
      },
      'code title { zhCN en text(locale: ZH_TW) } leadUnit { name } supportingUnits { name } sortOrder',
    );
    expect(commitment).toMatchObject({
      code: 'C06',
      title: { zhCN: '护航警官每月走访', en: 'Monthly visit by the liaison officer', text: '護航警官每月走訪' },
      leadUnit: { name: '雍阳派出所' },
      supportingUnits: [{ name: '治安管理大队' }],
      sortOrder: 1,
    });
    expect(await m.refuse('createCommitment', { programId: ids.program, code: 'c6', area: 'SERVICE', title: { zhCN: 'x' } })).toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        field: 'input.code',
      },
    );
    expect(
      await m.refuse('createCommitment', { programId: ids.program, code: 'C06', area: 'SERVICE', title: { zhCN: 'x' } }),
    ).toMatchObject({ code: 'CONFLICT' });
    expect(await m.refuse('createCommitment', { programId: ids.program, code: 'C07', area: 'SERVICE', title: { zhCN: '' } })).toMatchObject(
      {
        code: 'BAD_USER_INPUT',
        field: 'input.title.zhCN',
      },
    );
    await m.ok('updateCommitment', { id: commitment.id, version: 1, description: { zhCN: '每月走访每一家企业' } });
    expect(await m.refuse('updateCommitment', { id: commitment.id, version: 1, area: 'PUBLIC_ORDER' })).toMatchObject({ code: 'CONFLICT' });

    const indicator = await m.ok(
      'addIndicator',
      { commitmentId: commitment.id, metric: 'incidentArrivalWithin', target: 95, period: 'MONTH', label: { zhCN: '按时到场率' } },
      'metric target comparator period params label { zhCN }',
    );
    // Parameters are stored complete: the catalog's defaults are filled in.
    expect(indicator).toMatchObject({
      metric: 'incidentArrivalWithin',
      target: 95,
      comparator: 'GTE',
      period: 'MONTH',
      params: { minutes: 15 },
      label: { zhCN: '按时到场率' },
    });
    expect(await m.refuse('addIndicator', { commitmentId: commitment.id, metric: 'happiness', target: 1, period: 'MONTH' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.metric',
      reason: 'UNKNOWN_METRIC',
    });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, params: { minutes: 0 } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.params.minutes',
    });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, params: { hours: 1 } })).toMatchObject({
      field: 'input.params.hours',
      reason: 'UNKNOWN_PARAMETER',
    });
    const changed = await m.ok('updateIndicator', { id: indicator.id, version: 1, target: 90, params: { minutes: 10 } }, 'target params');
    expect(changed).toMatchObject({ target: 90, params: { minutes: 10 } });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, target: 90 })).toMatchObject({ code: 'CONFLICT' });
    expect(await m.refuse('removeIndicator', { id: indicator.id, version: 1 })).toMatchObject({ code: 'CONFLICT' });
    await m.ok('removeIndicator', { id: indicator.id, version: 2 });
    expect(await count('indicator')).toBe(0);

    await m.ok('retireCommitment', { id: commitment.id, version: 2 });
    expect(await m.refuse('retireCommitment', { id: commitment.id, version: 3 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(
      await m.refuse('addIndicator', { commitmentId: commitment.id, metric: 'visitCoverage', target: 1, period: 'MONTH' }),
    ).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});

describe('activities', () => {
  it('records and corrects visits', async () => {
    const visit = await m.ok(
      'recordVisit',
      {
        officerId: ids.officer2,
        enterpriseId: ids.enterprise,
        visitedOn: '2025-06-03',
        activities: ['SAFETY_INSPECTION', 'LEGAL_CONSULTATION'],
        findings: '消防通道畅通',
      },
      'visitedOn activities officer { name } enterprise { name }',
    );
    expect(visit).toMatchObject({ activities: ['SAFETY_INSPECTION', 'LEGAL_CONSULTATION'], officer: { name: '李华' } });
    ids.visit = visit.id;
    expect(
      await m.refuse('recordVisit', {
        officerId: ids.officer2,
        enterpriseId: ids.enterprise,
        visitedOn: '2999-01-01',
        activities: ['SAFETY_INSPECTION'],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitedOn',
      reason: 'FUTURE',
    });
    expect(
      await m.refuse('recordVisit', { officerId: ids.officer2, enterpriseId: ids.enterprise, visitedOn: '2025-06-04', activities: [] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.activities',
    });
    await m.ok('updateVisit', { id: visit.id, version: 1, findings: '消防通道畅通，已宣传防诈骗' });
    expect(await m.refuse('updateVisit', { id: visit.id, version: 1, findings: 'x' })).toMatchObject({ code: 'CONFLICT' });
  });

  it('records patrols of patrol teams only', async () => {
    const patrol = await m.ok(
      'recordPatrol',
      { teamId: ids.patrolTeam, patrolledOn: '2025-06-05', kind: 'VIDEO', personTimes: 6, suspiciousVehiclesChecked: 2 },
      'kind personTimes zone { name }',
    );
    expect(patrol).toMatchObject({ kind: 'VIDEO', personTimes: 6, zone: { name: '基础工业园' } });
    ids.patrol = patrol.id;
    expect(await m.refuse('recordPatrol', { teamId: ids.mediationTeam, patrolledOn: '2025-06-05', kind: 'ON_SITE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.teamId',
      reason: 'WRONG_TEAM',
    });
    expect(
      await m.refuse('recordPatrol', { teamId: ids.patrolTeam, patrolledOn: '2025-06-05', kind: 'ON_SITE', personTimes: -2 }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.personTimes',
    });
  });

  it('reports hazards and rectifies each once', async () => {
    const hazard = await m.ok(
      'reportHazard',
      {
        enterpriseId: ids.enterprise,
        source: 'PATROL',
        patrolId: ids.patrol,
        description: '危化品仓库门禁损坏',
        foundOn: '2025-06-05',
        deadline: '2025-06-12',
      },
      'state park { name } zone { name } patrol { id }',
    );
    expect(hazard).toMatchObject({
      state: 'OVERDUE',
      park: { name: '瓮安工业园区' },
      zone: { name: '精细化工园' },
      patrol: { id: ids.patrol },
    });
    expect(
      await m.refuse('reportHazard', {
        parkId: ids.park,
        source: 'REPORT',
        description: '路灯损坏',
        foundOn: '2025-06-05',
        deadline: '2025-06-01',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      await m.refuse('reportHazard', {
        parkId: ids.park,
        source: 'REPORT',
        description: '路灯损坏',
        foundOn: '2025-06-05',
        deadline: '2025-06-09',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.place',
    });
    const onSite = await m.ok(
      'reportHazard',
      {
        parkId: ids.park,
        place: '园区主干道',
        source: 'PATROL',
        description: '井盖缺失',
        foundOn: '2025-06-05',
        deadline: '2025-06-05',
        rectifiedOnSite: true,
      },
      'state rectifiedOn',
    );
    expect(onSite).toMatchObject({ state: 'RECTIFIED', rectifiedOn: '2025-06-05' });

    const rectified = await m.ok('rectifyHazard', { id: hazard.id, version: 1, rectifiedOn: '2025-06-10' }, 'state rectifiedByDeadline');
    expect(rectified).toMatchObject({ state: 'RECTIFIED', rectifiedByDeadline: true });
    expect(await m.refuse('rectifyHazard', { id: hazard.id, version: 2, rectifiedOn: '2025-06-11' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'RECTIFIED',
    });
  });

  it('moves disputes through their states and refuses illegal transitions', async () => {
    const base = {
      parkId: ids.park,
      teamId: ids.mediationTeam,
      enterpriseIds: [ids.enterprise],
      category: 'WAGES',
      summary: '拖欠农民工工资',
      identifiedOn: '2025-05-01',
    };
    const dispute = await m.ok(
      'recordDispute',
      { ...base, escalationRisk: 'CIVIL_TO_CRIMINAL', amountInvolved: '125000.50' },
      'status enterprises { name } amountInvolved',
    );
    expect(dispute).toMatchObject({ status: 'IDENTIFIED', enterprises: [{ name: '瓮福磷化工有限公司' }], amountInvolved: '125000.50' });
    expect(await m.refuse('recordDispute', { ...base, teamId: ids.patrolTeam })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.teamId',
    });

    const { id } = dispute;
    expect(await m.refuse('reopenDispute', { id, version: 1, on: '2025-05-02' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'IDENTIFIED',
    });
    await m.ok('startDisputeMediation', { id, version: 1, on: '2025-05-02' });
    expect(await m.refuse('startDisputeMediation', { id, version: 2, on: '2025-05-03' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'MEDIATING',
    });
    await m.ok('updateDispute', { id, version: 2, riskOutcome: 'UNDER_CONTROL' });
    const resolved = await m.ok('resolveDispute', { id, version: 3, on: '2025-05-20' }, 'status resolvedOn riskOutcome');
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedOn: '2025-05-20', riskOutcome: 'DEFUSED' });
    expect(await m.refuse('resolveDispute', { id, version: 4, on: '2025-05-21' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'RESOLVED',
    });
    expect(await m.refuse('escalateDispute', { id, version: 4, on: '2025-05-21' })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await m.refuse('reopenDispute', { id, version: 4, on: '2025-05-19' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.on',
    });
    const reopened = await m.ok('reopenDispute', { id, version: 4, on: '2025-06-01' }, 'status resolvedOn riskOutcome');
    expect(reopened).toMatchObject({ status: 'MEDIATING', resolvedOn: null, riskOutcome: 'UNDER_CONTROL' });
    const escalated = await m.ok('escalateDispute', { id, version: 5, on: '2025-06-02' }, 'status escalatedOn');
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedOn: '2025-06-02' });
    expect(await m.refuse('updateDispute', { id, version: 6, escalationRisk: 'NONE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.riskOutcome',
    });
    expect(await m.refuse('resolveDispute', { id, version: 6, on: '2025-06-03', riskOutcome: 'DEFUSED' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('records incidents and completes their timeline', async () => {
    const incident = await m.ok(
      'recordIncident',
      {
        enterpriseId: ids.enterprise,
        type: 'THEFT',
        receivedAt: '2025-06-06T01:00:00Z',
        dispatchedAt: '2025-06-06T01:02:00Z',
        jointUnitIds: [ids.workstation],
      },
      'responseMinutes jointUnits { name }',
    );
    expect(incident).toMatchObject({ responseMinutes: null, jointUnits: [{ name: '基础工业园区警务站' }] });
    expect(
      await m.refuse('recordIncident', {
        enterpriseId: ids.enterprise,
        type: 'THEFT',
        receivedAt: '2025-06-06T01:00:00Z',
        arrivedAt: '2025-06-06T00:50:00Z',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.arrivedAt',
    });
    const arrived = await m.ok('updateIncident', { id: incident.id, version: 1, arrivedAt: '2025-06-06T01:12:30Z' }, 'responseMinutes');
    expect(arrived.responseMinutes).toBe(12.5);
    expect(await m.refuse('updateIncident', { id: incident.id, version: 2, arrivedAt: '2025-06-06T01:20:00Z' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await m.ok('updateIncident', { id: incident.id, version: 2, closedAt: '2025-06-06T03:00:00Z', outcome: '追回被盗物品' });
    expect(await m.refuse('updateIncident', { id: incident.id, version: 3, outcome: '改写' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'CLOSED',
    });
  });

  it('takes service requests through their closed loop', async () => {
    const request = await m.ok(
      'receiveServiceRequest',
      {
        enterpriseId: ids.enterprise,
        kind: 'VEHICLE_ACCESS',
        channel: 'DOORSTEP',
        source: 'WECHAT_GROUP',
        description: '危化品运输车辆通行证',
        receivedAt: '2025-06-06T02:00:00Z',
      },
      'status dueAt park { name }',
    );
    // Friday 10:00 in Shanghai plus 3 working days is Wednesday.
    expect(request).toMatchObject({ status: 'RECEIVED', dueAt: '2025-06-11T02:00:00.000Z', park: { name: '瓮安工业园区' } });
    expect(
      await m.refuse('receiveServiceRequest', {
        enterpriseId: ids.enterprise,
        kind: 'EXIT_ENTRY',
        channel: 'APPOINTMENT',
        source: 'PHONE',
        description: '护照',
        receivedAt: '2025-06-06T02:00:00Z',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.appointmentAt',
    });
    const { id } = request;
    expect(await m.refuse('evaluateServiceRequest', { id, version: 1, at: '2025-06-07T00:00:00Z', satisfaction: 5 })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'RECEIVED',
    });
    expect(await m.refuse('startServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await m.refuse('resolveServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z', resolution: 'x' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await m.refuse('assignServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z', unitId: ids.enterprise })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
    await m.ok('assignServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z', unitId: ids.station });
    await m.ok('startServiceRequest', { id, version: 2, at: '2025-06-06T04:00:00Z' });
    const resolved = await m.ok(
      'resolveServiceRequest',
      { id, version: 3, at: '2025-06-09T04:00:00Z', resolution: '已办理通行证' },
      'status resolvedInTime assignedUnit { name }',
    );
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedInTime: true, assignedUnit: { name: '雍阳派出所' } });
    expect(await m.refuse('evaluateServiceRequest', { id, version: 4, at: '2025-06-10T00:00:00Z', satisfaction: 6 })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.satisfaction',
    });
    const evaluated = await m.ok(
      'evaluateServiceRequest',
      { id, version: 4, at: '2025-06-10T00:00:00Z', satisfaction: 5 },
      'status satisfaction',
    );
    expect(evaluated).toMatchObject({ status: 'EVALUATED', satisfaction: 5 });
  });

  it('records engagements and recognitions', async () => {
    const engagement = await m.ok(
      'recordEngagement',
      {
        parkId: ids.park,
        type: 'LEGAL_PUBLICITY',
        title: '法律服务进企业',
        heldOn: '2025-06-10',
        organizerId: ids.station,
        attendees: 40,
        enterpriseIds: [ids.enterprise, ids.enterprise2],
      },
      'enterprises { name } organizer { name }',
    );
    expect(engagement.enterprises).toHaveLength(2);
    const otherPark = (await api.ok('{ parks(filter: { search: "银盏" }) { nodes { id } } }')).parks.nodes[0].id;
    expect(
      await m.refuse('recordEngagement', {
        parkId: otherPark,
        type: 'FORUM',
        title: '座谈会',
        heldOn: '2025-06-10',
        enterpriseIds: [ids.enterprise],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseIds.0',
      reason: 'OUTSIDE_PARK',
    });
    const recognition = await m.ok(
      'recordRecognition',
      { enterpriseId: ids.enterprise, kind: 'PENNANT', receivedOn: '2025-06-12', officerId: ids.officer2, message: '护企安商' },
      'officer { name }',
    );
    expect(recognition.officer).toEqual({ name: '李华' });
    expect(await m.refuse('recordRecognition', { enterpriseId: ids.enterprise, kind: 'MEDAL', receivedOn: '2025-06-12' })).toBeDefined();
    expect(await m.refuse('recordRecognition', { enterpriseId: ids.officer, kind: 'LETTER', receivedOn: '2025-06-12' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseId',
    });
  });
});

describe('every mutation', () => {
  it('has been seen to succeed and to refuse bad input', () => {
    const sdl = readFileSync(join(repoRoot(), 'packages/schema/schema.graphql'), 'utf8');
    const mutationType = buildSchema(sdl).getMutationType() as GraphQLObjectType;
    // Signing in, users and embed keys: access/access.test.ts sees each succeed and be refused.
    const all = Object.keys(mutationType.getFields())
      .filter((name) => !ACCESS_MUTATIONS.includes(name))
      .sort();
    expect(Object.keys(MUTATIONS).sort()).toEqual(all);
    expect(all.filter((name) => !m.succeeded.has(name))).toEqual([]);
    expect(all.filter((name) => !m.refused.has(name))).toEqual([]);
  });
});
