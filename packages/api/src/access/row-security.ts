import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../shared/auth/role';
import type { Viewer } from './viewer';

/**
 * What the database's row-level security lets a transaction read (migration 1900): every row, or the
 * rows of these parks, the county units of these programs and the parks of programs administered in
 * full. It is a second wall behind `Viewer.readScope`, which stays the API's own filter.
 */
export interface RowGrants {
  all: boolean;
  parks: readonly number[];
  programs: readonly number[];
  adminPrograms: readonly number[];
}

/** The system itself (sign-in, reading a viewer's grants): every row. */
export const SYSTEM_GRANTS: RowGrants = { all: true, parks: [], programs: [], adminPrograms: [] };

/** For a plain client in a transaction: the system's grants (every row) until it ends. */
export const SYSTEM_GRANTS_STATEMENT = `SELECT set_config('huhang.viewer_all', 'on', true)`;

/** The rows a viewer's requests may touch: the parks of every kind of grant it holds. */
export function rowGrantsOf(viewer: Viewer): RowGrants {
  if (viewer.isSystemAdmin) return SYSTEM_GRANTS;
  if (viewer.kind === 'ANONYMOUS') return { all: false, parks: [], programs: [], adminPrograms: [] };
  const { parkIds, referenceParkIds, programIds } = viewer.grants;
  return {
    all: false,
    parks: [...new Set([...parkIds, ...referenceParkIds])],
    programs: programIds,
    adminPrograms: viewer.kind === 'USER' && viewer.role === Role.PROGRAM_ADMIN ? programIds : [],
  };
}

const array = (ids: readonly number[]) => `{${ids.map((id) => Math.trunc(id)).join(',')}}`;

/** Sets the grants for the rest of `em`'s transaction (set_config(…, true) is `SET LOCAL`), in one statement. */
export async function applyRowGrants(em: EntityManager, grants: RowGrants): Promise<void> {
  if (!em.isInTransaction()) throw new Error('row grants are set inside a transaction');
  await em.execute(rowGrantsStatement(grants));
}

const SETTINGS = ['huhang.viewer_all', 'huhang.viewer_parks', 'huhang.viewer_programs', 'huhang.viewer_admin_programs'] as const;

/** The values of the four settings, in the order of `ROW_GRANTS_SQL`'s parameters. */
export function rowGrantValues(grants: RowGrants): [string, string, string, string] {
  return [grants.all ? 'on' : 'off', array(grants.parks), array(grants.programs), array(grants.adminPrograms)];
}

/** The settings as one statement whose parameters are `rowGrantValues`: prepared once per connection. */
export const ROW_GRANTS_SQL = `SELECT ${SETTINGS.map((setting, i) => `set_config('${setting}', $${i + 1}, true)`).join(', ')}`;

/**
 * The same settings as one statement with the values written in (integers and `on`/`off` only), for
 * a transaction that sends it with its BEGIN in one round trip (request-transaction.ts).
 */
export function rowGrantsStatement(grants: RowGrants): string {
  const values = rowGrantValues(grants);
  return `SELECT ${SETTINGS.map((setting, i) => `set_config('${setting}', '${values[i]}', true)`).join(', ')}`;
}

/** Runs `work` in a transaction of its own with these grants. */
export async function withRowGrants<T>(em: EntityManager, grants: RowGrants, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    await applyRowGrants(tx, grants);
    return work(tx);
  });
}
