import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test-support/database';
import { inOneSync } from './pipeline';
import { PREPARED_PER_CONNECTION, preparedInOneSync, preparedOn, statementName } from './prepared';

let db: TestDatabase;
let client: Client;

const SET = `SELECT set_config('pipeline.viewer', $1, true)`;
const READ = `SELECT coalesce(current_setting('pipeline.viewer', true), '') || ':' || $1::text AS data`;
const WRITE = `INSERT INTO pipeline_row (note) VALUES ($1) RETURNING note`;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.sql.query('CREATE TABLE pipeline_row (note text NOT NULL CHECK (note <> $$bad$$))');
  client = new Client({ connectionString: db.url });
  await client.connect();
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

/** The messages `client` sends while `work` runs: strings for simple queries, `submit` for the rest. */
async function messagesOf(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = client.query;
  client.query = function (this: Client, config: unknown, ...rest: unknown[]) {
    sent.push(typeof config === 'string' ? config : 'submit');
    return (original as (...args: unknown[]) => unknown).call(this, config, ...rest);
  } as typeof client.query;
  try {
    await work();
  } finally {
    client.query = original;
  }
  return sent;
}

describe('statements run in one round trip and one transaction', () => {
  it('see the settings of the statements before them, and leave none behind', async () => {
    await client.query(`PREPARE pipe_set AS ${SET}`);
    await client.query(`PREPARE pipe_read AS ${READ}`);
    const firsts = await inOneSync(client, [
      { name: 'pipe_set', values: ['park-7'] },
      { name: 'pipe_read', values: ['x'] },
    ]);
    expect(firsts).toEqual(['park-7', 'park-7:x']);
    // The Sync ended the transaction: the setting is gone for the connection's next statement.
    expect((await client.query(`SELECT coalesce(current_setting('pipeline.viewer', true), '') AS v`)).rows[0].v).toBe('');
    await client.query('DEALLOCATE ALL');
    preparedOn(client).clear();
  });

  it('roll back at the first error, fail with the database error, and leave the connection usable', async () => {
    await client.query(`PREPARE pipe_write AS ${WRITE}`);
    await expect(
      inOneSync(client, [
        { name: 'pipe_write', values: ['kept?'] },
        { name: 'pipe_write', values: ['bad'] },
      ]),
    ).rejects.toMatchObject({ code: '23514' });
    expect((await db.sql.query('SELECT count(*)::int AS n FROM pipeline_row')).rows[0].n).toBe(0);
    expect(await inOneSync(client, [{ name: 'pipe_write', values: ['good'] }])).toEqual(['good']);
    expect((await db.sql.query('SELECT note FROM pipeline_row')).rows).toEqual([{ note: 'good' }]);
    await client.query('DEALLOCATE ALL');
    preparedOn(client).clear();
  });

  it('give null for a statement that returns no row, and NULL parameters as NULL', async () => {
    await client.query(`PREPARE pipe_none AS SELECT $1::text AS v WHERE false`);
    await client.query(`PREPARE pipe_null AS SELECT ($1::text IS NULL)::text AS v`);
    expect(
      await inOneSync(client, [
        { name: 'pipe_none', values: ['a'] },
        { name: 'pipe_null', values: [null] },
      ]),
    ).toEqual([null, 'true']);
    await client.query('DEALLOCATE ALL');
    preparedOn(client).clear();
  });
});

describe('prepared statements run in one round trip', () => {
  const statements = [
    { sql: SET, values: ['unit-3'] },
    { sql: READ, values: ['y'] },
  ];

  it('are prepared once per connection, each in a message of its own, then only executed', async () => {
    const first = await messagesOf(async () => expect(await preparedInOneSync(client, statements)).toEqual(['unit-3', 'unit-3:y']));
    expect(first).toEqual([`PREPARE ${statementName(SET)} AS ${SET}`, `PREPARE ${statementName(READ)} AS ${READ}`, 'submit']);
    const second = await messagesOf(async () =>
      expect(await preparedInOneSync(client, [statements[0]!, { sql: READ, values: ['z'] }])).toEqual(['unit-3', 'unit-3:z']),
    );
    expect(second).toEqual(['submit']);
  });

  it('are prepared again when the connection lost them, and run once', async () => {
    await client.query('DEALLOCATE ALL');
    const sent = await messagesOf(async () => expect(await preparedInOneSync(client, statements)).toEqual(['unit-3', 'unit-3:y']));
    expect(sent).toEqual(['submit', `PREPARE ${statementName(SET)} AS ${SET}`, `PREPARE ${statementName(READ)} AS ${READ}`, 'submit']);
  });

  it('fail with the database error of a statement that does not prepare, and prepare nothing', async () => {
    const known = preparedOn(client).size;
    await expect(preparedInOneSync(client, [{ sql: 'SELECT no_such_column FROM pipeline_row', values: [] }])).rejects.toMatchObject({
      code: '42703',
    });
    expect(preparedOn(client).size).toBe(known);
  });

  it('let the least recently used go past the limit per connection', async () => {
    await client.query('DEALLOCATE ALL');
    preparedOn(client).clear();
    const nth = (i: number) => ({ sql: `SELECT ${i}::text AS data`, values: [] });
    for (let i = 0; i < PREPARED_PER_CONNECTION; i++) await preparedInOneSync(client, [nth(i)]);
    // The first is used again, so the second is now the least recently used.
    expect(await preparedInOneSync(client, [nth(0)])).toEqual(['0']);
    expect(await preparedInOneSync(client, [nth(PREPARED_PER_CONNECTION)])).toEqual([String(PREPARED_PER_CONNECTION)]);
    const held = (await client.query<{ name: string }>('SELECT name FROM pg_prepared_statements')).rows.map((row) => row.name);
    expect(held).toHaveLength(PREPARED_PER_CONNECTION);
    expect(held).toContain(statementName(nth(0).sql));
    expect(held).not.toContain(statementName(nth(1).sql));
    expect(new Set(held)).toEqual(preparedOn(client));
  });
});
