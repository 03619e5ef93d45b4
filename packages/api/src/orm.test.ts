import { createTestDatabase, type TestDatabase } from './test-support/database';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db.drop();
});

describe('the API’s database sessions', () => {
  it('run without JIT compilation, which stalls the statistics for seconds on servers that have it on', async () => {
    const em = db.orm.em.fork();
    expect(await em.execute('SHOW jit')).toEqual([{ jit: 'off' }]);
    // Also inside a transaction, where the engine's statements and the mutations run.
    expect(await em.transactional((tx) => tx.execute('SHOW jit'))).toEqual([{ jit: 'off' }]);
  });

  it('cancel a statement that runs longer than 15 seconds', async () => {
    expect(await db.orm.em.fork().execute('SHOW statement_timeout')).toEqual([{ statement_timeout: '15s' }]);
  });
});
