import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Context } from '../access/context';
import { restartRequest } from '../access/request-transaction';
import { UNAVAILABLE_MESSAGE_TEXT } from '../shared/db/availability';
import { fragmentsOf, NotPlanned, OneStatementPlanner } from '../shared/graphql/one-statement';
import { READ_SPECS } from '../reads';

/**
 * Answers a query with one SQL statement that builds the whole answer (shared/graphql/one-statement.ts),
 * in the request's transaction; null when the resolvers are to answer it: the operation is not one
 * the statement can answer, or its answer would carry an error.
 */
export async function answerInOneStatement(
  ctx: Context,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): Promise<GraphQLResponse | null> {
  if (operation.operation !== 'query' || !ctx.em.isInTransaction()) return null;
  if (ctx.report) ctx.report.plan = 'resolvers';
  let sql: string;
  let answer: (text: string) => Record<string, unknown> | null;
  try {
    const planner = new OneStatementPlanner(schema, READ_SPECS, ctx.em, ctx.viewer, fragmentsOf(document), operation, variables);
    ({ sql, answer } = await planner.plan(operation));
  } catch (error) {
    if (error instanceof NotPlanned) return null;
    throw error;
  }
  let data: Record<string, unknown> | null;
  try {
    const [row] = await ctx.em.execute<Array<{ data: string }>>(sql);
    data = answer(row!.data);
  } catch (error) {
    // The statement aborted the transaction: the resolvers answer in a new one (and meet the same
    // trouble, if it was the database's, with the error they give for it).
    console.error('[graphql] a one-statement read failed; the resolvers answer it', error instanceof Error ? error.message : error);
    try {
      await restartRequest(ctx, operation);
    } catch {
      return unavailable();
    }
    return null;
  }
  if (!data) return null;
  if (ctx.report) ctx.report.plan = 'one-statement';
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
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
