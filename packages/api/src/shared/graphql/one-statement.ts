import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SqlValue } from '../db/sql-literal';
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  GraphQLNonNull,
  GraphQLObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import type { Audience } from '../auth/role';
import { rowShape, scoped, type RowShape } from '../db/rows';
import { ConnectionArgs } from '../pagination/connection';
import { planPage, type Ordering } from '../pagination/keyset';
import { parseGlobalId } from './global-id';
import { globalIdSql, literal, scalarSql, SchemaFacts } from './one-statement-sql';

/**
 * Queries answered by one SQL statement that builds the whole answer as JSON in PostgreSQL, the way
 * PostGraphile plans a selection, instead of resolvers field by field (decision 0007).
 *
 * Only what the resolvers would answer the same way is planned here: columns of a record that no
 * resolver computes, the many-to-one relations the resolvers follow with `related`, the lists of a
 * record's children and the top-level lists and lookups that the domains declare (`ReadSpecs`), each
 * within the viewer's read scope exactly as the resolvers apply it, and only fields the viewer's role
 * may use. Anything else (personal data, whose reads are audited; computed fields; cursors; backward
 * pages; an argument the resolver would refuse) means the operation is not planned, and the
 * resolvers answer it. So does an answer that would carry an error: a required relation out of the
 * viewer's scope is marked in the JSON, and the resolvers then answer with their NOT_FOUND.
 */

/** A list of records: how its arguments filter and order it. `parent`: the property pointing at the parent, for a nested list. */
export interface ListSpec {
  entity: string;
  parent?: string;
  list(args: Record<string, unknown>): { where: FilterQuery<object>; ordering: Ordering };
  /** Whether the filter reads the clock (e.g. "overdue"): a plan made with it holds for that moment only. */
  readsClock?(args: Record<string, unknown>): boolean;
}

/** A relation reached through a row of another entity, e.g. an enterprise's current liaison officer through its open assignment. */
export interface ThroughSpec {
  /** The entity whose row links the two, its property pointing at the parent, the condition it meets and the property it points on with. */
  entity: string;
  from: string;
  where: FilterQuery<object>;
  pick: string;
}

/** What the domains let one statement answer, by GraphQL type and field. */
export interface ReadSpecs {
  /** Query fields that read one record by its global id (`park(id:)`), by field name → entity. */
  byId: Record<string, string>;
  /** Query fields that list records. */
  lists: Record<string, ListSpec>;
  /** Entities `node(id:)` may return, by the type named in a global id. */
  nodeTypes: ReadonlyMap<string, string>;
  /** Relation fields answered with `related` / `relatedOrNull` of the property of the same name: type → fields. */
  relations: Record<string, readonly string[]>;
  /** Nested lists: type → field → list. */
  children: Record<string, Record<string, ListSpec>>;
  /** Relations through a linking row: type → field → how. */
  through: Record<string, Record<string, ThroughSpec>>;
}

/** Why an operation was left to the resolvers. */
export class NotPlanned extends Error {}

/** The marker of a required relation the viewer may not read: the resolvers answer such an operation (NOT_FOUND). */
const MISSING = 'huhang:missing-required-record';

export interface PlannedRead {
  /** The statement, its values as `$1`… (the same text for the same query shape, whatever the values: it can be prepared once). */
  sql: string;
  values: PlanValue[];
  /** The answer's data from the statement's one value; null when the resolvers must answer after all. */
  answer(text: string): Record<string, unknown> | null;
}

/** A value the statement is given: what the query builder binds, and ids and page sizes. */
export type PlanValue = SqlValue;

type KnexQuery = ReturnType<ReturnType<EntityManager['createQueryBuilder']>['getKnexQuery']>;

interface Viewerish {
  audience: Audience;
  grants: { secondFactorPending: boolean | null };
}

let facts: SchemaFacts | undefined;

/** Plans one query operation into one statement; throws NotPlanned when the resolvers must answer it. */
export class OneStatementPlanner {
  private next = 0;
  private readonly values: PlanValue[] = [];
  /** Whether the plan holds for the same query, variables and viewer at any later moment. */
  timeless = true;
  private readonly variables: Record<string, unknown>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly specs: ReadSpecs,
    private readonly em: EntityManager,
    private readonly viewer: Viewerish,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    operation: OperationDefinitionNode,
    rawVariables: Record<string, unknown> | undefined,
  ) {
    if (operation.operation !== 'query') throw new NotPlanned('not a query');
    if (viewer.grants.secondFactorPending) throw new NotPlanned('second factor pending');
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
    if (coerced.errors) throw new NotPlanned('variables');
    this.variables = coerced.coerced;
    facts ??= new SchemaFacts();
  }

  async plan(operation: OperationDefinitionNode): Promise<PlannedRead> {
    const query = this.schema.getQueryType()!;
    const fields = collectFields(this.schema, this.fragments, this.variables, query, operation.selectionSet);
    // `{ __typename }` is answered from the schema, without the database.
    if ([...fields.values()].every((nodes) => nodes[0]!.name.value.startsWith('__'))) throw new NotPlanned('no data');
    const parts: string[] = [];
    for (const [key, nodes] of fields) parts.push(literal(key), await this.rootField(query, nodes));
    if (parts.length === 0 || parts.length > 100) throw new NotPlanned('selection size');
    const sql = `select json_build_object(${parts.join(', ')})::text as data`;
    return {
      sql,
      values: this.values,
      answer: (text) => (text.includes(MISSING) ? null : (JSON.parse(text) as Record<string, unknown>)),
    };
  }

  /** `$n` for a value of the statement. */
  private param(value: unknown): string {
    const ok = value === null || value instanceof Date || ['string', 'number', 'boolean'].includes(typeof value);
    if (!ok || (typeof value === 'number' && !Number.isFinite(value))) throw new NotPlanned('a value of another kind');
    this.values.push(value as PlanValue);
    return `$${this.values.length}`;
  }

  /** The SQL of a query builder's query, its bindings made values of the statement. */
  private sqlOf(query: KnexQuery): string {
    const native = query.toSQL().toNative();
    return native.sql.replace(/\$(\d+)/g, (_, n: string) => this.param(native.bindings[Number(n) - 1]));
  }

  private alias(): string {
    this.next += 1;
    return `hh${this.next}`;
  }

  private allowed(roles: readonly unknown[] | undefined): void {
    if (roles && roles.length > 0 && !roles.includes(this.viewer.audience)) throw new NotPlanned('role');
  }

  private args(field: GraphQLField<unknown, unknown>, node: FieldNode): Record<string, unknown> {
    try {
      return getArgumentValues(field, node, this.variables);
    } catch {
      throw new NotPlanned('arguments');
    }
  }

  private async rootField(query: GraphQLObjectType, nodes: readonly FieldNode[]): Promise<string> {
    const name = nodes[0]!.name.value;
    if (name === '__typename') return literal(query.name);
    const field = query.getFields()[name];
    if (!field) throw new NotPlanned(name);
    this.allowed(facts!.queryRoles(name));
    const args = this.args(field, nodes[0]!);
    const byId = this.specs.byId[name];
    if (byId) {
      const id = this.globalId(args.id, byId);
      return this.recordById(getNamedType(field.type) as GraphQLObjectType, byId, id, nodes);
    }
    if (name === 'node') {
      const parsed = this.parsed(args.id);
      const entity = this.specs.nodeTypes.get(parsed.type);
      const type = this.schema.getType(parsed.type);
      if (!entity || !(type instanceof GraphQLObjectType)) throw new NotPlanned('node type');
      return this.recordById(type, entity, parsed.id, nodes);
    }
    const list = this.specs.lists[name];
    if (list) return this.connection(field, list, args, nodes);
    throw new NotPlanned(name);
  }

  private parsed(value: unknown): { type: string; id: number } {
    try {
      return parseGlobalId(value as string, 'id');
    } catch {
      throw new NotPlanned('id');
    }
  }

  private globalId(value: unknown, type: string): number {
    const parsed = this.parsed(value);
    if (parsed.type !== type) throw new NotPlanned('id type');
    return parsed.id;
  }

  /**
   * `(select <object> from (the row of entity with that id, if the viewer may read it) alias)`: the
   * read scope's conditions on the row itself, made by the query builder as for the lists.
   */
  private record(entity: string, shape: RowShape<object>, alias: string, object: string, id: { sql: string } | { value: number }): string {
    const query = this.em
      .createQueryBuilder(entity, 'e')
      .select(shape.selection.map((column) => raw(column)))
      .where(scoped(this.em, entity, {}))
      .getKnexQuery();
    if ('value' in id) query.whereRaw('e.id = ?', [id.value]);
    else query.whereRaw(`e.id = ${id.sql}`);
    return `(select ${object} from (${this.sqlOf(query)}) ${alias})`;
  }

  private async recordById(type: GraphQLObjectType, entity: string, id: number, nodes: readonly FieldNode[]): Promise<string> {
    const shape = rowShape(this.em, entity);
    const alias = this.alias();
    const object = await this.object(type, shape, alias, nodes);
    return this.record(entity, shape, alias, object, { value: id });
  }

  /** `json_build_object(…)` of the fields selected on a record of `shape` read as `alias`. */
  private async object(type: GraphQLObjectType, shape: RowShape<object>, alias: string, nodes: readonly FieldNode[]): Promise<string> {
    const fields = collectSubfields(this.schema, this.fragments, this.variables, type, nodes);
    const parts: string[] = [];
    for (const [key, fieldNodes] of fields) parts.push(literal(key), await this.field(type, shape, alias, fieldNodes));
    if (parts.length === 0 || parts.length > 100) throw new NotPlanned('selection size');
    return `json_build_object(${parts.join(', ')})`;
  }

  private async field(type: GraphQLObjectType, shape: RowShape<object>, alias: string, nodes: readonly FieldNode[]): Promise<string> {
    const name = nodes[0]!.name.value;
    if (name === '__typename') return literal(type.name);
    const field = type.getFields()[name];
    if (!field) throw new NotPlanned(name);
    if (name === 'id' && shape.className === type.name) return globalIdSql(type.name, `${alias}.id`);
    const info = facts!.field(type.name, name);
    if (!info) throw new NotPlanned(`${type.name}.${name}`);
    this.allowed(info.roles);
    if (!info.resolved) {
      if (!info.property || nodes.some((node) => node.selectionSet)) throw new NotPlanned(`${type.name}.${name}`);
      const sql = scalarSql(field.type, `${alias}.${this.columnOf(shape, info.property)}`);
      if (!sql) throw new NotPlanned(`${type.name}.${name}: type`);
      return sql;
    }
    if (this.specs.relations[type.name]?.includes(name)) {
      const target = getNullableType(field.type);
      if (!(target instanceof GraphQLObjectType)) throw new NotPlanned(`${type.name}.${name}`);
      return this.related(target, `${alias}.${this.columnOf(shape, name)}`, field.type instanceof GraphQLNonNull, nodes);
    }
    const child = this.specs.children[type.name]?.[name];
    if (child) return this.connection(field, child, this.args(field, nodes[0]!), nodes, `${alias}.id`);
    const through = this.specs.through[type.name]?.[name];
    if (through) {
      const target = getNullableType(field.type);
      if (!(target instanceof GraphQLObjectType) || field.type instanceof GraphQLNonNull) throw new NotPlanned(`${type.name}.${name}`);
      const link = rowShape(this.em, through.entity);
      const query = this.sqlOf(
        this.em
          .createQueryBuilder(through.entity, 'e')
          .select(raw(`e.${link.column(through.pick)}`))
          .where(scoped(this.em, through.entity, through.where))
          .getKnexQuery()
          .whereRaw(`e.${link.column(through.from)} = ${alias}.id`)
          .limit(1),
      );
      const linked = this.alias();
      // No link: null, as the resolver answers; a link to a record the viewer may not read: the resolver's NOT_FOUND.
      // `offset 0` keeps the link a subquery of its own, read once, where the planner would copy it into each use.
      const record = await this.related(target, `${linked}.id`, true, nodes);
      return `(select ${record} from (select (${query}) as id offset 0) ${linked})`;
    }
    throw new NotPlanned(`${type.name}.${name}`);
  }

  private columnOf(shape: RowShape<object>, property: string): string {
    try {
      return shape.column(property);
    } catch {
      throw new NotPlanned(`${shape.className}.${property}`);
    }
  }

  /** The record a relation column points at, within the viewer's scope; a required one out of scope is MISSING. */
  private async related(type: GraphQLObjectType, idSql: string, required: boolean, nodes: readonly FieldNode[]): Promise<string> {
    const entity = type.name;
    const shape = rowShape(this.em, entity);
    const alias = this.alias();
    const object = await this.object(type, shape, alias, nodes);
    const record = this.record(entity, shape, alias, object, { sql: idSql });
    return required ? `case when ${idSql} is null then null else coalesce(${record}, to_json(${literal(MISSING)}::text)) end` : record;
  }

  /** A page of a list (`nodes`, `totalCount`, `pageInfo` without cursors), as the resolvers' `paginate` and `childPage` read it. */
  private async connection(
    field: GraphQLField<unknown, unknown>,
    spec: ListSpec,
    args: Record<string, unknown>,
    nodes: readonly FieldNode[],
    parentId?: string,
  ): Promise<string> {
    if (args.after != null || args.before != null || args.last != null) throw new NotPlanned('cursor paging');
    const connectionType = getNullableType(field.type);
    if (!(connectionType instanceof GraphQLObjectType)) throw new NotPlanned('connection');
    const paging = Object.assign(new ConnectionArgs(), { first: args.first ?? null, after: null, last: null, before: null });
    let planned: { where: FilterQuery<object>; ordering: Ordering; page: Awaited<ReturnType<typeof planPage<object>>> };
    try {
      const { where, ordering } = spec.list(args);
      planned = { where, ordering, page: await planPage<object>(where, ordering, paging) };
    } catch {
      throw new NotPlanned('arguments');
    }
    const { where, page } = planned;
    if (spec.readsClock?.(args)) this.timeless = false;
    if (page.size === 0) throw new NotPlanned('empty page');
    const shape = rowShape(this.em, spec.entity);
    const parentColumn = spec.parent ? this.columnOf(shape, spec.parent) : null;
    const order = page.orderBy.map((entry) => {
      const [property, direction] = Object.entries(entry)[0]!;
      return `e.${this.columnOf(shape, property)} ${direction}`;
    });
    const inner = this.em
      .createQueryBuilder(spec.entity, 'e')
      .select([...shape.selection.map((column) => raw(column)), raw(`row_number() over (order by ${order.join(', ')}) as hh_rank`)])
      .where(scoped(this.em, spec.entity, page.where))
      .getKnexQuery();
    if (parentColumn) inner.whereRaw(`e.${parentColumn} = ${parentId}`);
    for (const entry of order) inner.orderByRaw(entry);
    inner.limit(page.size + 1);
    const innerSql = this.sqlOf(inner);
    // The page size is a value only where a field uses it: PREPARE counts the values the text names.
    let sizeParam: string | undefined;
    const size = () => (sizeParam ??= this.param(page.size));
    const alias = this.alias();
    const parts: string[] = [];
    const fields = collectSubfields(this.schema, this.fragments, this.variables, connectionType, nodes);
    for (const [key, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      parts.push(literal(key));
      if (name === '__typename') {
        parts.push(literal(connectionType.name));
      } else if (name === 'nodes') {
        const nodeType = getNamedType(connectionType.getFields().nodes!.type) as GraphQLObjectType;
        const object = await this.object(nodeType, shape, alias, fieldNodes);
        parts.push(`coalesce(json_agg(${object} order by ${alias}.hh_rank) filter (where ${alias}.hh_rank <= ${size()}), '[]'::json)`);
      } else if (name === 'totalCount') {
        const count = this.em
          .createQueryBuilder(spec.entity, 'e')
          .select(raw('count(*)::int'))
          .where(scoped(this.em, spec.entity, where))
          .getKnexQuery();
        if (parentColumn) count.whereRaw(`e.${parentColumn} = ${parentId}`);
        parts.push(`(${this.sqlOf(count)})`);
      } else if (name === 'pageInfo') {
        parts.push(this.pageInfo(connectionType, fieldNodes, () => `count(*) > ${size()}`));
      } else {
        throw new NotPlanned(`${connectionType.name}.${name}`);
      }
    }
    // `having true` makes it one group, one row, whichever fields aggregate (`totalCount` alone does not).
    return `(select json_build_object(${parts.join(', ')}) from (${innerSql}) ${alias} having true)`;
  }

  /** Page info of a first page: more follow when the statement read one row more than the page. */
  private pageInfo(connectionType: GraphQLObjectType, nodes: readonly FieldNode[], more: () => string): string {
    const type = getNamedType(connectionType.getFields().pageInfo!.type) as GraphQLObjectType;
    const parts: string[] = [];
    for (const [key, fieldNodes] of collectSubfields(this.schema, this.fragments, this.variables, type, nodes)) {
      const name = fieldNodes[0]!.name.value;
      parts.push(literal(key));
      if (name === '__typename') parts.push(literal(type.name));
      else if (name === 'hasNextPage') parts.push(`(${more()})`);
      else if (name === 'hasPreviousPage') parts.push('false');
      else throw new NotPlanned(`PageInfo.${name}`);
    }
    return `json_build_object(${parts.join(', ')})`;
  }
}

/** The fragments of a document by name. */
export function fragmentsOf(document: { definitions: readonly { kind: string }[] }): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  return fragments;
}
