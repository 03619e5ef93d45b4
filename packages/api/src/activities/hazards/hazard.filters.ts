import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { todayInShanghai } from '../../shared/time/calendar';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Hazard } from './hazard.entity';
import { HazardState, type HazardFilter } from './hazard.inputs';

export const HAZARD_ORDER = latestFirst('foundOn');

export function hazardWhere(filter?: HazardFilter | null, today = todayInShanghai()): FilterQuery<Hazard> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  if (filter?.organisationId) where.organisation = idOf(filter.organisationId, 'Organisation', 'filter.organisationId');
  set(where, 'severity', inList(filter?.severities));
  set(where, 'foundOn', dayRange(filter?.foundOn));
  if (filter?.states?.length) {
    const states: Where[] = [];
    if (filter.states.includes(HazardState.RECTIFIED)) states.push({ rectifiedOn: { $ne: null } });
    if (filter.states.includes(HazardState.OPEN)) states.push({ rectifiedOn: null, deadline: { $gte: today } });
    if (filter.states.includes(HazardState.OVERDUE)) states.push({ rectifiedOn: null, deadline: { $lt: today } });
    where.$or = states;
  }
  return where as FilterQuery<Hazard>;
}
