import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PgConnection } from './next-statement';
import { inOneSync, type PreparedCall } from './pipeline';
import { literalOf, withLiterals, type SqlStatement, type SqlValue } from './sql-literal';

/**
 * Statements prepared on the pooled connections (SQL `PREPARE`), so that PostgreSQL plans them once
 * per connection, not at every use: the one-statement reads, and the statements of a write whose
 * planning costs more than running them (row-level security over several tables). One registry, so
 * that every use counts towards one limit per connection.
 */

/** Statements prepared on each connection, by name, oldest first. */
const prepared = new WeakMap<object, Set<string>>();
/** Prepared statements kept per connection. */
export const PREPARED_PER_CONNECTION = 200;

/** The names prepared on `connection` so far (the caller adds a name once its PREPARE succeeded). */
export function preparedOn(connection: object): Set<string> {
  let known = prepared.get(connection);
  if (!known) prepared.set(connection, (known = new Set()));
  return known;
}

const names = new Map<string, string>();

/** A statement's name: the same text, the same name, on every connection. */
export function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `hh_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    if (names.size < 10_000) names.set(sql, name);
  }
  return name;
}

/** `EXECUTE name(values)`: the values written in as literals, typed by the prepared statement. */
export function executeText(name: string, values: readonly SqlValue[]): string {
  return values.length ? `EXECUTE ${name}(${values.map(literalOf).join(', ')})` : `EXECUTE ${name}`;
}

/** The statement's `?` placeholders as `$1`, `$2`, … (it holds no `?` in quotes, as for `withLiterals`). */
export function numbered(sql: string): string {
  let next = 0;
  return sql.replace(/\?/g, () => `$${++next}`);
}

/** Names of prepared statements that only read (their text is a SELECT). */
const reads = new Set<string>();

/** Whether `text` only reads: a SELECT, or the EXECUTE of a prepared SELECT. */
export function onlyReads(text: string): boolean {
  if (/^\s*select\b/i.test(text)) return true;
  const name = /^\s*EXECUTE (hh_[0-9a-f]{24})\b/.exec(text)?.[1];
  return name !== undefined && reads.has(name);
}

/** The connection of each request transaction (its knex transactor), once the transaction has begun. */
const connections = new WeakMap<object, PgConnection>();

/** The transaction `trx` runs on `connection` (request-transaction.ts). */
export function noteConnection(trx: object, connection: PgConnection): void {
  connections.set(trx, connection);
}

/**
 * A read in `em`'s request transaction, as text to run there: `EXECUTE name(values)`, prepared on the
 * transaction's connection first when it is not yet (a message of its own, once per connection), or
 * the statement with its values written in outside a request transaction or when the connection
 * holds as many prepared statements as it may.
 */
export async function preparedRead(em: EntityManager, statement: SqlStatement): Promise<string> {
  if (!/^\s*select\b/i.test(statement.sql)) throw new Error('only a SELECT is prepared as a read');
  const trx = em.getTransactionContext<object>();
  const connection = trx ? connections.get(trx) : undefined;
  if (!connection) return withLiterals(statement);
  const { text, prepare } = asPrepared(connection, statement);
  if (prepare) {
    reads.add(prepare.name);
    // Prepared statements outlive the transaction whatever becomes of it.
    await em.execute(prepare.sql);
    donePrepare(connection, prepare);
  }
  return text;
}

/** A PREPARE to send on a connection before the message that executes it. */
export interface PendingPrepare {
  name: string;
  sql: string;
}

/**
 * A statement as text to run on `connection`: `EXECUTE name(values)`, with the PREPARE to send before
 * it when the connection does not hold it yet (`donePrepare` once that succeeded); the statement with
 * its values written in when the connection holds as many prepared statements as it may. A write
 * queued for a request's COMMIT goes so, its PREPARE in a message before that one.
 */
export function asPrepared(connection: PgConnection, statement: SqlStatement): { text: string; prepare: PendingPrepare | null } {
  const name = statementName(statement.sql);
  const known = preparedOn(connection);
  if (known.has(name)) return { text: executeText(name, statement.values), prepare: null };
  if (known.size >= PREPARED_PER_CONNECTION) return { text: withLiterals(statement), prepare: null };
  return { text: executeText(name, statement.values), prepare: { name, sql: `PREPARE ${name} AS ${numbered(statement.sql)}` } };
}

/** The PREPARE of `asPrepared` succeeded on `connection`. */
export function donePrepare(connection: PgConnection, prepare: PendingPrepare): void {
  preparedOn(connection).add(prepare.name);
}

/** pg's query on a connection, for the messages of `preparedInOneSync`. */
export interface QueryingConnection extends PgConnection {
  query(text: string): Promise<unknown>;
  query(config: unknown): unknown;
}

/**
 * Prepares `sql` on `connection` unless it is already (a message of its own, once per connection: if
 * it fails nothing is left behind, and once it succeeded the statement stays valid whatever happens
 * to an execution), and marks it as the most recently used: past the limit, the least recently used
 * is let go. Its name.
 */
async function preparedForRead(connection: QueryingConnection, sql: string): Promise<string> {
  const name = statementName(sql);
  const known = preparedOn(connection);
  if (known.delete(name)) {
    known.add(name);
    return name;
  }
  await connection.query(`PREPARE ${name} AS ${sql}`);
  known.add(name);
  if (known.size > PREPARED_PER_CONNECTION) {
    const oldest = known.values().next().value!;
    known.delete(oldest);
    await connection.query(`DEALLOCATE ${oldest}`);
  }
  return name;
}

/** SQLSTATE of an EXECUTE or Bind of a statement the connection does not hold. */
const NO_SUCH_STATEMENT = '26000';

/**
 * Statements (`$1`… placeholders) run on `connection` in one round trip and one transaction
 * (`inOneSync`), each prepared on the connection first if it is not yet. Should the connection have
 * lost its prepared statements (a `DISCARD ALL`, say), they are
 * prepared again and the statements run once more: nothing of the first try was committed.
 */
export async function preparedInOneSync(
  connection: QueryingConnection,
  statements: ReadonlyArray<{ sql: string; values: ReadonlyArray<string | null> }>,
): Promise<Array<string | null>> {
  for (let attempt = 1; ; attempt++) {
    const calls: PreparedCall[] = [];
    for (const { sql, values } of statements) calls.push({ name: await preparedForRead(connection, sql), values });
    try {
      return await inOneSync(connection, calls);
    } catch (error) {
      if (attempt > 1 || (error as { code?: unknown }).code !== NO_SUCH_STATEMENT) throw error;
      preparedOn(connection).clear();
    }
  }
}
