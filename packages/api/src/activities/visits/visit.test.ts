import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

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
    await m.ok('updateVisit', { id: visit.id, version: 1, findings: '消防通道畅通，已宣传防诈骗' });
    expect(await m.refuse('updateVisit', { id: visit.id, version: 1, findings: 'x' })).toMatchObject({ code: 'CONFLICT' });
  });
});
