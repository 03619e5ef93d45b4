import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { sendAhead, type PgConnection } from './next-statement';

let db: TestDatabase;
let client: Client;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('CREATE TABLE ahead_claim (key text PRIMARY KEY); CREATE TABLE ahead_row (note text NOT NULL)');
  client = new Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

beforeEach(async () => {
  await db.sql.query('TRUNCATE ahead_claim, ahead_row');
});

/** The messages `client` sends while `work` runs (counted below any hook on the client). */
const realQuery = Client.prototype.query;
let counting: string[] | null = null;
beforeAll(() => {
  Client.prototype.query = function (this: Client, config: unknown, ...rest: unknown[]) {
    if (this === client && counting) counting.push(typeof config === 'string' ? config : String((config as { text?: unknown }).text));
    return (realQuery as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof realQuery;
});
afterAll(() => {
  Client.prototype.query = realQuery;
});

async function messagesDuring(work: () => Promise<unknown>): Promise<string[]> {
  counting = [];
  try {
    await work();
    return counting;
  } finally {
    counting = null;
  }
}

const claim = (key: string) => `INSERT INTO ahead_claim VALUES ('${key}') ON CONFLICT DO NOTHING RETURNING key`;
/** As knex sends a statement: a config object and a callback. */
const viaKnex = (config: { text: string; values?: unknown[] }) =>
  new Promise<{ rows: Array<Record<string, unknown>> }>((resolve, reject) =>
    (client as unknown as PgConnection).query(config, (error, response) =>
      error ? reject(error) : resolve(response as { rows: Array<Record<string, unknown>> }),
    ),
  );
const notes = async () => (await db.sql.query('SELECT note FROM ahead_row ORDER BY note')).rows.map((row) => row.note);

describe('a statement sent ahead of the next one', () => {
  it('goes out in the message of a plain read, which answers with its own rows', async () => {
    const ahead = sendAhead(client as unknown as PgConnection, claim('a'));
    ahead.stops = (rows) => rows.length === 0;
    const sent = await messagesDuring(async () => {
      expect((await viaKnex({ text: 'SELECT 41 + 1 AS answer' })).rows).toEqual([{ answer: 42 }]);
    });
    expect(sent).toEqual([`${claim('a')}; SELECT 41 + 1 AS answer`]);
    expect(ahead.sent).toBe(true);
    expect(await ahead.rows).toEqual([{ key: 'a' }]);
    // The connection's own `query` is back: the next statement goes alone.
    expect(await messagesDuring(() => viaKnex({ text: 'SELECT 1' }))).toEqual(['SELECT 1']);
  });

  it('stops the read beside it when its rows say so', async () => {
    await db.sql.query(`INSERT INTO ahead_claim VALUES ('b')`);
    const ahead = sendAhead(client as unknown as PgConnection, claim('b'));
    ahead.stops = (rows) => rows.length === 0;
    await expect(viaKnex({ text: 'SELECT 1' })).rejects.toThrow('a statement sent ahead stopped this one');
    expect(await ahead.rows).toEqual([]);
  });

  it('goes alone before a write, and a write it stops is never sent', async () => {
    const won = sendAhead(client as unknown as PgConnection, claim('c'));
    won.stops = (rows) => rows.length === 0;
    const sent = await messagesDuring(() => viaKnex({ text: `INSERT INTO ahead_row VALUES ('first')` }));
    expect(sent).toEqual([claim('c'), `INSERT INTO ahead_row VALUES ('first')`]);

    const lost = sendAhead(client as unknown as PgConnection, claim('c'));
    lost.stops = (rows) => rows.length === 0;
    await expect(viaKnex({ text: `INSERT INTO ahead_row VALUES ('second')` })).rejects.toThrow('stopped');
    expect(await notes()).toEqual(['first']);
  });

  it('stops a statement with parameters too, and waits for its rows before a promise-style one', async () => {
    await db.sql.query(`INSERT INTO ahead_claim VALUES ('d')`);
    const lost = sendAhead(client as unknown as PgConnection, claim('d'));
    lost.stops = (rows) => rows.length === 0;
    await expect(viaKnex({ text: 'INSERT INTO ahead_row VALUES ($1)', values: ['with a parameter'] })).rejects.toThrow('stopped');

    const won = sendAhead(client as unknown as PgConnection, claim('e'));
    won.stops = (rows) => rows.length === 0;
    await client.query(`INSERT INTO ahead_row VALUES ('promised')`);
    expect(await won.rows).toEqual([{ key: 'e' }]);
    expect(await notes()).toEqual(['promised']);
  });

  it('goes out alone when flushed before any statement, and only once', async () => {
    const ahead = sendAhead(client as unknown as PgConnection, claim('f'));
    const sent = await messagesDuring(async () => {
      await ahead.flush();
      await ahead.flush();
    });
    expect(sent).toEqual([claim('f')]);
    expect(await ahead.rows).toEqual([{ key: 'f' }]);
    expect(await messagesDuring(() => viaKnex({ text: 'SELECT 2' }))).toEqual(['SELECT 2']);
  });
});
