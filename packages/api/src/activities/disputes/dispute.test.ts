import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';

const t = mutationSuite();

describe('disputes', () => {
  it('moves disputes through their states and refuses illegal transitions', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'teams');
    const base = {
      parkId: w.park,
      teamId: w.mediationTeam,
      enterpriseIds: [w.enterprise],
      category: 'WAGES',
      summary: '拖欠农民工工资',
      identifiedOn: '2025-05-01',
    };
    const dispute = await m.ok(
      'recordDispute',
      { ...base, escalationRisk: 'CIVIL_TO_CRIMINAL', amountInvolved: '125000.50' },
      'status enterprises { name } amountInvolved',
    );
    expect(dispute).toMatchObject({ status: 'IDENTIFIED', enterprises: [{ name: '磷都化工有限公司' }], amountInvolved: '125000.50' });
    expect(await m.refuse('recordDispute', { ...base, teamId: w.patrolTeam })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.teamId',
    });

    const { id } = dispute;
    expect(await m.refuse('reopenDispute', { id, version: 1, on: '2025-05-02' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'IDENTIFIED',
    });
    await m.ok('startDisputeMediation', { id, version: 1, on: '2025-05-02' });
    expect(await m.refuse('startDisputeMediation', { id, version: 2, on: '2025-05-03' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'MEDIATING',
    });
    await m.ok('updateDispute', { id, version: 2, riskOutcome: 'UNDER_CONTROL' });
    const resolved = await m.ok('resolveDispute', { id, version: 3, on: '2025-05-20' }, 'status resolvedOn riskOutcome');
    expect(resolved).toMatchObject({ status: 'RESOLVED', resolvedOn: '2025-05-20', riskOutcome: 'DEFUSED' });
    expect(await m.refuse('resolveDispute', { id, version: 4, on: '2025-05-21' })).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'RESOLVED',
    });
    expect(await m.refuse('escalateDispute', { id, version: 4, on: '2025-05-21' })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await m.refuse('reopenDispute', { id, version: 4, on: '2025-05-19' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.on',
    });
    const reopened = await m.ok('reopenDispute', { id, version: 4, on: '2025-06-01' }, 'status resolvedOn riskOutcome');
    expect(reopened).toMatchObject({ status: 'MEDIATING', resolvedOn: null, riskOutcome: 'UNDER_CONTROL' });
    const escalated = await m.ok('escalateDispute', { id, version: 5, on: '2025-06-02' }, 'status escalatedOn');
    expect(escalated).toMatchObject({ status: 'ESCALATED', escalatedOn: '2025-06-02' });
    expect(await m.refuse('updateDispute', { id, version: 6, escalationRisk: 'NONE' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.riskOutcome',
    });
    expect(await m.refuse('resolveDispute', { id, version: 6, on: '2025-06-03', riskOutcome: 'DEFUSED' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('records family and land-title disputes with no enterprise, how each was mediated and the money recovered', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'teams');
    const family = await m.ok(
      'recordDispute',
      {
        parkId: w.park,
        category: 'FAMILY',
        summary: '赡养老人家庭纠纷',
        partiesCount: 3,
        mediationMode: 'DOORSTEP',
        identifiedOn: '2026-03-02',
      },
      'category mediationMode enterprises { name } amountRecovered',
    );
    expect(family).toMatchObject({ category: 'FAMILY', mediationMode: 'DOORSTEP', enterprises: [], amountRecovered: null });
    const wages = await m.ok(
      'recordDispute',
      {
        parkId: w.park,
        enterpriseIds: [w.enterprise],
        category: 'WAGES',
        summary: '班组讨薪',
        partiesCount: 21,
        amountInvolved: '86000',
        mediationMode: 'CONCENTRATED',
        identifiedOn: '2026-03-03',
      },
      'id version',
    );
    // The money recovered is recorded when it is paid, and never exceeds what was at stake.
    expect(await m.refuse('updateDispute', { id: wages.id, version: wages.version, amountRecovered: '86000.01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.amountRecovered',
    });
    const paid = await m.ok(
      'updateDispute',
      { id: wages.id, version: wages.version, amountRecovered: '86000' },
      'amountRecovered mediationMode',
    );
    expect(paid).toMatchObject({ amountRecovered: '86000.00', mediationMode: 'CONCENTRATED' });
    expect(
      await m.refuse('recordDispute', {
        parkId: w.park,
        category: 'LAND_TITLE',
        summary: '宅基地权属',
        identifiedOn: '2026-03-04',
        mediationMode: 'BY_LOT',
      }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const listed = await t.api.ok(
      `query ($park: ID!) { disputes(filter: { parkId: $park, mediationModes: [DOORSTEP] }) { nodes { summary } } }`,
      {
        park: w.park,
      },
    );
    expect(listed.disputes.nodes).toEqual([{ summary: '赡养老人家庭纠纷' }]);
  });
});
