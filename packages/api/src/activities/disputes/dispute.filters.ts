import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Dispute } from './dispute.entity';
import type { DisputeFilter } from './dispute.inputs';

export const DISPUTE_ORDER = latestFirst('identifiedOn');

export function disputeWhere(filter?: DisputeFilter | null): FilterQuery<Dispute> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.teamId) where.team = idOf(filter.teamId, 'Team', 'filter.teamId');
  if (filter?.enterpriseId) where.enterprises = { $some: { id: idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId') } };
  if (filter?.organisationId) {
    where.organisations = { $some: { id: idOf(filter.organisationId, 'Organisation', 'filter.organisationId') } };
  }
  set(where, 'status', inList(filter?.statuses));
  set(where, 'category', inList(filter?.categories));
  set(where, 'mediationMode', inList(filter?.mediationModes));
  set(where, 'escalationRisk', inList(filter?.escalationRisks));
  set(where, 'identifiedOn', dayRange(filter?.identifiedOn));
  return where as FilterQuery<Dispute>;
}
