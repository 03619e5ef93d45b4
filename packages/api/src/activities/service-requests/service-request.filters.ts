import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { timeRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { ServiceRequest } from './service-request.entity';
import { ServiceRequestOrderField, type ServiceRequestFilter, type ServiceRequestOrder } from './service-request.inputs';
import type { Ordering } from '../../shared/pagination';
import { direction } from '../../shared/pagination/order';

export const SERVICE_REQUEST_ORDER = latestFirst('receivedAt');

const ORDER_PROPERTY: Record<ServiceRequestOrderField, string> = {
  RECEIVED_AT: 'receivedAt',
  DUE_AT: 'dueAt',
};

/** The order asked for; latest received first when none is. */
export function serviceRequestOrdering(order?: ServiceRequestOrder | null): Ordering {
  if (!order) return SERVICE_REQUEST_ORDER;
  const dir = direction(order.direction, 'desc');
  return [
    [ORDER_PROPERTY[order.field ?? ServiceRequestOrderField.RECEIVED_AT], dir],
    ['id', dir],
  ];
}

export function serviceRequestWhere(filter?: ServiceRequestFilter | null, now = new Date()): FilterQuery<ServiceRequest> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  if (filter?.organisationId) where.organisation = idOf(filter.organisationId, 'Organisation', 'filter.organisationId');
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
