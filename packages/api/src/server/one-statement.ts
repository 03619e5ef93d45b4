import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Context } from '../access/context';
import { beginRequest, restartRequest } from '../access/request-transaction';
import { rowGrantsOf, rowGrantsStatement } from '../access/row-security';
import { UNAVAILABLE_MESSAGE_TEXT } from '../shared/db/availability';
import { fragmentsOf, NotPlanned, OneStatementPlanner, type PlannedRead } from '../shared/graphql/one-statement';
import { READ_SPECS } from '../reads';

/** The statement planned for a request's query, until it is answered. */
const planned = new WeakMap<Context, PlannedRead>();

/**
 * Plans a query as one SQL statement that builds the whole answer (shared/graphql/one-statement.ts).
 * True when that statement will bring its own transaction: on the primary it goes out in one message
 * with the viewer's row grants (`SELECT set_config(…); SELECT …`, which PostgreSQL runs as one
 * transaction), one round trip for the whole request. On a read replica it runs in the request's
 * transaction, which `beginRequest` opens there.
 */
export async function planInOneStatement(
  ctx: Context,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Promise<boolean> {
  if (operation.operation !== 'query' || ctx.em.isInTransaction()) return false;
  if (ctx.report) ctx.report.plan = 'resolvers';
  try {
    const planner = new OneStatementPlanner(schema, READ_SPECS, ctx.em, ctx.viewer, fragmentsOf(document), operation, variables);
    planned.set(ctx, await planner.plan(operation));
  } catch (error) {
    if (!(error instanceof NotPlanned)) console.error('[graphql] a query could not be planned as one statement', error);
    return false;
  }
  const replicaMayAnswer = ctx.viewer.kind !== 'KEY' && ctx.replicaReads?.usable;
  return !replicaMayAnswer;
}

/**
 * The answer of a planned query; null when the resolvers are to answer it after all (its answer
 * would carry an error, or the statement failed), in a transaction begun for them.
 */
export async function answerPlanned(ctx: Context, operation: OperationDefinitionNode): Promise<GraphQLResponse | null> {
  const plan = planned.get(ctx);
  if (!plan) return null;
  planned.delete(ctx);
  const inTransaction = ctx.em.isInTransaction();
  let data: Record<string, unknown> | null;
  try {
    const text = inTransaction
      ? (await ctx.em.execute<Array<{ data: string }>>(plan.sql))[0]!.data
      : await inOneMessage(ctx.em, `${rowGrantsStatement(rowGrantsOf(ctx.viewer))}; ${plan.sql}`);
    data = plan.answer(text);
  } catch (error) {
    // The resolvers answer in a transaction of their own (and meet the same trouble, if it was the
    // database's, with the error they give for it).
    console.error('[graphql] a one-statement read failed; the resolvers answer it', error instanceof Error ? error.message : error);
    data = null;
  }
  if (!data) {
    try {
      if (inTransaction) await restartRequest(ctx, operation);
      else await beginRequest(ctx, operation);
    } catch {
      return unavailable();
    }
    return null;
  }
  if (ctx.report) {
    ctx.report.plan = 'one-statement';
    ctx.report.database ??= 'primary';
  }
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
}

/**
 * The value of the last statement of `text`, sent as one simple-protocol message on a connection of
 * the primary's pool: several statements in one message are one transaction, which commits after
 * the last or rolls back at the first error, so the connection goes back to the pool clean.
 */
async function inOneMessage(em: EntityManager, text: string): Promise<string> {
  const client = em.getConnection('write').getKnex().client as unknown as {
    acquireConnection(): Promise<{ query(text: string): Promise<unknown> }>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const results = (await connection.query(text)) as Array<{ rows: Array<{ data: string }> }>;
    return results[results.length - 1]!.rows[0]!.data;
  } finally {
    await client.releaseConnection(connection);
  }
}

function unavailable(): GraphQLResponse {
  return {
    http: { status: undefined, headers: new HeaderMap() },
    body: {
      kind: 'single',
      singleResult: { data: null, errors: [{ message: UNAVAILABLE_MESSAGE_TEXT, extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
    },
  };
}
