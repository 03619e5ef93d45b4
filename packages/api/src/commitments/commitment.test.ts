import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

describe('commitments and indicators', () => {
  it('publishes commitments and their indicators as data', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'units');
    const commitment = await m.ok(
      'createCommitment',
      {
        programId: w.program,
        code: 'C06',
        area: 'SERVICE',
        title: { zhCN: '护航警官每月走访', zhTW: '護航警官每月走訪', en: 'Monthly visit by the liaison officer' },
        leadUnitId: w.station,
        supportingUnitIds: [w.branch],
      },
      'code title { zhCN en text(locale: ZH_TW) } leadUnit { name } supportingUnits { name } sortOrder',
    );
    expect(commitment).toMatchObject({
      code: 'C06',
      title: { zhCN: '护航警官每月走访', en: 'Monthly visit by the liaison officer', text: '護航警官每月走訪' },
      leadUnit: { name: '雍阳派出所' },
      supportingUnits: [{ name: '治安管理大队' }],
      sortOrder: 1,
    });
    expect(await m.refuse('createCommitment', { programId: w.program, code: 'c6', area: 'SERVICE', title: { zhCN: 'x' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.code',
    });
    // A code the program has published already is refused on that field (the browser test reads its words).
    expect(await m.refuse('createCommitment', { programId: w.program, code: 'C06', area: 'SERVICE', title: { zhCN: 'x' } })).toMatchObject({
      code: 'CONFLICT',
      field: 'input.code',
      reason: 'DUPLICATE',
    });
    expect(await m.refuse('createCommitment', { programId: w.program, code: 'C07', area: 'SERVICE', title: { zhCN: '' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title.zhCN',
    });
    await m.ok('updateCommitment', { id: commitment.id, version: 1, description: { zhCN: '每月走访每一家企业' } });
    expect(await m.refuse('updateCommitment', { id: commitment.id, version: 1, area: 'PUBLIC_ORDER' })).toMatchObject({ code: 'CONFLICT' });

    const indicator = await m.ok(
      'addIndicator',
      { commitmentId: commitment.id, metric: 'incidentArrivalWithin', target: 95, period: 'MONTH', label: { zhCN: '按时到场率' } },
      'metric target comparator period params label { zhCN }',
    );
    // Parameters are stored complete: the catalog's defaults are filled in.
    expect(indicator).toMatchObject({
      metric: 'incidentArrivalWithin',
      target: 95,
      comparator: 'GTE',
      period: 'MONTH',
      params: { minutes: 15 },
      label: { zhCN: '按时到场率' },
    });
    expect(await m.refuse('addIndicator', { commitmentId: commitment.id, metric: 'happiness', target: 1, period: 'MONTH' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.metric',
      reason: 'UNKNOWN_METRIC',
    });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, params: { minutes: 0 } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.params.minutes',
    });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, params: { hours: 1 } })).toMatchObject({
      field: 'input.params.hours',
      reason: 'UNKNOWN_PARAMETER',
    });
    const changed = await m.ok('updateIndicator', { id: indicator.id, version: 1, target: 90, params: { minutes: 10 } }, 'target params');
    expect(changed).toMatchObject({ target: 90, params: { minutes: 10 } });
    expect(await m.refuse('updateIndicator', { id: indicator.id, version: 1, target: 90 })).toMatchObject({ code: 'CONFLICT' });
    expect(await m.refuse('removeIndicator', { id: indicator.id, version: 1 })).toMatchObject({ code: 'CONFLICT' });
    await m.ok('removeIndicator', { id: indicator.id, version: 2 });
    // Removed means deleted: no row is left behind.
    const { rows } = await api.db.sql.query(
      'SELECT count(*)::int AS n FROM indicator i JOIN commitment c ON c.id = i.commitment_id JOIN program p ON p.id = c.program_id WHERE p.name = $1',
      [w.programName],
    );
    expect(rows[0].n).toBe(0);

    await m.ok('retireCommitment', { id: commitment.id, version: 2 });
    expect(await m.refuse('retireCommitment', { id: commitment.id, version: 3 })).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(
      await m.refuse('addIndicator', { commitmentId: commitment.id, metric: 'visitCoverage', target: 1, period: 'MONTH' }),
    ).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});
