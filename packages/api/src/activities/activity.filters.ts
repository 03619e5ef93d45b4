import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../shared/graphql/global-id';
import { dayRange, timeRange } from '../shared/graphql/records';
import type { Ordering } from '../shared/pagination';
import { todayInShanghai } from '../shared/time/calendar';
import type { Visit } from './visits/visit.entity';
import type { Patrol } from './patrols/patrol.entity';
import type { Hazard } from './hazards/hazard.entity';
import type { Dispute } from './disputes/dispute.entity';
import type { Incident } from './incidents/incident.entity';
import type { ServiceRequest } from './service-requests/service-request.entity';
import type { Engagement } from './engagements/engagement.entity';
import type { Recognition } from './recognitions/recognition.entity';
import {
  HazardState,
  type DisputeFilter,
  type EngagementFilter,
  type HazardFilter,
  type IncidentFilter,
  type PatrolFilter,
  type RecognitionFilter,
  type ServiceRequestFilter,
  type VisitFilter,
} from './activity.inputs';

const latestFirst = (property: string): Ordering => [
  [property, 'desc'],
  ['id', 'desc'],
];

export const VISIT_ORDER = latestFirst('visitedOn');
export const PATROL_ORDER = latestFirst('patrolledOn');
export const HAZARD_ORDER = latestFirst('foundOn');
export const DISPUTE_ORDER = latestFirst('identifiedOn');
export const INCIDENT_ORDER = latestFirst('receivedAt');
export const SERVICE_REQUEST_ORDER = latestFirst('receivedAt');
export const ENGAGEMENT_ORDER = latestFirst('heldOn');
export const RECOGNITION_ORDER = latestFirst('receivedOn');

type Where = Record<string, unknown>;

function set(where: Where, key: string, value: unknown): void {
  if (value !== undefined) where[key] = value;
}

const inList = <T>(values: T[] | null | undefined): { $in: T[] } | undefined => (values?.length ? { $in: values } : undefined);

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

export function hazardWhere(filter?: HazardFilter | null, today = todayInShanghai()): FilterQuery<Hazard> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
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

export function disputeWhere(filter?: DisputeFilter | null): FilterQuery<Dispute> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.teamId) where.team = idOf(filter.teamId, 'Team', 'filter.teamId');
  if (filter?.enterpriseId) where.enterprises = { $some: { id: idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId') } };
  set(where, 'status', inList(filter?.statuses));
  set(where, 'category', inList(filter?.categories));
  set(where, 'escalationRisk', inList(filter?.escalationRisks));
  set(where, 'identifiedOn', dayRange(filter?.identifiedOn));
  return where as FilterQuery<Dispute>;
}

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

export function engagementWhere(filter?: EngagementFilter | null): FilterQuery<Engagement> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.enterpriseId) where.enterprises = { $some: { id: idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId') } };
  set(where, 'type', inList(filter?.types));
  set(where, 'heldOn', dayRange(filter?.heldOn));
  return where as FilterQuery<Engagement>;
}

export function recognitionWhere(filter?: RecognitionFilter | null): FilterQuery<Recognition> {
  const where: Where = {};
  if (filter?.parkId) where.enterprise = { park: idOf(filter.parkId, 'Park', 'filter.parkId') };
  if (filter?.enterpriseId) {
    const id = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
    where.enterprise = where.enterprise ? { id, ...(where.enterprise as Where) } : id;
  }
  if (filter?.officerId) where.officer = idOf(filter.officerId, 'Officer', 'filter.officerId');
  set(where, 'kind', inList(filter?.kinds));
  set(where, 'receivedOn', dayRange(filter?.receivedOn));
  return where as FilterQuery<Recognition>;
}
