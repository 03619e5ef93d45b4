import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('parks and zones', () => {
  it('creates, updates and archives parks and zones', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'program');
    const park = await m.ok('createPark', { programId: w.program, name: '瓮安工业园区', level: '省级化工园区', region: '瓮安县' }, 'name');
    expect(await m.refuse('createPark', { programId: park.id, name: 'X', region: 'R' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.programId',
      reason: 'WRONG_TYPE',
    });
    expect(await m.refuse('createPark', { programId: w.program, name: '瓮安工业园区', region: 'R' })).toMatchObject({ code: 'CONFLICT' });
    await m.ok('updatePark', { id: park.id, version: 1, level: '省级' });
    expect(await m.refuse('updatePark', { id: park.id, version: 1, level: '国家级' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
    // The day the park joined its program: given, changed and cleared; a day that is not one is refused.
    const started = await m.ok('createPark', { programId: w.program, name: '新园区', region: 'R', startsOn: '2026-07-01' }, 'startsOn');
    expect(started.startsOn).toBe('2026-07-01');
    expect((await m.ok('updatePark', { id: started.id, version: 1, startsOn: '2026-06-15' }, 'startsOn')).startsOn).toBe('2026-06-15');
    expect((await m.ok('updatePark', { id: started.id, version: 2, startsOn: null }, 'startsOn')).startsOn).toBeNull();
    expect(await m.refuse('createPark', { programId: w.program, name: '错日园区', region: 'R', startsOn: '2026-02-30' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });

    for (const name of ['基础工业园', '循环工业园', '精细化工园']) await m.ok('createZone', { parkId: park.id, name });
    expect(await m.refuse('createZone', { parkId: park.id, name: '基础工业园' })).toMatchObject({ code: 'CONFLICT' });
    expect(await m.refuse('createZone', { parkId: Buffer.from('Park:99999').toString('base64url'), name: 'Z' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.parkId',
    });
    const spare = await m.ok('createZone', { parkId: park.id, name: '预留区' });
    await m.ok('updateZone', { id: spare.id, version: 1, name: '预留片区' });
    expect(await m.refuse('updateZone', { id: spare.id, version: 2, name: '' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    await m.ok('archiveZone', { id: spare.id, version: 2 });

    const emptyPark = await m.ok('createPark', { programId: w.program, name: '待建园区', region: 'R' });
    await m.ok('archivePark', { id: emptyPark.id, version: 1 });
  });

  it('keeps a park or zone that still has active enterprises', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    expect(await m.refuse('archivePark', { id: w.park, version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_ENTERPRISES',
    });
    expect(await m.refuse('archiveZone', { id: w.zones.circular, version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_ACTIVE_ENTERPRISES',
    });
  });
});
