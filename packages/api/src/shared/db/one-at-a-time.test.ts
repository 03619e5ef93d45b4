import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { mutationSuite } from '../../test-support/mutations';
import { buildWorld } from '../../test-support/world';
import { oneQueryAtATime, type QueueingClient } from './one-at-a-time';
import { inOneSync } from './pipeline';

/**
 * Statements given to pg while its connection was still busy with another (pg 8 queues them and
 * warns; pg 9 will not queue them): counted below any hook on a client.
 */
const realQuery = Client.prototype.query;
let givenWhileBusy = 0;
beforeAll(() => {
  Client.prototype.query = function (this: Client & { readyForQuery?: boolean }, ...args: unknown[]) {
    if (this.readyForQuery === false) givenWhileBusy++;
    return (realQuery as (...args: unknown[]) => unknown).apply(this, args);
  } as typeof realQuery;
});
afterAll(() => {
  Client.prototype.query = realQuery;
});

describe('a connection that takes its statements one at a time', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function connected(queued: boolean): Promise<Client> {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    if (queued) oneQueryAtATime(client as unknown as QueueingClient);
    await client.query('CREATE TEMPORARY SEQUENCE given');
    return client;
  }

  /** Statements in every form pg takes, all given at once: promise, callback, values and callback, a statement object, one that fails. */
  function allAtOnce(client: Client): Array<Promise<unknown>> {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const viaCallback = (...args: unknown[]) =>
      new Promise((resolve, reject) =>
        query(...args, (error: Error | null, result: { rows: Array<{ n: string }> }) =>
          error ? reject(error) : resolve(result.rows[0]!.n),
        ),
      );
    const viaPromise = async (text: string) => ((await query(text)) as { rows: Array<{ n: string }> }).rows[0]!.n;
    return [
      viaPromise(`SELECT nextval('given')::text AS n, pg_sleep(0.3)`),
      viaCallback(`SELECT nextval('given')::text AS n`),
      viaCallback(`SELECT nextval('given')::text || $1 AS n`, ['b']),
      viaPromise(`SELECT nextval('given')::text AS n, 1 / 0`),
      inOneSync(client, [{ name: 'next_given', values: ['s'] }]),
      viaPromise(`SELECT nextval('given')::text AS n`),
    ];
  }

  it('sends each only once the one before has answered, in the order given, each answered as pg answers it', async () => {
    const client = await connected(true);
    try {
      await client.query(`PREPARE next_given (text) AS SELECT nextval('given')::text || $1`);
      givenWhileBusy = 0;
      const settled = await Promise.allSettled(allAtOnce(client));
      expect(
        settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as { code?: string }).code)),
      ).toEqual([
        '1',
        '2',
        '3b',
        // Division by zero is found while planning, before nextval is called.
        '22012',
        ['4s'],
        '5',
      ]);
      expect(givenWhileBusy).toBe(0);
    } finally {
      await client.end();
    }
  });

  it('is what keeps pg from being given statements while busy', async () => {
    const client = await connected(false);
    try {
      await client.query(`PREPARE next_given (text) AS SELECT nextval('given')::text || $1`);
      givenWhileBusy = 0;
      // pg's warning about it is for the code under test, not for this control.
      process.noDeprecation = true;
      await Promise.allSettled(allAtOnce(client));
      expect(givenWhileBusy).toBe(5);
    } finally {
      process.noDeprecation = false;
      await client.end();
    }
  });

  it('refuses what waits when the connection is lost, and leaves nothing hanging', async () => {
    const client = await connected(true);
    client.on('error', () => undefined);
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const waiting = allAtOnce(client);
    await db.sql.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    const settled = await Promise.allSettled(waiting);
    expect(settled.map((outcome) => outcome.status)).toEqual(Array(6).fill('rejected'));
    await expect(client.query('SELECT 1')).rejects.toThrow();
  });
});

describe('a request whose resolvers read at once', () => {
  const t = mutationSuite();

  it('gives its transaction’s connection one statement at a time', async () => {
    const w = await buildWorld(t.m, 'assignments');
    givenWhileBusy = 0;
    const visit = await t.m.ok(
      'recordVisit',
      { officerId: w.officer2, enterpriseId: w.enterprise, visitedOn: '2025-06-03', activities: ['SAFETY_INSPECTION'] },
      'officer { name unit { name } } enterprise { name zone { name } park { name } liaisonOfficer { name } }',
    );
    expect(visit).toMatchObject({
      officer: { name: '李华', unit: { name: expect.any(String) } },
      enterprise: { zone: { name: expect.any(String) } },
    });
    const { data } = await t.api.gql(
      `query ($id: ID!) { node(id: $id) { ... on Enterprise { name zone { name } park { name } liaisonOfficer { name unit { name } }
         visits(first: 5) { nodes { officer { name } } } } } }`,
      { id: w.enterprise },
    );
    expect(data.node.visits.nodes).toEqual([{ officer: { name: '李华' } }]);
    expect(givenWhileBusy).toBe(0);
  });
});
