import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { mutationSuite } from '../test-support/mutations';
import { buildWorld, type World } from '../test-support/world';
import { idOf } from '../shared/graphql/global-id';

const t = mutationSuite();

const RECORD_VISIT = `mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id findings } } }`;

const visitInput = (w: World, findings: string, idempotencyKey: string) => ({
  officerId: w.officer2,
  enterpriseId: w.enterprise,
  visitedOn: '2025-06-05',
  activities: ['SAFETY_INSPECTION'],
  findings,
  idempotencyKey,
});

async function count(sql: string, values: unknown[]): Promise<number> {
  const { rows } = await t.api.db.sql.query<{ n: string }>(sql, values);
  return Number(rows[0]!.n);
}

const visitsWith = (findings: string) => count('SELECT count(*) AS n FROM visit WHERE findings = $1', [findings]);
const keyRows = (key: string) => count('SELECT count(*) AS n FROM idempotency_key WHERE key = $1', [key]);
const auditRows = (findings: string) =>
  count(`SELECT count(*) AS n FROM audit_log WHERE action = 'recordVisit' AND after->>'findings' = $1`, [findings]);

describe("a mutation's last writes go out with the request's COMMIT", () => {
  it('commits the record, its audit row, its key and the data version together', async () => {
    const w = await buildWorld(t.m, 'assignments');
    const key = randomUUID();
    const [before] = (await t.api.db.sql.query<{ version: string }>('SELECT coalesce(max(version), 0) AS version FROM data_version')).rows;
    const first = await t.api.ok(RECORD_VISIT, { input: visitInput(w, '提交一并写入', key) });
    expect(first.recordVisit.visit.findings).toBe('提交一并写入');
    expect(await visitsWith('提交一并写入')).toBe(1);
    expect(await auditRows('提交一并写入')).toBe(1);
    const { rows } = await t.api.db.sql.query<{ result_type: string; result_id: number }>(
      'SELECT result_type, result_id FROM idempotency_key WHERE key = $1',
      [key],
    );
    expect(rows).toEqual([{ result_type: 'Visit', result_id: idOf(first.recordVisit.visit.id, 'Visit', 'id') }]);
    const [after] = (await t.api.db.sql.query<{ version: string }>('SELECT coalesce(max(version), 0) AS version FROM data_version')).rows;
    expect(Number(after!.version)).toBeGreaterThan(Number(before!.version));
    // The retry answers with the same visit and writes nothing more.
    expect(await t.api.ok(RECORD_VISIT, { input: visitInput(w, '提交一并写入', key) })).toEqual(first);
    expect(await visitsWith('提交一并写入')).toBe(1);
    expect(await auditRows('提交一并写入')).toBe(1);
  });

  it('keeps nothing when a write at COMMIT fails, says so, and leaves every connection usable', async () => {
    const w = await buildWorld(t.m, 'assignments');
    // The audit row of this one visit is refused when it is written, at COMMIT.
    await t.api.db.sql.query(`CREATE FUNCTION refuse_marked_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.after->>'findings' = '提交时被拒' THEN RAISE EXCEPTION 'refused at commit'; END IF;
        RETURN NEW;
      END $$`);
    await t.api.db.sql.query(
      `CREATE TRIGGER refuse_marked_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_marked_audit()`,
    );
    const key = randomUUID();
    try {
      const refused = await t.api.gql(RECORD_VISIT, { input: visitInput(w, '提交时被拒', key) });
      expect(refused.data).toBeNull();
      expect(refused.errors).toHaveLength(1);
      expect(refused.errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
      expect(refused.errors![0]!.message).toContain('nothing was saved');
      expect(JSON.stringify(refused)).not.toMatch(/refused at commit|audit_log|INSERT/);
      expect(await visitsWith('提交时被拒')).toBe(0);
      expect(await keyRows(key)).toBe(0);
      expect(await auditRows('提交时被拒')).toBe(0);

      // More requests than the pool has connections: none is left inside the aborted transaction.
      for (let i = 0; i < 6; i++) {
        const answer = await t.api.ok(RECORD_VISIT, { input: visitInput(w, `之后 ${i}`, randomUUID()) });
        expect(answer.recordVisit.visit.findings).toBe(`之后 ${i}`);
      }
      expect(await visitsWith('之后 5')).toBe(1);
    } finally {
      await t.api.db.sql.query('DROP TRIGGER refuse_marked_audit ON audit_log; DROP FUNCTION refuse_marked_audit()');
    }
    // The same key, retried once the cause is gone, writes the visit once.
    const retried = await t.api.ok(RECORD_VISIT, { input: visitInput(w, '提交时被拒', key) });
    expect(retried.recordVisit.visit.findings).toBe('提交时被拒');
    expect(await visitsWith('提交时被拒')).toBe(1);
    expect(await auditRows('提交时被拒')).toBe(1);
    expect(await keyRows(key)).toBe(1);
  });

  it('runs two mutations of one request, each with its own audit row, in one commit', async () => {
    const w = await buildWorld(t.m, 'assignments');
    const both = await t.api.ok(
      `mutation ($a: RecordVisitInput!, $b: RecordVisitInput!) {
        a: recordVisit(input: $a) { visit { findings } }
        b: recordVisit(input: $b) { visit { findings } }
      }`,
      { a: visitInput(w, '同一请求 甲', randomUUID()), b: visitInput(w, '同一请求 乙', randomUUID()) },
    );
    expect(both).toEqual({ a: { visit: { findings: '同一请求 甲' } }, b: { visit: { findings: '同一请求 乙' } } });
    expect(await auditRows('同一请求 甲')).toBe(1);
    expect(await auditRows('同一请求 乙')).toBe(1);
  });

  it('rolls back a refused mutation of its own request, its idempotency key too; in a request of two, keeps the one that succeeded', async () => {
    const w = await buildWorld(t.m, 'assignments');
    const key = randomUUID();
    // Refused after the key was claimed: a visit before the enterprise joined.
    const early = { ...visitInput(w, '加入前走访', key), visitedOn: '2000-01-03' };
    const refused = await t.api.gql(RECORD_VISIT, { input: early });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.visitedOn' });
    expect(await keyRows(key)).toBe(0);
    expect(await visitsWith('加入前走访')).toBe(0);
    // The key is free again: the corrected visit is written under it.
    expect((await t.api.ok(RECORD_VISIT, { input: visitInput(w, '加入前走访', key) })).recordVisit.visit.findings).toBe('加入前走访');

    const mixed = await t.api.gql(
      `mutation ($a: RecordVisitInput!, $b: RecordVisitInput!) {
        a: recordVisit(input: $a) { visit { findings } }
        b: recordVisit(input: $b) { visit { findings } }
      }`,
      { a: visitInput(w, '两项之一', randomUUID()), b: { ...visitInput(w, '两项之二', randomUUID()), visitedOn: '2000-01-03' } },
    );
    expect(mixed.errors?.map((error) => [error.path, error.extensions.code])).toEqual([[['b'], 'BAD_USER_INPUT']]);
    // The payload is non-null, so the refusal empties `data`; what `a` wrote is kept all the same.
    expect(mixed.data).toBeNull();
    expect(mixed.errors?.map((error) => error.path)).toEqual([['b']]);
    expect(await visitsWith('两项之一')).toBe(1);
    expect(await auditRows('两项之一')).toBe(1);
    expect(await visitsWith('两项之二')).toBe(0);
  });
});

describe("a keyed create's idempotency claim goes out with its first statement", () => {
  /** The messages the server's connections send to PostgreSQL while `work` runs (the test's own client apart). */
  async function messagesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const sent: string[] = [];
    const query = Client.prototype.query;
    const own = t.api.db.sql;
    Client.prototype.query = function (this: Client, config: unknown, ...rest: unknown[]) {
      if (this !== own) sent.push(typeof config === 'string' ? config : String((config as { text?: unknown }).text));
      return (query as (...args: unknown[]) => unknown).call(this, config, ...rest);
    } as typeof query;
    try {
      await work();
    } finally {
      Client.prototype.query = query;
    }
    return sent;
  }

  it('sends a visit in three messages: the claim with its first read, the record, and the last writes with COMMIT', async () => {
    const w = await buildWorld(t.m, 'assignments');
    let key = '';
    let findings = '';
    let sent: string[] = [];
    for (let i = 0; i < 12 && sent.length !== 3; i++) {
      [key, findings] = [randomUUID(), `三条消息 ${i}`];
      const all = await messagesDuring(() => t.api.ok(RECORD_VISIT, { input: visitInput(w, findings, key) }));
      // From BEGIN on: a session check may come before it, when a notice dropped the kept one.
      sent = all.slice(all.findIndex((text) => text.startsWith('BEGIN')));
      // On a connection that holds them not yet, the read and the data-version raise are prepared
      // first, each in a message of its own, once.
      const prepares = sent.filter((text) => /^PREPARE hh_[0-9a-f]{24} AS /.test(text));
      if (sent.length !== 3) expect([1, 2]).toContain(prepares.length);
    }
    expect(sent).toHaveLength(3);
    expect(sent[0]).toMatch(/^BEGIN; .*INSERT INTO idempotency_key .*; EXECUTE hh_[0-9a-f]{24}\(/s);
    expect(sent[1]).toMatch(/^insert into "visit"/);
    expect(sent[2]).toMatch(/INSERT INTO audit_log .*; EXECUTE hh_[0-9a-f]{24}\(.*COMMIT;$/s);
    expect(await keyRows(key)).toBe(1);
    // A retry: the claim is lost with the same read, which stops there; the first visit answers.
    const retry = await messagesDuring(() => t.api.ok(RECORD_VISIT, { input: visitInput(w, findings, key) }));
    expect(retry.some((text) => /insert into "visit"/i.test(text))).toBe(false);
    expect(await visitsWith(findings)).toBe(1);
    expect(await auditRows(findings)).toBe(1);
  });

  it('makes one record of concurrent keyed creates whose first statement is a write, the claim alone before it', async () => {
    const key = randomUUID();
    const name = `幂等创建 ${key.slice(0, 8)}`;
    const create = () => t.m.run('createProgram', { name, region: '瓮安县', bureau: '瓮安县公安局', idempotencyKey: key });
    const sent = await messagesDuring(create);
    // The session's check may come first; the transaction begins with the claim, alone.
    expect(sent.find((text) => text.startsWith('BEGIN'))).toMatch(/^BEGIN; .*INSERT INTO idempotency_key [^;]*$/s);
    const calls = await Promise.all([create(), create(), create(), create()]);
    expect(calls.flatMap((call) => call.errors ?? [])).toEqual([]);
    expect(new Set(calls.map((call) => call.record.id)).size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM program WHERE name = $1', [name])).toBe(1);
    expect(await keyRows(key)).toBe(1);
  });
});
