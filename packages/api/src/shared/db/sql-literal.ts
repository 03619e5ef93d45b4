/** A value a statement may carry written in as a literal. */
export type SqlValue = string | number | boolean | Date | null;

/** A statement with `?` placeholders and its values. */
export interface SqlStatement {
  sql: string;
  values: readonly SqlValue[];
  /** Told the rows the statement returned, once it has run (and, sent with COMMIT, once that committed). */
  returned?: (rows: Array<Record<string, unknown>>) => void;
  /**
   * Sent with a request's COMMIT, it runs as a statement prepared on the connection: its planning
   * costs more than running it (row-level security over several tables).
   */
  prepare?: boolean;
}

/**
 * A value as an SQL literal: `E'…'` escapes quotes and backslashes whatever
 * `standard_conforming_strings` says. For statements sent with the simple query protocol, which takes
 * several statements in one message but no parameters.
 */
export function literalOf(value: SqlValue): string {
  const text = parameterOf(value);
  if (text === null) return 'NULL';
  if (typeof value === 'number' || typeof value === 'boolean') return text;
  return `E'${text.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** A value as a parameter in text form, as the extended query protocol sends it: what `literalOf` writes, unquoted. */
export function parameterOf(value: SqlValue): string | null {
  if (value === null) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = value instanceof Date ? value.toISOString() : value;
  if (text.includes('\0')) throw new Error('a text value holds a NUL character');
  return text;
}

/** The statement with its `?` placeholders replaced by its values, in order (the statement itself holds no `?` in quotes). */
export function withLiterals({ sql, values }: SqlStatement): string {
  let next = 0;
  const text = sql.replace(/\?/g, () => {
    if (next >= values.length) throw new Error('more placeholders than values');
    return literalOf(values[next++]!);
  });
  if (next !== values.length) throw new Error('more values than placeholders');
  return text;
}

/** Where a mutation's last writes can wait for the request's COMMIT; null outside a request transaction on the primary. */
export interface CommitTail {
  push(statements: readonly SqlStatement[]): void;
  /**
   * True once, for the first mutation of a request whose operation is that one mutation: it may run
   * in the request's transaction without a savepoint, and must `abandon` it if it fails.
   */
  claimWhole(): boolean;
  /** The mutation failed: the request's transaction is rolled back, not committed. */
  abandon(): void;
  /**
   * For the mutation that `claimWhole` gave the transaction: `statement` goes out with the
   * transaction's next statement, in its message, when that is a read; else just before it, alone.
   */
  withNextStatement(statement: SqlStatement): SentAhead;
}

/**
 * A statement that goes out with the next one (`CommitTail.withNextStatement`). When `stops` returns
 * true for its rows, the next statement is not told its own result but fails, and when it is not a
 * read, is not sent: a read beside it changes nothing, so nothing the mutation did is in the database.
 */
export interface SentAhead {
  /** Its rows, once it has run. */
  readonly rows: Promise<Array<Record<string, unknown>>>;
  /** Whether it has gone out. */
  readonly sent: boolean;
  /** Stops the next statement for these rows; set before the next statement goes out. */
  stops?: (rows: Array<Record<string, unknown>>) => boolean;
  /** Not sent yet: sends it now, alone. */
  flush(): Promise<void>;
}
