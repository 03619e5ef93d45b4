import { donePrepare, numbered, onlyReads, PREPARED_PER_CONNECTION, preparedOn, asPrepared, statementName } from './prepared';
import type { PgConnection } from './next-statement';

const connection = (): PgConnection => ({ query: () => undefined });
const RAISE = { sql: 'INSERT INTO t (a, b) SELECT unnest(?::int[]), ? RETURNING a', values: ['{1,2}', "it's"] };

describe('statements prepared on a connection', () => {
  it('number their placeholders in order and are named by their text alone', () => {
    expect(numbered(RAISE.sql)).toBe('INSERT INTO t (a, b) SELECT unnest($1::int[]), $2 RETURNING a');
    expect(statementName(RAISE.sql)).toMatch(/^hh_[0-9a-f]{24}$/);
    expect(statementName(`${RAISE.sql} `)).not.toBe(statementName(RAISE.sql));
  });

  it('are prepared before their first use on a connection and only executed after, on that connection only', () => {
    const [one, two] = [connection(), connection()];
    const first = asPrepared(one, RAISE);
    const name = statementName(RAISE.sql);
    expect(first.prepare).toEqual({ name, sql: `PREPARE ${name} AS ${numbered(RAISE.sql)}` });
    expect(first.text).toBe(`EXECUTE ${name}(E'{1,2}', E'it''s')`);
    // Until its PREPARE has succeeded, it is asked for again.
    expect(asPrepared(one, RAISE).prepare).not.toBeNull();
    donePrepare(one, first.prepare!);
    expect(asPrepared(one, RAISE)).toEqual({ text: first.text, prepare: null });
    expect(asPrepared(two, RAISE).prepare).not.toBeNull();
  });

  it('go out with their values written in once a connection holds as many as it may', () => {
    const full = connection();
    for (let i = 0; i < PREPARED_PER_CONNECTION; i++) preparedOn(full).add(`hh_${i}`);
    expect(asPrepared(full, RAISE)).toEqual({
      text: "INSERT INTO t (a, b) SELECT unnest(E'{1,2}'::int[]), E'it''s' RETURNING a",
      prepare: null,
    });
  });

  it('count as reads beside a statement sent ahead only when their text is a SELECT', () => {
    expect(onlyReads('  select 1')).toBe(true);
    expect(onlyReads(asPrepared(connection(), RAISE).text)).toBe(false);
    expect(onlyReads('EXECUTE hh_0123456789abcdef01234567(1)')).toBe(false);
    expect(onlyReads('UPDATE t SET a = 1')).toBe(false);
  });
});
