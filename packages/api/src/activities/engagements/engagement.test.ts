import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('engagements', () => {
  it('records engagements with the enterprises of their park only', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const engagement = await m.ok(
      'recordEngagement',
      {
        parkId: w.park,
        type: 'LEGAL_PUBLICITY',
        title: '法律服务进企业',
        heldOn: '2025-06-10',
        organizerId: w.station,
        attendees: 40,
        enterpriseIds: [w.enterprise, w.enterprise2],
      },
      'enterprises { name } organizer { name }',
    );
    expect(engagement.enterprises).toHaveLength(2);
    expect(engagement.organizer).toEqual({ name: '雍阳派出所' });
    const otherPark = await m.ok('createPark', { programId: w.program, name: '银盏园区', region: 'R' });
    expect(
      await m.refuse('recordEngagement', {
        parkId: otherPark.id,
        type: 'FORUM',
        title: '座谈会',
        heldOn: '2025-06-10',
        enterpriseIds: [w.enterprise],
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseIds.0',
      reason: 'OUTSIDE_PARK',
    });
  });
});
