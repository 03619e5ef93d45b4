import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';
import { toGlobalId } from '../../shared/graphql/global-id';

const t = mutationSuite();

describe('visits', () => {
  it('records and corrects visits', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'assignments');
    const visit = await m.ok(
      'recordVisit',
      {
        officerId: w.officer2,
        enterpriseId: w.enterprise,
        visitedOn: '2025-06-03',
        activities: ['SAFETY_INSPECTION', 'LEGAL_CONSULTATION'],
        findings: '消防通道畅通',
      },
      'visitedOn activities officer { name } enterprise { name }',
    );
    expect(visit).toMatchObject({ activities: ['SAFETY_INSPECTION', 'LEGAL_CONSULTATION'], officer: { name: '李华' } });
    expect(
      await m.refuse('recordVisit', {
        officerId: w.officer2,
        enterpriseId: w.enterprise,
        visitedOn: '2999-01-01',
        activities: ['SAFETY_INSPECTION'],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitedOn',
      reason: 'FUTURE',
    });
    expect(
      await m.refuse('recordVisit', { officerId: w.officer2, enterpriseId: w.enterprise, visitedOn: '2025-06-04', activities: [] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.activities',
    });
    // The officer and the enterprise: each named on its own field, a day before joining refused.
    const visitOf = (input: Record<string, unknown>) => ({
      officerId: w.officer2,
      enterpriseId: w.enterprise,
      visitedOn: '2025-06-05',
      activities: ['SAFETY_INSPECTION'],
      ...input,
    });
    expect(await m.refuse('recordVisit', visitOf({ visitedOn: '2025-01-05' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitedOn',
      reason: 'ORDER',
    });
    expect(await m.refuse('recordVisit', visitOf({ enterpriseId: w.officer }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseId',
      reason: 'WRONG_TYPE',
    });
    const unknown = toGlobalId('Enterprise', 999_999_999);
    expect(await m.refuse('recordVisit', visitOf({ enterpriseId: unknown }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.enterpriseId',
    });
    const unknownOfficer = toGlobalId('Officer', 999_999_999);
    expect(await m.refuse('recordVisit', visitOf({ officerId: unknownOfficer, enterpriseId: unknown }))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.officerId',
    });
    const { node } = await t.api.ok('query ($id: ID!) { node(id: $id) { ... on Enterprise { version } } }', { id: w.enterprise2 });
    await m.ok('archiveEnterprise', { id: w.enterprise2, version: node.version });
    expect(await m.refuse('recordVisit', visitOf({ enterpriseId: w.enterprise2 }))).toMatchObject({ code: 'INVALID_TRANSITION' });
    await m.ok('updateVisit', { id: visit.id, version: 1, findings: '消防通道畅通，已宣传防诈骗' });
    expect(await m.refuse('updateVisit', { id: visit.id, version: 1, findings: 'x' })).toMatchObject({ code: 'CONFLICT' });
  });
});
