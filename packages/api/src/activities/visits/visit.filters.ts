import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { latestFirst, set, type Where } from '../common/activity-filter';
import type { Visit } from './visit.entity';
import type { VisitFilter } from './visit.inputs';

export const VISIT_ORDER = latestFirst('visitedOn');

export function visitWhere(filter?: VisitFilter | null): FilterQuery<Visit> {
  const where: Where = {};
  if (filter?.parkId) where.enterprise = { park: idOf(filter.parkId, 'Park', 'filter.parkId') };
  if (filter?.enterpriseId) {
    const id = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
    where.enterprise = where.enterprise ? { id, ...(where.enterprise as Where) } : id;
  }
  if (filter?.officerId) where.officer = idOf(filter.officerId, 'Officer', 'filter.officerId');
  set(where, 'visitedOn', dayRange(filter?.on));
  return where as FilterQuery<Visit>;
}
