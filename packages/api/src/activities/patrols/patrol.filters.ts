import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Patrol } from './patrol.entity';
import type { PatrolFilter } from './patrol.inputs';

export const PATROL_ORDER = latestFirst('patrolledOn');

export function patrolWhere(filter?: PatrolFilter | null): FilterQuery<Patrol> {
  const where: Where = {};
  if (filter?.parkId) where.team = { park: idOf(filter.parkId, 'Park', 'filter.parkId') };
  if (filter?.teamId) {
    const id = idOf(filter.teamId, 'Team', 'filter.teamId');
    where.team = where.team ? { id, ...(where.team as Where) } : id;
  }
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  set(where, 'kind', inList(filter?.kinds));
  set(where, 'patrolledOn', dayRange(filter?.on));
  return where as FilterQuery<Patrol>;
}
