import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { mutationSuite } from '../../test-support/mutations';
import { buildWorld, type World } from '../../test-support/world';
import { idOf } from '../graphql/global-id';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { Visit, VisitActivity } from '../../activities/visits/visit.entity';

const t = mutationSuite();

/** Every `AsyncLocalStorage` run or entry in this process while `during` runs, by the first lines of its stack. */
async function storageRuns(during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const run = AsyncLocalStorage.prototype.run;
  const enterWith = AsyncLocalStorage.prototype.enterWith;
  const where = () => new Error().stack!.split('\n').slice(3, 6).join(' < ');
  AsyncLocalStorage.prototype.run = function (this: AsyncLocalStorage<unknown>, ...args: Parameters<typeof run>) {
    seen.push(where());
    return run.apply(this, args);
  } as typeof run;
  AsyncLocalStorage.prototype.enterWith = function (this: AsyncLocalStorage<unknown>, store: unknown) {
    seen.push(where());
    return enterWith.call(this, store);
  };
  try {
    await during();
  } finally {
    AsyncLocalStorage.prototype.run = run;
    AsyncLocalStorage.prototype.enterWith = enterWith;
  }
  return seen;
}

const visitInput = (w: World, findings: string) => ({
  officerId: w.officer2,
  enterpriseId: w.enterprise,
  visitedOn: '2025-06-05',
  activities: ['SAFETY_INSPECTION'],
  findings,
  idempotencyKey: randomUUID(),
});

describe('a server that never runs an AsyncLocalStorage (Node 20 then keeps its promise hooks off)', () => {
  it('sees a run where there is one: the probe can fail', async () => {
    const storage = new AsyncLocalStorage<number>();
    const runs = await storageRuns(async () => {
      await storage.run(1, async () => undefined);
    });
    expect(runs).toHaveLength(1);
  });

  it('signs in, writes, writes twice in one request, and reads, without one', async () => {
    const w = await buildWorld(t.m, 'assignments');
    await t.api.createUser({ username: 'no-async-context', role: 'SYSTEM_ADMIN' });
    const runs = await storageRuns(async () => {
      // Sign-in runs in a transaction of its own (em.transactional).
      const token = await t.api.signIn('no-async-context');
      const as = t.api.as({ token });
      const one = await as(`mutation ($input: RecordVisitInput!) { recordVisit(input: $input) { visit { id } } }`, {
        input: visitInput(w, '无异步上下文 1'),
      });
      expect(one.errors).toBeUndefined();
      // Two mutations in one request: each is a savepoint of the request's transaction (em.transactional, nested).
      const two = await as(
        `mutation ($a: RecordVisitInput!, $b: RecordVisitInput!) {
           a: recordVisit(input: $a) { visit { id findings } } b: recordVisit(input: $b) { visit { id findings } } }`,
        { a: visitInput(w, '无异步上下文 2'), b: visitInput(w, '无异步上下文 3') },
      );
      expect(two.errors).toBeUndefined();
      expect([two.data!.a.visit.findings, two.data!.b.visit.findings]).toEqual(['无异步上下文 2', '无异步上下文 3']);
      const read = await as(
        `query ($id: ID!) { node(id: $id) { ... on Enterprise { name zone { name } visits(first: 5) { nodes { findings officer { name } } } } } }`,
        { id: w.enterprise },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.node.visits.nodes.map((visit: { findings: string }) => visit.findings)).toEqual(
        expect.arrayContaining(['无异步上下文 1', '无异步上下文 2', '无异步上下文 3']),
      );
    });
    expect(runs).toEqual([]);
  });

  it('queues a flush given while another flush of the same unit of work runs, and recovers from a failed one', async () => {
    const w = await buildWorld(t.m, 'assignments');
    // As the owner: outside a request no viewer is set, and row-level security would refuse the API's login.
    const em = t.api.db.orm.em.fork();
    const officer = em.getReference(Officer, idOf(w.officer2, 'Officer', 'officerId'));
    const enterprise = em.getReference(Enterprise, idOf(w.enterprise, 'Enterprise', 'enterpriseId'));
    const visit = (findings: string) =>
      em.create(Visit, { officer, enterprise, visitedOn: '2025-06-06', activities: [VisitActivity.SAFETY_INSPECTION], findings });
    const first = visit('刷新 1');
    const flushing = em.flush();
    // Given while the first flush waits for the database: it runs after it and writes its own row.
    const second = visit('刷新 2');
    await Promise.all([flushing, em.flush()]);
    expect(typeof first.id).toBe('number');
    expect(typeof second.id).toBe('number');
    const stored = await t.api.db.sql.query(`SELECT findings FROM visit WHERE findings LIKE '刷新 %' ORDER BY findings`);
    expect(stored.rows).toEqual([{ findings: '刷新 1' }, { findings: '刷新 2' }]);
    // A flush the database refuses (no such officer) rejects, and the unit of work takes the next one.
    const refused = em.create(Visit, {
      officer: em.getReference(Officer, 999_999_999),
      enterprise,
      visitedOn: '2025-06-06',
      activities: [VisitActivity.SAFETY_INSPECTION],
      findings: '刷新 拒绝',
    });
    await expect(em.flush()).rejects.toThrow();
    em.remove(refused);
    em.clear();
    const third = em.create(Visit, {
      officer: em.getReference(Officer, idOf(w.officer2, 'Officer', 'officerId')),
      enterprise: em.getReference(Enterprise, idOf(w.enterprise, 'Enterprise', 'enterpriseId')),
      visitedOn: '2025-06-06',
      activities: [VisitActivity.SAFETY_INSPECTION],
      findings: '刷新 3',
    });
    await em.flush();
    expect(typeof third.id).toBe('number');
  });

  it('replaces what it was written for: MikroORM 6.6.16', () => {
    // The replacements repeat MikroORM's own steps; an upgrade must read them again.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require('@mikro-orm/core/package.json') as { version: string }).version).toBe('6.6.16');
  });
});
