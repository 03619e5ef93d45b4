import { startTestApi, type TestApi } from '../../test-support/api';
import { pgError } from '../../test-support/database';
import { Client } from 'pg';
import { verifyAuditChain } from './chain';
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

  it('cannot be rewritten by the API’s own role: no update, delete, truncation, trigger change, drop or purge setting', async () => {
    const app = new Client({ connectionString: api.db.appUrl });
    await app.connect();
    try {
      const { rows: who } = await app.query(`SELECT current_user AS name, rolsuper FROM pg_roles WHERE rolname = current_user`);
      expect(who[0]).toEqual({ name: 'huhang_app', rolsuper: false });
      const count = (await rows()).length;
      const statements = [
        'UPDATE audit_log SET action = $$x$$',
        'DELETE FROM audit_log',
        'TRUNCATE audit_log',
        'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
        'DROP TRIGGER audit_log_chain ON audit_log',
        'DROP TABLE audit_log',
        'CREATE OR REPLACE FUNCTION huhang_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$ BEGIN RETURN old; END $f$',
        'UPDATE audit_chain_tip SET last_id = 0',
        'SELECT huhang_audit_purge(180)',
      ];
      for (const statement of statements) {
        const error = await pgError(() => app.query(statement));
        expect([statement, error.code]).toEqual([statement, expect.stringMatching(/^42501$/)]);
      }
      // The purge setting lets nothing through for a role that may not delete.
      await app.query('BEGIN');
      await app.query(`SET LOCAL huhang.audit_purge = 'on'`);
      expect((await pgError(() => app.query('DELETE FROM audit_log'))).code).toBe('42501');
      await app.query('ROLLBACK');
      // It may append, but not back-date: the row's time and place in the chain are the database's.
      await app.query(`INSERT INTO audit_log (id, at, actor_type, action) VALUES (1, now() - interval '400 days', 'SYSTEM', 'backdated')`);
      const { rows: added } = await api.db.sql.query(
        `SELECT id, at > now() - interval '1 minute' AS recent FROM audit_log WHERE action = 'backdated'`,
      );
      expect(added).toEqual([{ id: expect.not.stringMatching(/^1$/), recent: true }]);
      expect((await rows()).length).toBe(count + 1);
    } finally {
      await app.end();
    }
    expect((await verifyAuditChain(api.db.sql)).ok).toBe(true);
  });

  it('names the first row a superuser changed, deleted or inserted out of place', async () => {
    // Three rows with a gap in the ids before each, where a forged row could go.
    const ids: number[] = [];
    for (const name of ['链一', '链二', '链三']) {
      await api.db.sql.query(`SELECT nextval('audit_log_id_seq')`);
      await api.ok(CREATE, { input: { name, region: '某县', bureau: '某县公安局' } });
      ids.push(Number((await api.db.sql.query<{ id: string }>(`SELECT max(id) AS id FROM audit_log`)).rows[0]!.id));
    }
    expect(await verifyAuditChain(api.db.sql)).toMatchObject({ ok: true });

    // Each tampering as the superuser, with the table's triggers off, checked and rolled back.
    const tampered = async (sql: string) => {
      await api.db.sql.query('BEGIN');
      try {
        await api.db.sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
        await api.db.sql.query(sql);
        return await verifyAuditChain(api.db.sql, { inTransaction: true });
      } finally {
        await api.db.sql.query('ROLLBACK');
      }
    };
    const forge = (id: number, after: number) =>
      `INSERT INTO audit_log (id, at, actor_type, action, prev_hash) SELECT ${id}, now(), 'SYSTEM', 'forged', hash FROM audit_log WHERE id = ${after};
       UPDATE audit_log a SET hash = huhang_audit_hash(a.prev_hash, a) WHERE id = ${id};`;

    expect(await tampered(`UPDATE audit_log SET after = jsonb_set(after, '{name}', '"改过"') WHERE id = ${ids[1]}`)).toMatchObject({
      ok: false,
      problem: { kind: 'CHANGED', id: ids[1] },
    });
    expect(await tampered(`DELETE FROM audit_log WHERE id = ${ids[1]}`)).toMatchObject({
      ok: false,
      problem: { kind: 'OUT_OF_PLACE', id: ids[2] },
    });
    // Inserted with no hash, or with a hash made to follow the row before it: named, or its successor is.
    expect(
      await tampered(`INSERT INTO audit_log (id, at, actor_type, action) VALUES (${ids[1]! - 1}, now(), 'SYSTEM', 'forged')`),
    ).toMatchObject({ ok: false, problem: { kind: 'CHANGED', id: ids[1]! - 1 } });
    expect(await tampered(forge(ids[1]! - 1, ids[0]!))).toMatchObject({ ok: false, problem: { kind: 'OUT_OF_PLACE', id: ids[1] } });
    // A row replaced by a forged one that follows its predecessor: the next row gives it away.
    expect(await tampered(`DELETE FROM audit_log WHERE id = ${ids[1]}; ${forge(ids[1]!, ids[0]!)}`)).toMatchObject({
      ok: false,
      problem: { kind: 'OUT_OF_PLACE', id: ids[2] },
    });
    // The last row deleted, or one appended past the chain's recorded end.
    expect(await tampered(`DELETE FROM audit_log WHERE id = ${ids[2]}`)).toMatchObject({ ok: false, problem: { kind: 'END_DELETED' } });
    expect(await tampered(forge(ids[2]! + 1000, ids[2]!))).toMatchObject({ ok: false, problem: { kind: 'END_DELETED' } });
    // The first rows deleted without the purge.
    const first = Number((await api.db.sql.query<{ id: string }>(`SELECT min(id) AS id FROM audit_log`)).rows[0]!.id);
    expect(await tampered(`DELETE FROM audit_log WHERE id = ${first}`)).toMatchObject({ ok: false, problem: { kind: 'START_DELETED' } });

    expect(await verifyAuditChain(api.db.sql)).toMatchObject({ ok: true });
  });

  it('loses rows only to the owner’s purge, a prefix past the retention period, which it records', async () => {
    // Six-month-old rows can only be made by the owner rewriting history: back-date the first rows
    // and chain them again, as a superuser would have to.
    await api.db.sql.query('BEGIN');
    await api.db.sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await api.db.sql.query(
      `INSERT INTO audit_log (id, at, actor_type, action, entity, entity_id) VALUES (0, now() - interval '200 days', 'SYSTEM', 'old', 'Program', 1)`,
    );
    await api.db.sql.query(`DO $$ DECLARE r audit_log; prev bytea := NULL; BEGIN
      FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        UPDATE audit_log SET prev_hash = prev, hash = huhang_audit_hash(prev, r) WHERE id = r.id RETURNING hash INTO prev;
      END LOOP;
      UPDATE audit_chain_tip SET last_hash = prev; END $$`);
    await api.db.sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await api.db.sql.query('COMMIT');
    expect(await verifyAuditChain(api.db.sql)).toMatchObject({ ok: true });

    const count = (await rows()).length;
    await expect(purgeAuditLog(api.db.url, 30)).rejects.toThrow(/at least 180 days/);
    expect((await pgError(() => api.db.sql.query('SELECT huhang_audit_purge(30)'))).message).toMatch(/at least 180 days/);
    expect(await purgeAuditLog(api.db.url)).toBe(1);
    const after = await rows();
    expect(after).toHaveLength(count); // one gone, the purge's own row added
    expect(after.some((row) => row.action === 'old')).toBe(false);
    expect(after.at(-1)).toMatchObject({ action: 'purgeAuditLog', after: { deleted: 1, retentionDays: 180 } });
    // The chain now starts after the purged prefix, and says why.
    expect(await verifyAuditChain(api.db.sql)).toMatchObject({ ok: true });
  });
});
