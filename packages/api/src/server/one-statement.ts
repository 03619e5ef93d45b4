import { HeaderMap, type GraphQLResponse } from '@apollo/server';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import type { Context } from '../access/context';
import type { Viewer } from '../access/viewer';
import { beginRequest, restartRequest } from '../access/request-transaction';
import { ROW_GRANTS_SQL, rowGrantValues, rowGrantsOf, type RowGrants } from '../access/row-security';
import { UNAVAILABLE_MESSAGE_TEXT } from '../shared/db/availability';
import { literalOf, parameterOf } from '../shared/db/sql-literal';
import { preparedInOneSync, type QueryingConnection } from '../shared/db/prepared';
import { fragmentsOf, NotPlanned, OneStatementPlanner, type PlannedRead } from '../shared/graphql/one-statement';
import { READ_SPECS } from '../reads';

/** The statement planned for a request's query, until it is answered. */
const planned = new WeakMap<Context, PlannedRead & { keep?: false }>();

/**
 * Plans made, by query, variables and the viewer's grants (which decide the read scope and the
 * fields allowed), and null for queries the resolvers answer: the same three give the same statement
 * and values, unless a filter reads the clock. The planner reads no data, so a plan never goes stale.
 */
const plans = new Map<string, (PlannedRead & { keep?: false }) | null>();
const PLANS_KEPT = 1000;

/** Viewer keys by grants: a viewer kept between requests is keyed once. */
const viewerKeys = new WeakMap<object, string>();

/** What of a viewer decides a plan: who it is and what it may read, not its session. */
function viewerKey(viewer: Viewer): string {
  let key = viewerKeys.get(viewer.grants);
  if (key === undefined) {
    const { sessionId: _session, displayName: _name, username: _username, keyName: _keyName, ...grants } = viewer.grants;
    viewerKeys.set(viewer.grants, (key = JSON.stringify([viewer.kind, grants])));
  }
  return key;
}

/**
 * Plans a query as one SQL statement that builds the whole answer (shared/graphql/one-statement.ts).
 * True when that statement will bring its own transaction: on the primary it goes out with the
 * viewer's row grants in one round trip and one transaction (`inOneSync`). On a read replica it runs
 * in the request's transaction, which `beginRequest` opens there.
 */
export async function planInOneStatement(
  ctx: Context,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  /** The hash of the query's text, Apollo's `queryHash`: plans are kept under it. */
  queryHash?: string,
): Promise<boolean> {
  if (operation.operation !== 'query' || inTransaction(ctx)) return false;
  if (ctx.report) ctx.report.plan = 'resolvers';
  const key = queryHash && `${queryHash}\n${operation.name?.value ?? ''}\n${JSON.stringify(variables ?? {})}\n${viewerKey(ctx.viewer)}`;
  let plan = key ? plans.get(key) : undefined;
  if (plan !== undefined) {
    // Most recently used last.
    plans.delete(key!);
  } else {
    try {
      const planner = new OneStatementPlanner(schema, READ_SPECS, ctx.em, ctx.viewer, fragmentsOf(document), operation, variables);
      plan = await planner.plan(operation);
      if (!planner.timeless) plan = { ...plan, keep: false };
    } catch (error) {
      if (!(error instanceof NotPlanned)) console.error('[graphql] a query could not be planned as one statement', error);
      plan = null;
    }
  }
  // A key as long as a large document's variables is not worth keeping.
  if (key && key.length <= 4096 && plan?.keep !== false) {
    plans.set(key, plan);
    if (plans.size > PLANS_KEPT) plans.delete(plans.keys().next().value!);
  }
  if (!plan) return false;
  planned.set(ctx, plan);
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
  const ownTransaction = inTransaction(ctx);
  let data: Record<string, unknown> | null;
  try {
    const text = ownTransaction
      ? (await ctx.em.execute<Array<{ data: string }>>(withValues(plan)))[0]!.data
      : await withGrants(ctx.rootEntityManager ?? ctx.em, rowGrantsOf(ctx.viewer), plan);
    data = plan.answer(text);
  } catch (error) {
    // The resolvers answer in a transaction of their own (and meet the same trouble, if it was the
    // database's, with the error they give for it).
    console.error('[graphql] a one-statement read failed; the resolvers answer it', error instanceof Error ? error.message : error);
    data = null;
  }
  if (!data) {
    try {
      if (ownTransaction) await restartRequest(ctx, operation);
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

/** Whether the request's transaction is open (a context whose EntityManager is not made yet has none). */
function inTransaction(ctx: Context): boolean {
  return (ctx.hasEntityManager?.() ?? true) && ctx.em.isInTransaction();
}

/** The statement with its values written in, for a transaction that is already open (on a replica). */
function withValues(plan: PlannedRead): string {
  return plan.sql.replace(/\$(\d+)/g, (_, n: string) => literalOf(plan.values[Number(n) - 1]!));
}

/**
 * The viewer's row grants, and a generic plan for the statement after them. PostgreSQL's choice
 * (`plan_cache_mode = auto`) keeps planning these statements at every execution: a generic plan's
 * estimate takes a `LIMIT $n` as a tenth of the rows, so it looks dearer than a custom one, and
 * planning the nested read costs about as much as running it. The plans are the same shape either
 * way (index scans by key, page by page), and the row-level security in them reads the grants when
 * it runs.
 */
const GRANTS_AND_GENERIC_PLAN_SQL = `${ROW_GRANTS_SQL}, set_config('plan_cache_mode', 'force_generic_plan', true)`;

/**
 * Runs a planned statement on a connection of the primary's pool after the viewer's row grants
 * (`set_config(…, true)`, with its plan cache mode), both prepared on the connection and executed
 * in one round trip and one transaction, which commits after the statement or rolls back at an
 * error: the connection goes back to the pool clean, and the grants held for that statement only.
 */
async function withGrants(em: EntityManager, grants: RowGrants, plan: PlannedRead): Promise<string> {
  const client = em.getConnection('write').getKnex().client as unknown as {
    acquireConnection(): Promise<QueryingConnection>;
    releaseConnection(connection: unknown): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const [, data] = await preparedInOneSync(connection, [
      { sql: GRANTS_AND_GENERIC_PLAN_SQL, values: rowGrantValues(grants) },
      { sql: plan.sql, values: plan.values.map(parameterOf) },
    ]);
    if (data === null || data === undefined) throw new Error('the planned statement returned no row');
    return data;
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
