import type { SentAhead } from './sql-literal';
import { onlyReads } from './prepared';

/**
 * Statements that ride with a connection's next statement, in its message: a request transaction's
 * BEGIN and row grants, and a mutation's idempotency claim (request-transaction.ts). Both work on
 * the pg client knex holds, through its `query`.
 */

/** What these need of a pg client: its `query` as knex calls it. */
export interface PgConnection {
  query(config: unknown, callback?: (error: Error | null, response: unknown) => void): unknown;
}

/**
 * `BEGIN` and the grants go out with the transaction's first statement, in its message, not in a
 * round trip of their own: the connection's next `query` is sent as `prefix; statement` (the simple
 * query protocol takes several) and answers with the statement's own result, the `count` results of
 * `prefix` taken off. A statement with parameters (the extended protocol takes one) or a stream gets
 * the prefix sent just before it. A transaction always ends with a statement (COMMIT or ROLLBACK),
 * so the prefix always goes out, and the connection's own `query` is back after it.
 */
export function sendBeforeNextStatement(connection: PgConnection, prefix: string, count: number): void {
  onNextQuery(connection, (original, config, callback) => {
    const plain = config as { text?: unknown; values?: unknown[] } | null;
    if (typeof callback === 'function' && plain && typeof plain.text === 'string' && !plain.values?.length) {
      return original.call(connection, { ...plain, text: `${prefix}; ${plain.text}` }, (error, response) => {
        if (error) return callback(error, response);
        const results = response as unknown[];
        const own = results.slice(count);
        callback(null, own.length === 1 ? own[0] : own);
      });
    }
    // pg sends its queries in order: the prefix first, then this one. The prefix fails only when
    // the connection does, and the statement after it with it.
    original.call(connection, prefix, (error) => {
      if (error) console.error(`[db] could not begin a request's transaction: ${error.message}`);
    });
    return original.call(connection, config, callback);
  });
}

type Rows = Array<Record<string, unknown>>;
type Callback = (error: Error | null, response: unknown) => void;
type Query = PgConnection['query'];

/**
 * The connection's next `query`, and only that one, goes to `next` with the connection's own
 * `query`, which is back in its place by then. Answers a function that puts it back before any
 * call, and tells whether it did.
 */
function onNextQuery(connection: PgConnection, next: (original: Query, config: unknown, callback?: Callback) => unknown): () => boolean {
  const original = connection.query;
  const ownBefore = Object.prototype.hasOwnProperty.call(connection, 'query');
  let waiting = true;
  const restore = () => {
    if (!waiting) return false;
    waiting = false;
    if (ownBefore) connection.query = original;
    else delete (connection as Partial<PgConnection>).query;
    return true;
  };
  connection.query = function query(config: unknown, callback?: Callback) {
    restore();
    return next(original, config, callback);
  } as Query;
  return restore;
}

/**
 * `text` goes out with the connection's next statement when that is a read (a SELECT, or a prepared one's EXECUTE), in one
 * message, and the read answers with its own result; before any other statement it goes out alone,
 * and that statement only once its rows are in and do not stop it (`SentAhead.stops`).
 */
export function sendAhead(connection: PgConnection, text: string): SentAhead {
  let settle!: (rows: Rows) => void;
  let fail!: (error: unknown) => void;
  const rows = new Promise<Rows>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  // Whoever waits for the next statement hears of a failure too.
  rows.catch(() => undefined);
  const original = connection.query;
  let sent = false;
  const stopped = () => new Error('a statement sent ahead stopped this one');
  const ahead: SentAhead = {
    rows,
    get sent() {
      return sent;
    },
    flush: async () => {
      if (!restore()) return;
      sent = true;
      await new Promise<void>((resolve) =>
        original.call(connection, { text }, (error, response) => {
          if (error) fail(error);
          else settle((response as { rows: Rows }).rows);
          resolve();
        }),
      );
    },
  };
  /** The statement sent ahead and `config` after it: in one message when `config` is a plain read. */
  const sendWith = (config: { text?: unknown; values?: unknown[] }, callback: Callback): unknown => {
    if (typeof config.text === 'string' && !config.values?.length && onlyReads(config.text)) {
      return original.call(connection, { ...config, text: `${text}; ${config.text}` }, (error, response) => {
        if (error) {
          fail(error);
          return callback(error, response);
        }
        const [first, ...own] = response as Array<{ rows: Rows }>;
        settle(first!.rows);
        if (ahead.stops?.(first!.rows)) return callback(stopped(), undefined);
        callback(null, own.length === 1 ? own[0] : own);
      });
    }
    return original.call(connection, { text }, (error, response) => {
      if (error) {
        fail(error);
        return callback(error, response);
      }
      const aheadRows = (response as { rows: Rows }).rows;
      settle(aheadRows);
      if (ahead.stops?.(aheadRows)) return callback(stopped(), undefined);
      connection.query(config, callback);
    });
  };
  const restore = onNextQuery(connection, (_original, config, callback) => {
    const plain = (typeof config === 'string' ? { text: config } : config) as {
      text?: unknown;
      values?: unknown[];
      submit?: unknown;
    } | null;
    if (!plain || typeof plain.submit === 'function') {
      // A stream is handed back at once and cannot wait for the statement sent ahead: mutations do not stream.
      fail(new Error('never sent'));
      throw new Error('only a statement can follow a statement sent ahead');
    }
    sent = true;
    if (typeof callback === 'function') return sendWith(plain, callback);
    return new Promise((resolve, reject) => sendWith(plain, (error, response) => (error ? reject(error) : resolve(response))));
  });
  return ahead;
}
