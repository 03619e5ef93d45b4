import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { timeRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { ServiceRequest } from './service-request.entity';
import type { ServiceRequestFilter } from './service-request.inputs';

export const SERVICE_REQUEST_ORDER = latestFirst('receivedAt');

export function serviceRequestWhere(filter?: ServiceRequestFilter | null, now = new Date()): FilterQuery<ServiceRequest> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  if (filter?.unitId) where.assignedUnit = idOf(filter.unitId, 'PoliceUnit', 'filter.unitId');
  set(where, 'status', inList(filter?.statuses));
  set(where, 'kind', inList(filter?.kinds));
  set(where, 'channel', inList(filter?.channels));
  set(where, 'receivedAt', timeRange(filter?.receivedAt));
  if (filter?.overdue != null) {
    where.resolvedAt = null;
    where.dueAt = filter.overdue ? { $lt: now } : { $gte: now };
  }
  return where as FilterQuery<ServiceRequest>;
}
