import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

const FILTER = 'viewerScope';

/** The condition every query for an entity gets (by entity name); undefined means every row. */
export type ReadScope = (entity: string) => Record<string, unknown> | undefined;

function nameOf(entity: EntityName<unknown> | { name: string } | undefined): string {
  if (!entity) return '';
  return typeof entity === 'string' ? entity : (entity as { name: string }).name;
}

/**
 * Adds a read scope to every find, findOne and count of this EntityManager and of its forks
 * (transactions included), and to the references and collections the ORM loads through them.
 */
export function scopeEntityManager(em: EntityManager, scope: ReadScope): EntityManager {
  em.addFilter(
    FILTER,
    (args: { scope: ReadScope }, _type: unknown, _em: unknown, _options: unknown, entity?: EntityName<unknown>) =>
      args.scope(nameOf(entity)) ?? {},
  );
  em.setFilterParams(FILTER, { scope });
  return em;
}

/** The read condition for `entity` of a scoped EntityManager, for queries the ORM's filters do not reach (the query builder). */
export function scopeCondition(em: EntityManager, entity: string | { name: string }): Record<string, unknown> | undefined {
  return (em.getFilterParams(FILTER) as { scope?: ReadScope } | undefined)?.scope?.(nameOf(entity));
}
