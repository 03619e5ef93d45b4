import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('incidents', () => {
  it('records incidents and completes their timeline', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const incident = await m.ok(
      'recordIncident',
      {
        enterpriseId: w.enterprise,
        type: 'THEFT',
        receivedAt: '2025-06-06T01:00:00Z',
        dispatchedAt: '2025-06-06T01:02:00Z',
        jointUnitIds: [w.workstation],
      },
      'responseMinutes jointUnits { name }',
    );
    expect(incident).toMatchObject({ responseMinutes: null, jointUnits: [{ name: '基础工业园区警务站' }] });
    expect(
      await m.refuse('recordIncident', {
        enterpriseId: w.enterprise,
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

  it('clears a criminal case after the incident was closed, and only a criminal one', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'park');
    const closed = { parkId: w.park, type: 'FRAUD', receivedAt: '2026-03-02T02:00:00Z', closedAt: '2026-03-02T05:00:00Z' };
    const fraud = await m.ok('recordIncident', { ...closed, criminal: true }, 'criminal clearedOn');
    expect(fraud).toMatchObject({ criminal: true, clearedOn: null });
    const plain = await m.ok('recordIncident', { ...closed, type: 'TRAFFIC' }, 'criminal');
    expect(plain.criminal).toBe(false);

    expect(await m.refuse('updateIncident', { id: fraud.id, version: 1, clearedOn: '2026-03-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.clearedOn',
    });
    expect(await m.refuse('updateIncident', { id: plain.id, version: 1, clearedOn: '2026-03-20' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.clearedOn',
    });
    // Closed: the clearance alone is recorded; anything else is still refused.
    const cleared = await m.ok('updateIncident', { id: fraud.id, version: 1, clearedOn: '2026-03-20' }, 'clearedOn');
    expect(cleared.clearedOn).toBe('2026-03-20');
    expect(await m.refuse('updateIncident', { id: fraud.id, version: 2, clearedOn: '2026-03-21', outcome: '改写' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const { rows } = await t.api.db.sql.query(
      `SELECT cleared_on::text AS on FROM incident WHERE summary = '' AND type = 'FRAUD' ORDER BY id DESC LIMIT 1`,
    );
    expect(rows[0].on).toBe('2026-03-20');
  });
});
