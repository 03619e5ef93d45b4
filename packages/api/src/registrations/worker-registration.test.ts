import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

const figure = async (scope: string, metric: string, from: string, to: string) =>
  (
    await t.api.ok(
      `query ($scope: ID!, $metric: String!, $from: LocalDate!, $to: LocalDate!) { metricSeries(metric: $metric, scope: $scope, from: $from, to: $to, granularity: YEAR) { points { value { value numerator denominator } } } }`,
      { scope, metric, from, to },
    )
  ).metricSeries.points[0].value;

describe('worker registrations', () => {
  it('registers, checks and ends, and the figures follow: people on site, and the share checked accurate', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const a = await m.ok('registerWorker', { parkId: w.park, enterpriseId: w.enterprise, registeredOn: '2025-03-01' }, 'enterprise { id }');
    expect(a.enterprise).toEqual({ id: w.enterprise });
    const b = await m.ok('registerWorker', { parkId: w.park, registeredOn: '2025-03-02' });
    await m.ok('checkWorkerRegistration', { id: a.id, version: a.version, checkedOn: '2025-04-01', accurate: true });
    const checked = await m.ok(
      'checkWorkerRegistration',
      { id: b.id, version: b.version, checkedOn: '2025-04-02', accurate: false },
      'accurate checkedOn',
    );
    expect(checked).toMatchObject({ accurate: false, checkedOn: '2025-04-02' });
    await m.ok('endWorkerRegistration', { id: b.id, version: checked.version, leftOn: '2025-05-01' });

    expect((await figure(w.park, 'workersRegistered', '2025-04-30', '2025-04-30')).value).toBe(2);
    expect((await figure(w.park, 'workersRegistered', '2025-05-01', '2025-05-01')).value).toBe(1);
    expect(await figure(w.park, 'registrationAccuracy', '2025-04-01', '2025-04-30')).toEqual({ value: 50, numerator: 1, denominator: 2 });
  });

  it('refuses what cannot be, naming the field, and writes nothing', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'enterprises');
    const other = await buildWorld(m, 'enterprises');
    expect(await m.refuse('registerWorker', { parkId: w.park, registeredOn: '2999-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.registeredOn',
      reason: 'FUTURE',
    });
    expect(await m.refuse('registerWorker', { parkId: w.park, enterpriseId: other.enterprise, registeredOn: '2025-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.enterpriseId',
      reason: 'MISMATCH',
    });
    const r = await m.ok('registerWorker', { parkId: w.park, registeredOn: '2025-03-01' });
    expect(
      await m.refuse('checkWorkerRegistration', { id: r.id, version: r.version, checkedOn: '2025-02-01', accurate: true }),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.checkedOn',
      reason: 'ORDER',
    });
    const ended = await m.ok('endWorkerRegistration', { id: r.id, version: r.version, leftOn: '2025-03-05' });
    expect(await m.refuse('endWorkerRegistration', { id: r.id, version: ended.version, leftOn: '2025-03-06' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const { rows } = await t.api.db.sql.query('SELECT count(*)::int AS n FROM worker_registration');
    expect(rows[0].n).toBe(1 + 2);
  });
});
