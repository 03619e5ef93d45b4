import { mutationSuite } from '../test-support/mutations';
import { statementsDuring as statementsSent } from '../test-support/api';
import { buildWorld, type World } from '../test-support/world';
import { startServer } from '../server';

const t = mutationSuite();
const ORIGIN = 'https://www.wengan.gov.cn';
const FIGURES = `query ($scope: ID!) { serviceStatistics(scope: $scope, period: { year: 2025 }) { figures { key value { value } } } }`;

/** How many statements the server sends to PostgreSQL while `work` runs. */
const statementsDuring = async (work: () => Promise<unknown>) => (await statementsSent(t.api, work)).length;

async function publicRead(key: string, scope: string, headers: Record<string, string> = {}, server = t.api.server.url) {
  const response = await fetch(`${server}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-huhang-key': key, origin: ORIGIN, ...headers },
    body: JSON.stringify({ query: FIGURES, variables: { scope } }),
  });
  const text = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), cacheControl: response.headers.get('cache-control'), text };
}

function figure(text: string, key: string): number {
  const answer = JSON.parse(text) as { data: { serviceStatistics: { figures: Array<{ key: string; value: { value: number } }> } } };
  return answer.data.serviceStatistics.figures.find((shown) => shown.key === key)!.value.value;
}

const engagements = (text: string) => figure(text, 'engagements.FORUM');

async function worldWithKey(): Promise<{ w: World; key: string }> {
  const w = await buildWorld(t.m, 'enterprises');
  const made = await t.api.ok(`mutation ($input: CreateEmbedKeyInput!) { createEmbedKey(input: $input) { key } }`, {
    input: { name: '门户', scope: w.park, allowedOrigins: [ORIGIN] },
  });
  return { w, key: made.createEmbedKey.key };
}

const forum = (w: World, title: string) => ({ parkId: w.park, type: 'FORUM', title, heldOn: '2025-06-10', enterpriseIds: [w.enterprise] });

describe('the public answer cache', () => {
  it('answers a repeated public read without a statement, with an ETag and 304 on revalidation', async () => {
    const { w, key } = await worldWithKey();
    await t.m.ok('recordEngagement', forum(w, '座谈会'));
    let first!: Awaited<ReturnType<typeof publicRead>>;
    expect(await statementsDuring(async () => (first = await publicRead(key, w.park)))).toBeGreaterThan(0);
    expect(first.status).toBe(200);
    expect(engagements(first.text)).toBe(1);
    expect(first.cacheControl).toBe('public, no-cache');

    let second!: Awaited<ReturnType<typeof publicRead>>;
    expect(await statementsDuring(async () => (second = await publicRead(key, w.park)))).toBe(0);
    expect(second.text).toBe(first.text);
    expect(second.etag).toBe(first.etag);

    let revalidated!: Awaited<ReturnType<typeof publicRead>>;
    expect(await statementsDuring(async () => (revalidated = await publicRead(key, w.park, { 'if-none-match': first.etag! })))).toBe(0);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('shows a committed write at the next read, never an answer older than it', async () => {
    const { w, key } = await worldWithKey();
    expect(engagements((await publicRead(key, w.park)).text)).toBe(0);
    expect(engagements((await publicRead(key, w.park)).text)).toBe(0);
    await t.m.ok('recordEngagement', forum(w, '座谈会'));
    const after = await publicRead(key, w.park);
    expect(engagements(after.text)).toBe(1);
    // The notice of that commit reaches this process too, a moment later: it names a version already known.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await statementsDuring(() => publicRead(key, w.park))).toBe(0);
    // A refused write changes nothing, and the answer stays cached.
    await t.m.refuse('recordEngagement', { ...forum(w, ''), title: '' });
    expect(await statementsDuring(() => publicRead(key, w.park))).toBe(0);
  });

  it('shows a recorded visit at the next read: a visit raises the version of its enterprise’s program', async () => {
    const { w, key } = await worldWithKey();
    expect(figure((await publicRead(key, w.park)).text, 'visits')).toBe(0);
    expect(await statementsDuring(() => publicRead(key, w.park))).toBe(0);
    await t.m.ok('recordVisit', {
      officerId: w.officer,
      enterpriseId: w.enterprise,
      visitedOn: '2025-09-03',
      activities: ['SAFETY_INSPECTION'],
    });
    expect(figure((await publicRead(key, w.park)).text, 'visits')).toBe(1);
  });

  it('drops its answers when another server process writes to the program, at the next read', async () => {
    const { w, key } = await worldWithKey();
    // A second server on the same database, with caches, data versions and listeners of its own, as
    // a second process would have.
    const other = await startServer({ orm: t.api.orm, port: 0, twoFactorRoles: [] });
    try {
      expect(engagements((await publicRead(key, w.park, {}, other.url)).text)).toBe(0);
      const cached = await publicRead(key, w.park, {}, other.url);
      expect(engagements(cached.text)).toBe(0);
      // Written through the first server: the second hears of it from the database.
      await t.m.ok('recordEngagement', forum(w, '另一进程的座谈会'));
      let seen = 0;
      for (let i = 0; i < 50 && seen === 0; i++) {
        seen = engagements((await publicRead(key, w.park, {}, other.url)).text);
        if (seen === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(seen).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('keeps a program’s answers when another program is written to', async () => {
    const { w, key } = await worldWithKey();
    await publicRead(key, w.park);
    const other = await buildWorld(t.m, 'enterprises');
    await t.m.ok('recordEngagement', forum(other, '其他机制的座谈会'));
    expect(await statementsDuring(() => publicRead(key, w.park))).toBe(0);
  });

  it('never keeps an answer with errors, nor a signed-in user’s', async () => {
    const { w, key } = await worldWithKey();
    const bad = async () =>
      fetch(`${t.api.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-huhang-key': key, origin: ORIGIN },
        body: JSON.stringify({ query: FIGURES, variables: { scope: w.enterprise } }),
      });
    expect(((await (await bad()).json()) as { errors?: unknown }).errors).toBeDefined();
    expect(await statementsDuring(bad)).toBeGreaterThan(0);
    await t.api.ok(FIGURES, { scope: w.park });
    expect(await statementsDuring(() => t.api.ok(FIGURES, { scope: w.park }))).toBeGreaterThan(0);
  });
});
