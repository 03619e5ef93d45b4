import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('officers', () => {
  it('creates, updates and archives officers', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'units');
    const badge = (k: number) => String(700_000 + w.n * 10 + k);
    const officer = await m.ok(
      'createOfficer',
      { unitId: w.station, name: '王建国', badgeNumber: badge(1), phone: '138 1234 5678', title: '社区民警' },
      'name title',
    );
    expect(officer).toMatchObject({ name: '王建国', title: '社区民警' });
    expect(await m.refuse('createOfficer', { unitId: w.station, name: '赵', badgeNumber: 'ab12' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.badgeNumber',
    });
    expect(await m.refuse('createOfficer', { unitId: w.station, name: '钱', badgeNumber: badge(1) })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.badgeNumber',
    });
    expect(await m.refuse('createOfficer', { unitId: w.station, name: '孙', badgeNumber: badge(3), phone: '12345' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.phone',
    });
    await m.ok('updateOfficer', { id: officer.id, version: 1, title: '副所长' });
    expect(await m.refuse('updateOfficer', { id: officer.id, version: 2, unitId: w.program })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
    const leaving = await m.ok('createOfficer', { unitId: w.station, name: '周', badgeNumber: badge(9) });
    await m.ok('archiveOfficer', { id: leaving.id, version: 1 });
  });

  it('keeps an officer who still looks after enterprises', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'assignments');
    expect(await m.refuse('archiveOfficer', { id: w.officer, version: 1 })).toMatchObject({
      code: 'CONFLICT',
      reason: 'HAS_CURRENT_ASSIGNMENTS',
    });
  });
});
