import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('patrols', () => {
  it('records patrols of patrol teams only', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'teams');
    const patrol = await m.ok(
      'recordPatrol',
      { teamId: w.patrolTeam, patrolledOn: '2025-06-05', kind: 'VIDEO', personTimes: 6, suspiciousVehiclesChecked: 2 },
      'kind personTimes zone { name }',
    );
    expect(patrol).toMatchObject({ kind: 'VIDEO', personTimes: 6, zone: { name: '基础工业园' } });
    expect(await m.refuse('recordPatrol', { teamId: w.mediationTeam, patrolledOn: '2025-06-05', kind: 'ON_SITE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.teamId',
      reason: 'WRONG_TEAM',
    });
    expect(
      await m.refuse('recordPatrol', { teamId: w.patrolTeam, patrolledOn: '2025-06-05', kind: 'ON_SITE', personTimes: -2 }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.personTimes',
    });
  });
});
