import { mutationSuite } from '../../test-support/mutations';
import { buildWorld, type World } from '../../test-support/world';

const t = mutationSuite();

let w: World;
/** A residential community of the same program: people live there, no enterprise does. */
let community: string;

beforeAll(async () => {
  w = await buildWorld(t.m, 'assignments');
  community = (
    await t.m.ok('createPark', { programId: w.program, name: `新市民居住区${w.n}`, level: '易地扶贫搬迁安置区', region: '安置区' })
  ).id;
});

const PERSON = {
  requesterKind: 'PERSON',
  kind: 'RESIDENCE_PERMIT',
  channel: 'DOORSTEP',
  source: 'WALK_IN',
  description: '办理居住证，申请送证上门',
  receivedAt: '2026-11-10T02:00:00Z',
};

/** The fields of each READ_PERSONAL row of a request, oldest first. */
async function personalReads(entityId: number): Promise<string[][]> {
  const { rows } = await t.api.db.sql.query(
    `SELECT after->'fields' AS fields FROM audit_log WHERE action = 'READ_PERSONAL' AND entity = 'ServiceRequest' AND entity_id = $1 ORDER BY id`,
    [entityId],
  );
  return rows.map((row: { fields: string[] }) => row.fields);
}

const rowId = (globalId: string) => Number(Buffer.from(globalId, 'base64').toString('utf8').split(':')[1]);

describe('requests of people and through public channels', () => {
  it('receives a resident’s request in a place with no enterprise, and a hotline call known only by its channel', async () => {
    const person = await t.m.ok(
      'receiveServiceRequest',
      { ...PERSON, parkId: community, requesterName: '张三丰', requesterPhone: '13812341234' },
      'requesterKind requesterName requesterPhone enterprise { id } park { name } status',
    );
    expect(person).toMatchObject({
      requesterKind: 'PERSON',
      requesterName: '张三丰',
      requesterPhone: '13812341234',
      enterprise: null,
      park: { name: `新市民居住区${w.n}` },
      status: 'RECEIVED',
    });
    const hotline = await t.m.ok(
      'receiveServiceRequest',
      {
        requesterKind: 'CHANNEL',
        parkId: community,
        kind: 'SECURITY',
        channel: 'NEARBY',
        source: 'HOTLINE_12345',
        description: '楼道电瓶车充电隐患',
        receivedAt: '2026-11-12T01:00:00Z',
      },
      'requesterKind requesterName source',
    );
    expect(hotline).toEqual(expect.objectContaining({ requesterKind: 'CHANNEL', requesterName: null, source: 'HOTLINE_12345' }));
    // A worker's request about the enterprise they work for keeps both.
    const worker = await t.m.ok(
      'receiveServiceRequest',
      { ...PERSON, kind: 'LEGAL_AID', channel: 'NEARBY', enterpriseId: w.enterprise, requesterName: '李四' },
      'requesterKind enterprise { id } park { id }',
    );
    expect(worker).toMatchObject({ requesterKind: 'PERSON', enterprise: { id: w.enterprise }, park: { id: w.park } });
    // An enterprise's request needs no requesterKind: ENTERPRISE is the default, as before.
    const enterprise = await t.m.ok(
      'receiveServiceRequest',
      {
        enterpriseId: w.enterprise,
        kind: 'VEHICLE_ACCESS',
        channel: 'ONLINE',
        source: 'PHONE',
        description: '通行证',
        receivedAt: '2026-11-10T02:00:00Z',
      },
      'requesterKind enterprise { id }',
    );
    expect(enterprise).toMatchObject({ requesterKind: 'ENTERPRISE', enterprise: { id: w.enterprise } });
  });

  it('refuses a request that does not say who asks or where, naming the field', async () => {
    const refusals: Array<[Record<string, unknown>, string, string]> = [
      [{ ...PERSON, requesterKind: 'ENTERPRISE', parkId: community }, 'input.enterpriseId', 'REQUIRED'],
      [{ ...PERSON }, 'input.parkId', 'REQUIRED'],
      [{ ...PERSON, requesterKind: 'CHANNEL', parkId: community, requesterName: '王五' }, 'input.requesterName', 'NOT_ALLOWED'],
      [{ ...PERSON, enterpriseId: w.enterprise, parkId: community }, 'input.parkId', 'MISMATCH'],
      [{ ...PERSON, parkId: community, requesterPhone: '12345' }, 'input.requesterPhone', 'FORMAT'],
    ];
    for (const [input, field, reason] of refusals) {
      expect(await t.m.refuse('receiveServiceRequest', input)).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
    }
    const { rows } = await t.api.db.sql.query(
      `SELECT count(*)::int AS n FROM service_request WHERE description = $1 AND requester_kind <> 'PERSON'`,
      [PERSON.description],
    );
    expect(rows[0].n).toBe(0);
  });

  it('shows the person asking whole to the administrators of the place, audited, and masked to an officer', async () => {
    // A worker of an enterprise of the park: its liaison officer reads the enterprise's requests.
    const created = await t.m.ok(
      'receiveServiceRequest',
      { ...PERSON, enterpriseId: w.enterprise, requesterName: '赵六一', requesterPhone: '13900001111', description: '工伤法律咨询' },
      'id',
    );
    const id = rowId(created.id);
    const query = `query ($id: ID!) { node(id: $id) { ... on ServiceRequest { requesterName requesterPhone } } }`;
    await t.api.createUser({ username: `park-admin-${w.n}`, role: 'PARK_ADMIN', parkIds: [rowId(w.park)] });
    await t.api.createUser({ username: `park-officer-${w.n}`, role: 'OFFICER', officerId: rowId(w.officer2) });

    expect(await personalReads(id)).toEqual([]);
    const admin = await t.api.as({ token: await t.api.signIn(`park-admin-${w.n}`) })(query, { id: created.id });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.node).toEqual({ requesterName: '赵六一', requesterPhone: '13900001111' });
    expect(await personalReads(id)).toEqual([['requesterName', 'requesterPhone']]);

    const officer = await t.api.as({ token: await t.api.signIn(`park-officer-${w.n}`) })(query, { id: created.id });
    expect(officer.errors).toBeUndefined();
    expect(officer.data.node).toEqual({ requesterName: '赵**', requesterPhone: '139****1111' });
    expect(await personalReads(id)).toEqual([['requesterName', 'requesterPhone']]);
  });

  it('counts requests by who asks, what and how, in a place with no enterprise', async () => {
    const query = `query ($scope: ID!, $params: JSONObject) {
      metricSeries(scope: $scope, metric: "serviceRequestCount", params: $params, from: "2026-11-01", to: "2026-11-30", granularity: YEAR) {
        points { value { value applicable } }
      }
    }`;
    const count = async (params: Record<string, unknown>) =>
      (await t.api.ok(query, { scope: community, params })).metricSeries.points[0].value as { value: number | null; applicable: boolean };
    // In the community: the resident's permit delivered to the door and the hotline call.
    expect(await count({})).toEqual({ value: 2, applicable: true });
    expect(await count({ requester: 'PERSON' })).toEqual({ value: 1, applicable: true });
    expect(await count({ kind: 'RESIDENCE_PERMIT', channel: 'DOORSTEP' })).toEqual({ value: 1, applicable: true });
    expect(await count({ source: 'HOTLINE_12345' })).toEqual({ value: 1, applicable: true });
    expect(await count({ requester: 'ENTERPRISE' })).toEqual({ value: 0, applicable: true });
    const refused = await t.api.gql(query, { scope: community, params: { requester: 'ROBOT' } });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'params.requester' });
  });
});
