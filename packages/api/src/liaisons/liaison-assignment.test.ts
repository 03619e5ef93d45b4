import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('liaison assignments', () => {
  it('assigns and reassigns liaison officers, keeping the history', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'enterprises');
    const first = await m.ok(
      'assignLiaisonOfficer',
      { enterpriseId: w.enterprise, officerId: w.officer, startsOn: '2025-01-06', supportingBranchIds: [w.branch] },
      'current startsOn endsOn supportingBranches { name }',
    );
    expect(first).toMatchObject({ current: true, endsOn: null, supportingBranches: [{ name: '治安管理大队' }] });
    expect(
      await m.refuse('assignLiaisonOfficer', { enterpriseId: w.enterprise, officerId: w.officer, startsOn: '2025-06-01' }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ASSIGNED',
    });
    expect(
      await m.refuse('assignLiaisonOfficer', { enterpriseId: w.enterprise, officerId: w.officer2, startsOn: '2025-01-01' }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.startsOn',
    });
    expect(
      await m.refuse('assignLiaisonOfficer', {
        enterpriseId: w.enterprise,
        officerId: w.officer2,
        startsOn: '2025-06-01',
        supportingBranchIds: [w.station],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.supportingBranchIds.0',
      reason: 'NOT_A_BRANCH',
    });
    await m.ok('assignLiaisonOfficer', { enterpriseId: w.enterprise, officerId: w.officer2, startsOn: '2025-06-01' });
    const history = await api.ok(
      `query ($id: ID!) { enterprise(id: $id) { liaisonOfficer { name } liaisonAssignments { nodes { startsOn endsOn officer { name } } } } }`,
      { id: w.enterprise },
    );
    expect(history.enterprise.liaisonOfficer).toEqual({ name: '李华' });
    expect(history.enterprise.liaisonAssignments.nodes).toEqual([
      { startsOn: '2025-06-01', endsOn: null, officer: { name: '李华' } },
      { startsOn: '2025-01-06', endsOn: '2025-05-31', officer: { name: '王建国' } },
    ]);

    const ended = await m.ok('assignLiaisonOfficer', { enterpriseId: w.enterprise2, officerId: w.officer, startsOn: '2025-02-01' });
    expect(await m.refuse('endLiaisonAssignment', { id: ended.id, version: 1, endsOn: '2025-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.endsOn',
    });
    await m.ok('endLiaisonAssignment', { id: ended.id, version: 1, endsOn: '2025-03-31' });
    expect(await m.refuse('endLiaisonAssignment', { id: ended.id, version: 2, endsOn: '2025-04-30' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await m.ok('assignLiaisonOfficer', { enterpriseId: w.enterprise2, officerId: w.officer, startsOn: '2025-04-01' });
  });
});
