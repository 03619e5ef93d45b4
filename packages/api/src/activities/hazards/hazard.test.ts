import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('hazards', () => {
  it('reports hazards and rectifies each once', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'teams');
    const patrol = await m.ok('recordPatrol', { teamId: w.patrolTeam, patrolledOn: '2025-06-05', kind: 'ON_SITE', personTimes: 4 });
    const hazard = await m.ok(
      'reportHazard',
      {
        enterpriseId: w.enterprise,
        source: 'PATROL',
        patrolId: patrol.id,
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
      patrol: { id: patrol.id },
    });
    const report = { parkId: w.park, source: 'REPORT', description: '路灯损坏', foundOn: '2025-06-05' };
    expect(await m.refuse('reportHazard', { ...report, deadline: '2025-06-01' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await m.refuse('reportHazard', { ...report, deadline: '2025-06-09' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.place',
    });
    const onSite = await m.ok(
      'reportHazard',
      {
        parkId: w.park,
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
});
