import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('service requests', () => {
  it('takes service requests through their closed loop', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const request = await m.ok(
      'receiveServiceRequest',
      {
        enterpriseId: w.enterprise,
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
        enterpriseId: w.enterprise,
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
    expect(await m.refuse('assignServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z', unitId: w.enterprise })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
    await m.ok('assignServiceRequest', { id, version: 1, at: '2025-06-06T03:00:00Z', unitId: w.station });
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
});
