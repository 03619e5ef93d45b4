import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../access/viewer';

const FILTER = 'viewerScope';

function nameOf(entity: EntityName<unknown> | { name: string } | undefined): string {
  if (!entity) return '';
  return typeof entity === 'string' ? entity : (entity as { name: string }).name;
}

/**
 * Adds the viewer's read scope to every find, findOne and count of this EntityManager and of its
 * forks (transactions included), and to the references and collections the ORM loads through them.
 */
export function scopeEntityManager(em: EntityManager, viewer: Viewer): EntityManager {
  em.addFilter(
    FILTER,
    (args: { viewer: Viewer }, _type: unknown, _em: unknown, _options: unknown, entity?: EntityName<unknown>) =>
      args.viewer.readScope(nameOf(entity)) ?? {},
  );
  em.setFilterParams(FILTER, { viewer });
  return em;
}

/** The viewer an EntityManager is scoped to; undefined for an unscoped one (commands, the demo generator). */
export function viewerOf(em: EntityManager): Viewer | undefined {
  return (em.getFilterParams(FILTER) as { viewer?: Viewer } | undefined)?.viewer;
}

/** The viewer's read condition for `entity`, for queries the ORM's filters do not reach (the query builder). */
export function scopeCondition(em: EntityManager, entity: string | { name: string }): Record<string, unknown> | undefined {
  return viewerOf(em)?.readScope(nameOf(entity));
}
