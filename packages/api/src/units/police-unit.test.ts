import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('police units', () => {
  it('creates, updates and archives police units', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'park');
    await m.ok('createPoliceUnit', { programId: w.program, name: '雍阳派出所', kind: 'STATION' });
    const workstation = await m.ok(
      'createPoliceUnit',
      { programId: w.program, name: '基础工业园区警务站', kind: 'WORKSTATION', parkId: w.park, zoneIds: [w.zones.basic] },
      'zones { name } park { name }',
    );
    expect(workstation.zones).toEqual([{ name: '基础工业园' }]);
    await m.ok('createPoliceUnit', { programId: w.program, name: '治安管理大队', kind: 'BRANCH', specialism: '治安' });
    expect(
      await m.refuse('createPoliceUnit', { programId: w.program, name: '孤立警务站', kind: 'WORKSTATION', zoneIds: [w.zones.basic] }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.zoneIds.0',
      reason: 'OUTSIDE_PARK',
    });
    const updated = await m.ok(
      'updatePoliceUnit',
      { id: workstation.id, version: 1, zoneIds: [w.zones.basic, w.zones.circular] },
      'zones { name }',
    );
    expect(updated.zones.map((z: { name: string }) => z.name).sort()).toEqual(['基础工业园', '循环工业园']);
    expect(await m.refuse('updatePoliceUnit', { id: workstation.id, version: 99, name: 'x' })).toMatchObject({ code: 'CONFLICT' });
    const spare = await m.ok('createPoliceUnit', { programId: w.program, name: '临时卡点', kind: 'STATION' });
    await m.ok('archivePoliceUnit', { id: spare.id, version: 1 });
  });

  it('keeps a unit that still has active officers', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'officers');
    expect(await m.refuse('archivePoliceUnit', { id: w.station, version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_OFFICERS',
    });
  });
});
