type Callback = (error: Error | null, response?: unknown) => void;
type Query = (config: unknown, values?: unknown, callback?: unknown) => unknown;

/** What this needs of a pg client. */
export interface QueueingClient {
  query: Query;
  on(event: 'drain' | 'error' | 'end', listener: () => void): unknown;
}

/** A statement object that pg runs itself (a cursor, a stream, `inOneSync`'s): handed back at once. */
interface Submittable {
  submit(connection: unknown): unknown;
  handleError?(error: Error, connection?: unknown): void;
}

const isSubmittable = (config: unknown): config is Submittable =>
  typeof config === 'object' && config !== null && typeof (config as Submittable).submit === 'function';

/**
 * Statements given to `client` go to pg one at a time, in the order given: the next only once the
 * connection is ready again (pg's 'drain'). A request's resolvers send theirs all at once on the one
 * connection of its transaction (each sibling field's DataLoader batch, say); pg 8 queues a statement
 * given while another runs, warns that it will stop doing so, and pg 9 leaves that to the caller.
 * The answers are pg's own: a statement given while the connection is busy gets a promise, its
 * callback, or its statement object back, as from pg. Once the connection fails or ends, statements
 * go straight to pg, which refuses them.
 */
export function oneQueryAtATime(client: QueueingClient): void {
  // pg's own `query`, looked up on each call: a hook on Client.prototype (a test's) still sees every statement.
  const before = Object.prototype.hasOwnProperty.call(client, 'query') ? client.query : null;
  const own: Query = (...args) => (before ?? (Object.getPrototypeOf(client) as QueueingClient).query).apply(client, args);
  const waiting: Array<() => void> = [];
  let busy = false;
  let gone = false;

  const next = () => {
    const run = waiting.shift();
    if (run) run();
    else busy = false;
  };
  /** Hands `config` to pg; if pg throws, the caller hears of it, and the next statement goes. */
  const send = (config: unknown, values: unknown, callback: Callback | undefined): unknown => {
    try {
      return own(config, values, callback);
    } catch (error) {
      queueMicrotask(next);
      throw error;
    }
  };
  /** Queues `config`; `failed` hears of it if pg throws when it is handed over. */
  const later = (config: unknown, values: unknown, callback: Callback | undefined, failed: (error: Error) => void) =>
    waiting.push(() => {
      try {
        send(config, values, callback);
      } catch (error) {
        failed(error as Error);
      }
    });
  const goneNow = () => {
    gone = true;
    busy = false;
    for (const run of waiting.splice(0)) run();
  };

  client.on('drain', next);
  client.on('error', goneNow);
  client.on('end', goneNow);
  client.query = function query(config: unknown, values?: unknown, callback?: unknown) {
    if (gone) return own(config, values, callback);
    const done = (typeof values === 'function' ? values : callback) as Callback | undefined;
    const params = typeof values === 'function' ? undefined : values;
    if (!busy) {
      busy = true;
      return send(config, params, done);
    }
    if (isSubmittable(config)) {
      later(config, params, done, (error) => config.handleError?.(error));
      return config;
    }
    if (done) {
      later(config, params, done, done);
      return undefined;
    }
    return new Promise((resolve, reject) =>
      later(config, params, (error, response) => (error ? reject(error) : resolve(response)), reject),
    );
  };
}

/** What every connection of the ORM's pools gets when knex opens it: its statements go to pg one at a time. */
export const POOL_HOOKS = {
  afterCreate(connection: QueueingClient, done: (error: Error | null, connection: QueueingClient) => void): void {
    oneQueryAtATime(connection);
    done(null, connection);
  },
};
