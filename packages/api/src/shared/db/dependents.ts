import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * How many rows of `table` still depend on record `id` through `column` (archived or ended rows
 * excluded by `live`). A record checks its dependents by table, so a lower domain folder need not
 * import the entities of the folders above it.
 */
export async function countDependents(
  em: EntityManager,
  table: 'enterprise' | 'officer' | 'liaison_assignment',
  column: string,
  id: number,
  live = 'archived_at IS NULL',
): Promise<number> {
  const [row] = await em.execute<Array<{ count: number }>>(`SELECT count(*)::int AS count FROM ${table} WHERE ${column} = ? AND ${live}`, [
    id,
  ]);
  return row.count;
}
