import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('teams', () => {
  it('forms teams and records their members', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'assignments');
    const patrol = await m.ok('createTeam', { parkId: w.park, name: '警企巡逻联防队', type: 'PATROL' }, 'type zone { name }');
    expect(patrol).toMatchObject({ type: 'PATROL', zone: null });
    const otherPark = await m.ok('createPark', { programId: w.program, name: '银盏园区', region: 'R' });
    const foreignZone = await m.ok('createZone', { parkId: otherPark.id, name: '东区' });
    expect(await m.refuse('createTeam', { parkId: w.park, zoneId: foreignZone.id, name: 'x', type: 'SERVICE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.zoneId',
      reason: 'OUTSIDE_PARK',
    });
    await m.ok('updateTeam', { id: patrol.id, version: 1, zoneId: w.zones.basic });
    expect(await m.refuse('updateTeam', { id: patrol.id, version: 1, name: 'x' })).toMatchObject({ code: 'CONFLICT' });

    const member = await m.ok(
      'addTeamMember',
      { teamId: patrol.id, kind: 'OFFICER', officerId: w.officer, joinedOn: '2025-01-01' },
      'displayName',
    );
    expect(member.displayName).toBe('王建国');
    const guard = await m.ok(
      'addTeamMember',
      { teamId: patrol.id, kind: 'ENTERPRISE_GUARD', enterpriseId: w.enterprise, name: '刘保安', joinedOn: '2025-01-01' },
      'displayName enterprise { name }',
    );
    expect(guard).toMatchObject({ displayName: '刘保安', enterprise: { name: '磷都化工有限公司' } });
    expect(
      await m.refuse('addTeamMember', { teamId: patrol.id, kind: 'OFFICER', officerId: w.officer, joinedOn: '2025-02-01' }),
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

    // An officer of the other park in this park's team: its administrator sees the team whole, with
    // the officer it may not read as nothing rather than an error.
    const otherUnit = await m.ok('createPoliceUnit', {
      programId: w.program,
      name: '银盏警务站',
      kind: 'WORKSTATION',
      parkId: otherPark.id,
    });
    const stranger = await m.ok('createOfficer', { unitId: otherUnit.id, name: '赵外园', badgeNumber: `9${w.badges.officer}` });
    await m.ok('addTeamMember', { teamId: patrol.id, kind: 'OFFICER', officerId: stranger.id, joinedOn: '2025-03-01' });
    const parkId = Number(Buffer.from(w.park, 'base64url').toString().split(':')[1]);
    await api.createUser({ username: `team-park-${w.n}`, role: 'PARK_ADMIN', parkIds: [parkId] });
    const parkAdmin = api.as({ token: await api.signIn(`team-park-${w.n}`) });
    const seen = await parkAdmin(
      `query ($id: ID!) { node(id: $id) { ... on Team { name members(filter: { current: true }) { nodes { displayName officer { name } } } } } }`,
      { id: patrol.id },
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data.node.members.nodes).toEqual([
      { displayName: '王建国', officer: { name: '王建国' } },
      { displayName: '民警', officer: null },
    ]);

    const service = await m.ok('createTeam', { parkId: otherPark.id, name: '警企联合服务队', type: 'SERVICE' });
    await m.ok('archiveTeam', { id: service.id, version: 1 });
    expect(await m.refuse('archiveTeam', { id: service.id, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
