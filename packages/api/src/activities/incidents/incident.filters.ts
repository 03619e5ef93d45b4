import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { timeRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Incident } from './incident.entity';
import type { IncidentFilter } from './incident.inputs';

export const INCIDENT_ORDER = latestFirst('receivedAt');

export function incidentWhere(filter?: IncidentFilter | null): FilterQuery<Incident> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  set(where, 'type', inList(filter?.types));
  if (filter?.open != null) where.closedAt = filter.open ? null : { $ne: null };
  set(where, 'receivedAt', timeRange(filter?.receivedAt));
  return where as FilterQuery<Incident>;
}
