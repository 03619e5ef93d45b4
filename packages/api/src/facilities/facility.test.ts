import { mutationSuite } from '../test-support/mutations';
import { buildWorld } from '../test-support/world';

const t = mutationSuite();

const FACILITIES = `query ($park: ID!, $on: LocalDate) {
  park: node(id: $park) { ... on Park { facilities(filter: { inServiceOn: $on }, first: 20) { nodes { kind quantity location installedOn removedOn } } } }
}`;

const inService = async (park: string, on?: string) =>
  (await t.api.ok(FACILITIES, { park, on })).park.facilities.nodes.map(
    (f: { kind: string; quantity: number }) => `${f.kind} ${f.quantity}`,
  );

describe('facilities', () => {
  it('records what came into service in a place and takes it out again, as of each day', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'park');
    const cameras = await m.ok(
      'recordFacility',
      {
        parkId: w.park,
        kind: 'CAMERA',
        quantity: 48,
        location: ' 东门至北门围挡 ',
        installedOn: '2025-03-01',
      },
      'location park { id }',
    );
    expect(cameras).toMatchObject({ location: '东门至北门围挡', park: { id: w.park } });
    await m.ok('recordFacility', { parkId: w.park, kind: 'POLICE_OFFICE', quantity: 1, installedOn: '2025-06-01' });
    expect(await inService(w.park, '2025-05-31')).toEqual(['CAMERA 48']);
    expect((await inService(w.park, '2025-06-01')).sort()).toEqual(['CAMERA 48', 'POLICE_OFFICE 1']);

    const removed = await m.ok('removeFacility', { id: cameras.id, version: cameras.version, removedOn: '2025-09-30' }, 'removedOn');
    expect(removed.removedOn).toBe('2025-09-30');
    expect((await inService(w.park, '2025-09-29')).sort()).toEqual(['CAMERA 48', 'POLICE_OFFICE 1']);
    expect(await inService(w.park, '2025-09-30')).toEqual(['POLICE_OFFICE 1']);
    // Every record stays, the removed one too.
    expect(await inService(w.park)).toHaveLength(2);

    // The metric reads the same stock, by quantity.
    const figure = async (on: string, kind?: string) =>
      (
        await t.api.ok(
          `query ($scope: ID!, $params: JSONObject) { metricSeries(metric: "facilitiesInService", scope: $scope, from: "${on}", to: "${on}", granularity: YEAR, params: $params) { points { value { value } } } }`,
          { scope: w.park, params: kind ? { kind } : {} },
        )
      ).metricSeries.points[0].value.value;
    expect(await figure('2025-06-15')).toBe(49);
    expect(await figure('2025-06-15', 'CAMERA')).toBe(48);
    expect(await figure('2025-10-01')).toBe(1);
  });

  it('refuses what cannot be, naming the field, and writes nothing', async () => {
    const { m } = t;
    const w = await buildWorld(m, 'park');
    const base = { parkId: w.park, kind: 'CAMERA', quantity: 4, installedOn: '2025-03-01' };
    expect(await m.refuse('recordFacility', { ...base, quantity: 0 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.quantity' });
    expect(await m.refuse('recordFacility', { ...base, installedOn: '2999-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.installedOn',
      reason: 'FUTURE',
    });
    expect(await m.refuse('recordFacility', { ...base, parkId: w.program })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.parkId',
    });
    expect(await inService(w.park)).toEqual([]);

    const made = await m.ok('recordFacility', base);
    expect(await m.refuse('removeFacility', { id: made.id, version: made.version, removedOn: '2025-02-28' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.removedOn',
      reason: 'ORDER',
    });
    const removed = await m.ok('removeFacility', { id: made.id, version: made.version, removedOn: '2025-03-01' });
    expect(await m.refuse('removeFacility', { id: made.id, version: removed.version, removedOn: '2025-04-01' })).toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('belong to their place: another park’s administrator neither sees nor changes them', async () => {
    const { m, api } = t;
    const w = await buildWorld(m, 'park');
    const other = await buildWorld(m, 'park');
    const made = await m.ok('recordFacility', { parkId: w.park, kind: 'SENTRY_POST', quantity: 2, installedOn: '2025-01-01' });
    const otherParkId = Number(Buffer.from(other.park, 'base64').toString().split(':')[1]);
    await api.createUser({ username: 'facility-other-admin', role: 'PARK_ADMIN', parkIds: [otherParkId] });
    const ask = api.as({ token: await api.signIn('facility-other-admin') });
    const listed = await ask(`{ facilities(first: 50) { nodes { id } } }`);
    expect(listed.data.facilities.nodes).toEqual([]);
    const refused = await ask(`mutation ($input: RemoveFacilityInput!) { removeFacility(input: $input) { facility { id } } }`, {
      input: { id: made.id, version: made.version, removedOn: '2025-02-01' },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    const recorded = await ask(`mutation ($input: RecordFacilityInput!) { recordFacility(input: $input) { facility { id } } }`, {
      input: { parkId: w.park, kind: 'CAMERA', quantity: 1, installedOn: '2025-01-01' },
    });
    expect(recorded.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.parkId' });
    expect(await inService(w.park)).toEqual(['SENTRY_POST 2']);

    // The place's own administrator sees and records them.
    const ownParkId = Number(Buffer.from(w.park, 'base64').toString().split(':')[1]);
    await api.createUser({ username: 'facility-own-admin', role: 'PARK_ADMIN', parkIds: [ownParkId] });
    const own = api.as({ token: await api.signIn('facility-own-admin') });
    expect((await own(`{ facilities(first: 50) { nodes { id } } }`)).data.facilities.nodes).toEqual([{ id: made.id }]);
    const added = await own(`mutation ($input: RecordFacilityInput!) { recordFacility(input: $input) { facility { kind } } }`, {
      input: { parkId: w.park, kind: 'CAMERA', quantity: 16, installedOn: '2025-02-01' },
    });
    expect(added.errors).toBeUndefined();
    expect((await inService(w.park)).sort()).toEqual(['CAMERA 16', 'SENTRY_POST 2']);
  });
});
