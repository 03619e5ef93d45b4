import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Engagement } from './engagement.entity';
import type { EngagementFilter } from './engagement.inputs';

export const ENGAGEMENT_ORDER = latestFirst('heldOn');

export function engagementWhere(filter?: EngagementFilter | null): FilterQuery<Engagement> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.enterpriseId) where.enterprises = { $some: { id: idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId') } };
  set(where, 'type', inList(filter?.types));
  set(where, 'heldOn', dayRange(filter?.heldOn));
  return where as FilterQuery<Engagement>;
}
