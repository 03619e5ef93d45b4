import DataLoader from 'dataloader';
import { raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Page, type ConnectionArgs } from './connection';
import { finishPage, planPage, type Ordering } from './keyset';
import type { LoaderRegistry } from './loaders';
import type { GraphQLResolveInfo } from 'graphql';
import { countRows, findRows, joinAhead, primeAhead, rowShape, scoped, type ReadAhead } from '../db/rows';
import { nodeFields } from './selection';

type EntityClass<T> = abstract new (...args: never[]) => T;

interface Identified {
  id: number;
}

/**
 * One page of a top-level list, as rows (`shared/db/rows`): one statement for the page, one for
 * `totalCount` when it is asked for.
 */
export async function paginate<T extends Identified>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  ordering: Ordering,
  args: ConnectionArgs,
  /** The request's loaders and the field's resolve info: the relations its nodes ask for are read in the same statement. */
  selection?: { loaders: LoaderRegistry; info: GraphQLResolveInfo },
): Promise<Page<T>> {
  const plan = await planPage(where, ordering, args);
  const query = { where: plan.where as FilterQuery<object>, orderBy: plan.orderBy, limit: plan.size + 1 };
  const ahead = selection && { loaders: selection.loaders, fields: nodeFields(selection.info) };
  const rows = plan.size === 0 ? [] : await findRows(em, entity, query, ahead);
  const { nodes, cursorOf, pageInfo } = finishPage(rows, plan, args, ordering);
  let count: Promise<number> | undefined;
  return new Page(nodes, cursorOf, pageInfo, () => (count ??= countRows(em, entity, where as FilterQuery<object>)));
}

export interface ChildListSpec<T> {
  entity: EntityClass<T>;
  /** The many-to-one property that points at the parent, e.g. `park`. */
  parent: string;
  where: FilterQuery<T>;
  ordering: Ordering;
}

type RankedRow = Record<string, unknown> & { huhang_parent: number };

/**
 * A page of each parent's children for a nested connection (park → enterprises), batched across all
 * parents of a request: one statement reads every parent's page as rows (a lateral subquery each), one counts per
 * parent when `totalCount` is asked for. The number of statements does not grow with the parents.
 */
export function childPage<T extends Identified>(
  em: EntityManager,
  loaders: LoaderRegistry,
  spec: ChildListSpec<T>,
  parentId: number,
  args: ConnectionArgs,
  /** The field's resolve info: the relations its nodes ask for are read in the same statement. */
  info?: GraphQLResolveInfo,
): Promise<Page<T>> {
  const shape = rowShape(em, spec.entity);
  const ahead: ReadAhead | undefined = info && { loaders, fields: nodeFields(info) };
  const parentColumn = shape.column(spec.parent);
  const key = JSON.stringify(['child-page', shape.className, spec.parent, spec.where, spec.ordering, args]);
  const within = (where: FilterQuery<T>, parentIds: readonly number[]) =>
    scoped(em, shape.className, { $and: [where, { [spec.parent]: { $in: [...parentIds] } }] } as FilterQuery<T>);

  const counts = loaders.get(`${key}:count`, () => {
    return new DataLoader<number, number>(async (parentIds) => {
      const qb = em
        .createQueryBuilder(spec.entity, 'e')
        .select([raw(`e.${parentColumn} as parent_id`), raw('count(*)::int as n')])
        .where(within(spec.where, parentIds));
      const rows = await em.execute<Array<{ parent_id: number; n: number }>>(qb.getKnexQuery().groupBy(`e.${parentColumn}`));
      const byParent = new Map(rows.map((row) => [Number(row.parent_id), Number(row.n)]));
      return parentIds.map((id) => byParent.get(id) ?? 0);
    });
  });

  const pages = loaders.get(key, () => {
    return new DataLoader<number, Page<T>>(async (parentIds) => {
      const plan = await planPage<T>(spec.where, spec.ordering, args);
      const byParent = new Map<number, T[]>(parentIds.map((id) => [id, []]));
      if (plan.size > 0) {
        const order = plan.orderBy.map((entry) => {
          const [property, direction] = Object.entries(entry)[0]!;
          return `e.${shape.column(property)} ${direction}`;
        });
        // Each parent's page is its own ordered, limited subquery (a lateral join over the parents'
        // ids), so that an index on (parent, ordering) reads only the page, never every child.
        const qb = em
          .createQueryBuilder(spec.entity, 'e')
          .select([
            ...shape.selection.map((column) => raw(column)),
            raw(`e.${parentColumn} as huhang_parent`),
            raw(`row_number() over (order by ${order.join(', ')}) as huhang_rank`),
          ])
          .where(scoped(em, shape.className, plan.where));
        const inner = qb.getKnexQuery().whereRaw(`e.${parentColumn} = huhang_p.parent`);
        for (const entry of order) inner.orderByRaw(entry);
        inner.limit(plan.size + 1);
        const joined = joinAhead(em, shape, inner, ahead);
        const ids = parentIds.map((id) => Number(id));
        if (!ids.every(Number.isSafeInteger)) throw new Error('childPage: parent ids must be integers');
        const knex = em.getKnex();
        const ranked = knex
          .select('huhang_x.*')
          .from(knex.raw(`unnest(array[${ids.join(',')}]::int[]) with ordinality as huhang_p(parent, n)`))
          .joinRaw(`cross join lateral (${inner.toQuery()}) as huhang_x`)
          .orderByRaw('huhang_p.n, huhang_x.huhang_rank');
        const records = await em.execute<RankedRow[]>(ranked);
        primeAhead(em, ahead, joined, records);
        for (const record of records) {
          byParent.get(Number(record.huhang_parent))?.push(shape.build(record));
        }
      }
      return parentIds.map((parentId) => {
        const { nodes, cursorOf, pageInfo } = finishPage(byParent.get(parentId) ?? [], plan, args, spec.ordering);
        return new Page(nodes, cursorOf, pageInfo, () => counts.load(parentId));
      });
    });
  });
  return pages.load(parentId);
}
