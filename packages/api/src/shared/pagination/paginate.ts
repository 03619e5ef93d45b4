import DataLoader from 'dataloader';
import { raw, type EntityName, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Page, type ConnectionArgs } from './connection';
import { finishPage, planPage, type Ordering } from './keyset';
import type { LoaderRegistry } from './loaders';
import { scopeCondition } from '../db/scope-filter';

interface Identified {
  id: number;
}

/** One page of a top-level list: one query for the page, one for `totalCount` when it is asked for. */
export async function paginate<T extends Identified>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  ordering: Ordering,
  args: ConnectionArgs,
): Promise<Page<T>> {
  const plan = await planPage(where, ordering, args);
  const rows = plan.size === 0 ? [] : await em.find(entity, plan.where, { orderBy: plan.orderBy as never, limit: plan.size + 1 });
  const { nodes, cursors, pageInfo } = finishPage(rows as T[], plan, args, ordering);
  let count: Promise<number> | undefined;
  return new Page(nodes, cursors, pageInfo, () => (count ??= em.count(entity, where)));
}

export interface ChildListSpec<T> {
  entity: EntityName<T>;
  /** The many-to-one property that points at the parent, e.g. `park`. */
  parent: string;
  where: FilterQuery<T>;
  ordering: Ordering;
}

interface PartitionRow {
  id: number;
  parent_id: number;
}

/**
 * A page of each parent's children for a nested connection (park → enterprises), batched across all
 * parents of a request: one windowed query picks every parent's page, one loads those rows, one counts
 * per parent when `totalCount` is asked for. The number of statements does not grow with the parents.
 */
export function childPage<T extends Identified>(
  em: EntityManager,
  loaders: LoaderRegistry,
  spec: ChildListSpec<T>,
  parentId: number,
  args: ConnectionArgs,
): Promise<Page<T>> {
  const meta = em.getMetadata().get<T>(typeof spec.entity === 'string' ? spec.entity : (spec.entity as { name: string }).name);
  const column = (property: string): string => (meta.properties as Record<string, { fieldNames: string[] }>)[property].fieldNames[0];
  const parentColumn = column(spec.parent);
  const key = JSON.stringify(['child-page', meta.className, spec.parent, spec.where, spec.ordering, args]);
  // The query builder is not reached by the ORM's filters: the viewer's scope is added here.
  const scope = scopeCondition(em, meta.className);
  const scoped = (where: FilterQuery<T>): FilterQuery<T> => (scope ? ({ $and: [where, scope] } as FilterQuery<T>) : where);

  const counts = loaders.get(`${key}:count`, () => {
    return new DataLoader<number, number>(async (parentIds) => {
      const qb = em
        .createQueryBuilder(spec.entity, 'e')
        .select([raw(`e.${parentColumn} as parent_id`), raw('count(*)::int as n')])
        .where(scoped({ $and: [spec.where, { [spec.parent]: { $in: [...parentIds] } }] } as FilterQuery<T>));
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
          const [property, direction] = Object.entries(entry)[0];
          return `e.${column(property)} ${direction}`;
        });
        const qb = em
          .createQueryBuilder(spec.entity, 'e')
          .select([
            raw('e.id as id'),
            raw(`e.${parentColumn} as parent_id`),
            raw(`row_number() over (partition by e.${parentColumn} order by ${order.join(', ')}) as huhang_rank`),
          ])
          .where(scoped({ $and: [plan.where, { [spec.parent]: { $in: [...parentIds] } }] } as FilterQuery<T>));
        const ranked = em
          .getKnex()
          .select('id', 'parent_id')
          .from(qb.getKnexQuery().as('ranked'))
          .where('huhang_rank', '<=', plan.size + 1)
          .orderBy([{ column: 'parent_id' }, { column: 'huhang_rank' }]);
        const rows = await em.execute<PartitionRow[]>(ranked);
        const records = rows.length
          ? await em.find(spec.entity, { id: { $in: rows.map((row) => row.id) } } as unknown as FilterQuery<T>)
          : [];
        const byId = new Map(records.map((record) => [record.id, record]));
        for (const row of rows) byParent.get(Number(row.parent_id))?.push(byId.get(Number(row.id)) as T);
      }
      return parentIds.map((parentId) => {
        const { nodes, cursors, pageInfo } = finishPage(byParent.get(parentId) ?? [], plan, args, spec.ordering);
        return new Page(nodes, cursors, pageInfo, () => counts.load(parentId));
      });
    });
  });
  return pages.load(parentId);
}
