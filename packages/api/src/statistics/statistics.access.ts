import { AccessErrorReason } from '../access/access.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, notFound } from '../shared/errors/domain-error';
import { locate } from '../access/location';
import { Role } from '../shared/auth/role';
import { intArray } from '../shared/db/pg-array';
import type { Viewer } from '../access/viewer';
import { Disclosure } from './metrics/figure';
import { ScopeKind, type Scope } from './metrics/scope';

const TYPE_OF: Record<ScopeKind, string> = {
  PROGRAM: 'Program',
  PARK: 'Park',
  ZONE: 'Zone',
  POLICE_UNIT: 'PoliceUnit',
  OFFICER: 'Officer',
  ENTERPRISE: 'Enterprise',
};

/**
 * Whether the viewer may have statistics of a scope, and which figures: FULL for what the viewer
 * administers (an officer: itself and its enterprises), PUBLIC otherwise. An embed key gets public
 * figures of its program or park and their zones and units, never of one officer or enterprise.
 */
export async function statisticsDisclosure(em: EntityManager, viewer: Viewer, scope: Scope, field = 'scope'): Promise<Disclosure> {
  const type = TYPE_OF[scope.kind];
  // A system administrator reads every record, and the scope was found when it was resolved.
  if (viewer.isSystemAdmin) return Disclosure.FULL;
  // Where the scope lies and whether the viewer sees it came with the scope, when resolveScope read it.
  const location = scope.parkId !== undefined ? { parkId: scope.parkId, programId: scope.programId } : await locate(em, type, scope.id);
  if (!location) throw notFound(type, field);
  if (viewer.kind === 'KEY') {
    if (scope.kind === ScopeKind.OFFICER || scope.kind === ScopeKind.ENTERPRISE) {
      throw forbidden(
        '公开数据不按民警或企业提供 (public figures are not given per officer or enterprise)',
        AccessErrorReason.PUBLIC_FIGURES_ONLY,
        {
          field,
        },
      );
    }
    const parks = viewer.grants.parkIds;
    const [{ uncovered }] = await em.execute<Array<{ uncovered: number }>>(
      'SELECT count(*)::int AS uncovered FROM park WHERE program_id = ? AND NOT (id = any(?::int[]))',
      [location.programId, intArray(parks)],
    );
    const programWide = viewer.grants.programIds.includes(location.programId as number) && uncovered === 0;
    const visible = location.parkId === null ? programWide : parks.includes(location.parkId);
    if (!visible) throw notFound(type, field);
    return Disclosure.PUBLIC;
  }
  // The scope record itself must be visible to the viewer: the ORM's filter says.
  const visible = scope.visible ?? (await em.findOne<{ id: number }>(type, { id: scope.id })) !== null;
  if (!visible) throw notFound(type, field);
  if (viewer.isSystemAdmin) return Disclosure.FULL;
  if (viewer.role === Role.OFFICER) {
    const own =
      (scope.kind === ScopeKind.OFFICER && scope.id === viewer.grants.officerId) ||
      (scope.kind === ScopeKind.ENTERPRISE && viewer.grants.enterpriseIds.includes(scope.id));
    return own ? Disclosure.FULL : Disclosure.PUBLIC;
  }
  return viewer.writable(location) ? Disclosure.FULL : Disclosure.PUBLIC;
}
