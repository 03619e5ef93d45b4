import { startTestApi, type TestApi } from '../../test-support/api';
import { MutationLog, testCreditCode } from '../../test-support/mutations';

let api: TestApi;
let m: MutationLog;

const ids: Record<string, any> = {};

async function count(table: string): Promise<number> {
  const { rows } = await api.db.sql.query(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0].n;
}

beforeAll(async () => {
  api = await startTestApi();
  m = new MutationLog(api);
  ids.program = (await m.ok('createProgram', { name: '机制', region: '瓮安县', bureau: '瓮安县公安局' })).id;
  ids.park = (await m.ok('createPark', { programId: ids.program, name: '园区', region: '瓮安县' })).id;
  ids.zone = (await m.ok('createZone', { parkId: ids.park, name: '片区' })).id;
  ids.unit = (await m.ok('createPoliceUnit', { programId: ids.program, name: '派出所', kind: 'STATION' })).id;
  ids.officer = (await m.ok('createOfficer', { unitId: ids.unit, name: '王警官', badgeNumber: '520201' })).id;
  ids.enterprise = (
    await m.ok('createEnterprise', {
      zoneId: ids.zone,
      name: '企业',
      creditCode: testCreditCode(11),
      industry: '磷化工',
      joinedOn: '2025-01-01',
    })
  ).id;
});

afterAll(async () => {
  await api.close();
});

const visit = (key: string, findings = '正常') => ({
  idempotencyKey: key,
  officerId: ids.officer,
  enterpriseId: ids.enterprise,
  visitedOn: '2025-03-03',
  activities: ['SAFETY_INSPECTION'],
  findings,
});

describe('idempotent record-creating mutations', () => {
  it('returns the first result for a retry with the same key and input, and writes nothing new', async () => {
    const first = await m.ok('recordVisit', { ...visit('visit-retry-0001'), clientMutationId: 'a' }, 'findings');
    const retry = await m.run('recordVisit', { ...visit('visit-retry-0001'), clientMutationId: 'b' }, 'findings');
    expect(retry.record).toEqual(first);
    expect(retry.clientMutationId).toBe('b');
    expect(await count('visit')).toBe(1);
  });

  it('makes one record from two concurrent calls with one key', async () => {
    const before = await count('visit');
    const calls = await Promise.all([1, 2, 3, 4].map(() => m.run('recordVisit', visit('visit-concurrent-0001'))));
    expect(calls.every((call) => !call.errors)).toBe(true);
    expect(new Set(calls.map((call) => call.record.id)).size).toBe(1);
    expect(await count('visit')).toBe(before + 1);
  });

  it('refuses the same key with different input as a CONFLICT', async () => {
    await m.ok('recordVisit', visit('visit-conflict-0001'));
    const before = await count('visit');
    expect(await m.refuse('recordVisit', visit('visit-conflict-0001', '不同的内容'))).toMatchObject({
      code: 'CONFLICT',
      field: 'input.idempotencyKey',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(
      await m.refuse('recordPatrol', { idempotencyKey: 'visit-conflict-0001', teamId: ids.park, patrolledOn: '2025-03-03', kind: 'VIDEO' }),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await count('visit')).toBe(before);
  });

  it('keeps each caller’s keys its own: another user’s same key neither blocks nor reads the first', async () => {
    const first = await m.ok('recordVisit', visit('visit-shared-key-01'), 'findings');
    await api.createUser({ username: 'key-other-admin', role: 'SYSTEM_ADMIN' });
    const other = api.as({ token: await api.signIn('key-other-admin') });
    const before = await count('visit');
    const result = await other(`mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id findings } } }`, {
      input: visit('visit-shared-key-01', '另一位用户的记录'),
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.recordVisit.visit).toMatchObject({ findings: '另一位用户的记录' });
    expect(result.data.recordVisit.visit.id).not.toBe(first.id);
    expect(await count('visit')).toBe(before + 1);
  });

  it('lets a key be used again after the first attempt failed, since nothing was written', async () => {
    expect(await m.refuse('recordVisit', { ...visit('visit-after-failure-01'), visitedOn: '2999-01-01' })).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const { rows } = await api.db.sql.query(`SELECT count(*)::int AS n FROM idempotency_key WHERE key = 'visit-after-failure-01'`);
    expect(rows[0].n).toBe(0);
    await m.ok('recordVisit', visit('visit-after-failure-01'));
  });

  it('refuses malformed keys', async () => {
    expect(await m.refuse('recordVisit', visit('short'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.idempotencyKey' });
  });
});

describe('transactions and versions', () => {
  it('writes nothing when a mutation fails part-way, not even its idempotency claim', async () => {
    // The key is claimed in the database before the supporting branch is found wanting.
    await m.ok('assignLiaisonOfficer', { enterpriseId: ids.enterprise, officerId: ids.officer, startsOn: '2025-01-01' });
    const other = await m.ok('createOfficer', { unitId: ids.unit, name: '李警官', badgeNumber: '520202' });
    const before = await api.db.sql.query(
      'SELECT id, officer_id, starts_on::text, ends_on::text, version FROM liaison_assignment ORDER BY id',
    );
    const refused = await m.run('assignLiaisonOfficer', {
      idempotencyKey: 'assign-part-way-0001',
      enterpriseId: ids.enterprise,
      officerId: other.id,
      startsOn: '2025-02-01',
      supportingBranchIds: [ids.unit],
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.supportingBranchIds.0' });
    expect((await api.db.sql.query(`SELECT 1 FROM idempotency_key WHERE key = 'assign-part-way-0001'`)).rowCount).toBe(0);
    const after = await api.db.sql.query(
      'SELECT id, officer_id, starts_on::text, ends_on::text, version FROM liaison_assignment ORDER BY id',
    );
    expect(after.rows).toEqual(before.rows);
  });

  it('refuses a stale version and keeps the newer write', async () => {
    const enterprise = await api.ok(`query ($id: ID!) { enterprise(id: $id) { version } }`, { id: ids.enterprise });
    const { version } = enterprise.enterprise;
    const [a, b] = await Promise.all([
      m.run('updateEnterprise', { id: ids.enterprise, version, employeeCount: 100 }),
      m.run('updateEnterprise', { id: ids.enterprise, version, employeeCount: 200 }),
    ]);
    const winners = [a, b].filter((outcome) => !outcome.errors);
    const losers = [a, b].filter((outcome) => outcome.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
    const { rows } = await api.db.sql.query('SELECT employee_count, version FROM enterprise');
    expect(rows[0].version).toBe(version + 1);
  });

  it('never shows SQL or a stack trace, but a request id for what it cannot explain', async () => {
    const result = await api.gql(
      `mutation { createProgram(input: { name: "${'长'.repeat(201)}", region: "R", bureau: "B" }) { program { id } } }`,
    );
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(JSON.stringify(result)).not.toMatch(/insert into|select |stack|\.ts:\d+/i);
  });
});
