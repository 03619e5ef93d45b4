import { mutationSuite } from '../test-support/mutations';
import { buildWorld, worldCreditCode } from '../test-support/world';

const t = mutationSuite();

describe('enterprises', () => {
  it('registers, updates and archives enterprises', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'park');
    const enterprise = await m.ok(
      'createEnterprise',
      {
        zoneId: w.zones.basic,
        name: '磷都化工有限公司',
        creditCode: worldCreditCode(w, 1),
        industry: '磷化工',
        employeeCount: 820,
        hazardousChemicals: true,
        contactPerson: '张经理',
        contactPhone: '0854-2345678',
        joinedOn: '2025-01-06',
      },
      'park { name } zone { name } status',
    );
    expect(enterprise).toMatchObject({ park: { name: '瓮安工业园区' }, zone: { name: '基础工业园' }, status: 'OPERATING' });

    const valid = worldCreditCode(w, 3);
    const wrongCheck = valid.slice(0, 17) + (valid.endsWith('0') ? '1' : '0');
    const registration = { zoneId: w.zones.basic, industry: 'x', joinedOn: '2025-01-01' };
    expect(await m.refuse('createEnterprise', { ...registration, name: 'A', creditCode: wrongCheck })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.creditCode',
      reason: 'CHECK_DIGIT',
    });
    expect(await m.refuse('createEnterprise', { ...registration, name: 'B', creditCode: worldCreditCode(w, 1) })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.creditCode',
    });
    expect(
      await m.refuse('createEnterprise', { ...registration, name: 'C', creditCode: worldCreditCode(w, 4), employeeCount: -1 }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.employeeCount',
    });

    const moved = await m.ok(
      'updateEnterprise',
      { id: enterprise.id, version: 1, zoneId: w.zones.fine, keyEnterprise: true },
      'zone { name } keyEnterprise',
    );
    expect(moved).toMatchObject({ version: 2, zone: { name: '精细化工园' }, keyEnterprise: true });
    expect(await m.refuse('updateEnterprise', { id: enterprise.id, version: 1, name: '旧名' })).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_VERSION',
    });
  });

  it('archives an enterprise and ends its assignment the same day', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'officers');
    const closing = await m.ok('createEnterprise', {
      zoneId: w.zones.circular,
      name: '关停化肥厂',
      creditCode: worldCreditCode(w, 5),
      industry: '化肥',
      joinedOn: '2025-01-01',
    });
    await m.ok('assignLiaisonOfficer', { enterpriseId: closing.id, officerId: w.officer2, startsOn: '2025-01-01' });
    const archived = await m.ok('archiveEnterprise', { id: closing.id, version: 1 }, 'archivedAt liaisonOfficer { name }');
    expect(archived.liaisonOfficer).toBeNull();
    expect(await m.refuse('archiveEnterprise', { id: closing.id, version: 2 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await m.refuse('updateEnterprise', { id: closing.id, version: 2, name: 'x' })).toMatchObject({ code: 'INVALID_TRANSITION' });
  });
});
