import type { PgConnection } from './next-statement';

/** A statement prepared on the connection, and its parameters in text form (null is NULL). */
export interface PreparedCall {
  name: string;
  values: ReadonlyArray<string | null>;
}

/** The part of pg's protocol connection that a submitted query writes to. */
interface ProtocolWriter {
  stream: { cork?(): void; uncork?(): void };
  bind(config: { statement: string; values: ReadonlyArray<string | null> }): void;
  execute(config: { portal: string; rows: number }): void;
  sync(): void;
  sendCopyFail(message: string): void;
}

/**
 * Prepared statements executed one after another with the extended query protocol and one Sync at
 * the end: one round trip, and one implicit transaction that commits at the Sync or rolls back at
 * the first error, so a `set_config(…, true)` of one statement holds for the next ones and for
 * nothing after them. pg's own queries take one statement each; this is a query object of the kind
 * it accepts for cursors (`submit` and the `handle…` callbacks).
 */
class OneSync {
  /** Set by pg's `query`, which wraps it in its read timeout when one is configured. */
  callback?: (error: Error | null, firsts?: Array<string | null>) => void;
  private readonly firsts: Array<string | null>;
  private readonly rowSeen: boolean[];
  private completed = 0;
  private failed = false;

  constructor(private readonly calls: readonly PreparedCall[]) {
    this.firsts = calls.map(() => null);
    this.rowSeen = calls.map(() => false);
  }

  submit(connection: ProtocolWriter): null {
    connection.stream.cork?.();
    try {
      for (const call of this.calls) {
        connection.bind({ statement: call.name, values: call.values });
        connection.execute({ portal: '', rows: 0 });
      }
      connection.sync();
    } finally {
      connection.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(): void {}

  handleDataRow(message: { fields: Array<string | null> }): void {
    if (this.rowSeen[this.completed] === false) {
      this.rowSeen[this.completed] = true;
      this.firsts[this.completed] = message.fields[0] ?? null;
    }
  }

  handleCommandComplete(): void {
    this.completed++;
  }

  handleEmptyQuery(): void {
    this.completed++;
  }

  handlePortalSuspended(): void {}

  handleCopyInResponse(connection: ProtocolWriter): void {
    connection.sendCopyFail('COPY is not taken here');
  }

  handleCopyData(): void {}

  /** The first error settles it; the backend then skips to the Sync and says it is ready again. */
  handleError(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    this.callback?.(error);
  }

  handleReadyForQuery(): void {
    if (!this.failed) this.callback?.(null, this.firsts);
  }
}

/**
 * Runs `calls` on `connection` in one round trip and one transaction (see OneSync): the first column
 * of each statement's first row, in text form (null when it returned no row).
 */
export function inOneSync(connection: PgConnection, calls: readonly PreparedCall[]): Promise<Array<string | null>> {
  return new Promise((resolve, reject) => {
    const query = new OneSync(calls);
    query.callback = (error, firsts) => (error ? reject(error) : resolve(firsts!));
    connection.query(query);
  });
}
