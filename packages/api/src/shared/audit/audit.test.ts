import { startTestApi, type TestApi } from '../../test-support/api';
import { pgError } from '../../test-support/database';
import { purgeAuditLog } from './purge';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api.close();
});

const rows = async () =>
  (
    await api.db.sql.query(
      `SELECT action, entity, entity_id, actor_type, outcome, before, after, related, client_address, request_id FROM audit_log ORDER BY id`,
    )
  ).rows;

const CREATE = `mutation ($input: CreateProgramInput!) { createProgram(input: $input) { program { id databaseId version } } }`;
const UPDATE = `mutation ($input: UpdateProgramInput!) { updateProgram(input: $input) { program { version } } }`;

describe('the audit trail', () => {
  it('writes exactly one row for a successful mutation and none for a failed one', async () => {
    const before = (await rows()).length;
    // Refused by validation, then by the database (a duplicate name): nothing is written, the audit row neither.
    expect((await api.gql(CREATE, { input: { name: '', region: '某县', bureau: '某县公安局' } })).errors).toBeDefined();
    const created = await api.ok(CREATE, { input: { name: '审计测试机制', region: '某县', bureau: '某县公安局' } });
    expect(
      (await api.gql(CREATE, { input: { name: '审计测试机制', region: '某县', bureau: '某县公安局' } })).errors![0]!.extensions.code,
    ).toBe('CONFLICT');
    const after = await rows();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      action: 'createProgram',
      entity: 'Program',
      entity_id: created.createProgram.program.databaseId,
      actor_type: 'USER',
      outcome: 'SUCCESS',
      before: null,
      after: expect.objectContaining({ name: '审计测试机制', region: '某县' }),
      client_address: expect.stringMatching(/127\.0\.0\.1|::1/),
      request_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it('keeps the values before and after a change', async () => {
    const created = await api.ok(CREATE, { input: { name: '改名前', region: '某县', bureau: '某县公安局' } });
    const program = created.createProgram.program;
    await api.ok(UPDATE, { input: { id: program.id, version: program.version, name: '改名后' } });
    expect((await api.gql(UPDATE, { input: { id: program.id, version: program.version, name: '再改' } })).errors![0]!.extensions.code).toBe(
      'CONFLICT',
    );
    const last = (await rows()).at(-1);
    expect(last).toMatchObject({ action: 'updateProgram', entity: 'Program', before: { name: '改名前' }, after: { name: '改名后' } });
    // Only what changed is kept: the name and the update time.
    expect(Object.keys(last.after).sort()).toEqual(['name', 'updatedAt']);
  });

  it('writes no second row when a retried submission is answered from its idempotency key', async () => {
    const input = { name: '重试机制', region: '某县', bureau: '某县公安局', idempotencyKey: 'audit-retry-0001' };
    await api.ok(CREATE, { input });
    const count = (await rows()).length;
    await api.ok(CREATE, { input });
    expect(await rows()).toHaveLength(count);
  });

  it('is append-only: updates, deletes and truncation are refused', async () => {
    for (const statement of ['UPDATE audit_log SET action = $$x$$', 'DELETE FROM audit_log', 'TRUNCATE audit_log']) {
      expect((await pgError(() => api.db.sql.query(statement))).message).toMatch(/append-only/);
    }
  });

  it('loses rows only to the purge command, and only those past the retention period', async () => {
    // Back-date one row the way a six-month-old row would look: only possible by recreating it as an insert.
    await api.db.sql.query(
      `INSERT INTO audit_log (at, actor_type, action, entity, entity_id) VALUES (now() - interval '200 days', 'SYSTEM', 'old', 'Program', 1)`,
    );
    const count = (await rows()).length;
    await expect(purgeAuditLog(api.db.orm.em.fork(), 30)).rejects.toThrow(/at least 180 days/);
    expect(await purgeAuditLog(api.db.orm.em.fork())).toBe(1);
    expect(await rows()).toHaveLength(count - 1);
    expect((await rows()).some((row) => row.action === 'old')).toBe(false);
  });
});
