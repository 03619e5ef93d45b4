import { InputErrorReason } from '../../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findForChange } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertTimeNotFuture } from '../../shared/time/rules';
import { todayInShanghai } from '../../shared/time/calendar';
import { loadWorkingCalendar } from '../../calendar/working-calendar';
import { DomainValidationError } from '../../shared/validation';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { ServiceChannel, ServiceRequest, ServiceRequestStatus } from './service-request.entity';
import type {
  AssignServiceRequestInput,
  EvaluateServiceRequestInput,
  ReceiveServiceRequestInput,
  ResolveServiceRequestInput,
  ServiceRequestStepInput,
} from './service-request.inputs';

/** Working days a request may take (办结时限). */
export const TIME_LIMIT_DAYS = { simple: 3, complex: 7 } as const;

export async function receiveServiceRequest(em: EntityManager, input: ReceiveServiceRequestInput): Promise<ServiceRequest> {
  assertTimeNotFuture(input.receivedAt, 'receivedAt');
  const enterprise = await findActive(em, Enterprise, input.enterpriseId, 'enterpriseId');
  if (input.channel === ServiceChannel.APPOINTMENT && !input.appointmentAt) {
    throw new DomainValidationError('appointmentAt', '预约办须填写预约时间 (an appointment needs its time)', InputErrorReason.REQUIRED);
  }
  // Working days on the published calendar: holidays off, make-up days worked (calendar_day).
  const dueAt =
    input.dueAt ??
    (await loadWorkingCalendar(em, todayInShanghai(input.receivedAt))).addWorkingDays(
      input.receivedAt,
      input.complex ? TIME_LIMIT_DAYS.complex : TIME_LIMIT_DAYS.simple,
    );
  return em.create(ServiceRequest, {
    park: enterprise.park,
    enterprise,
    kind: input.kind,
    channel: input.channel,
    source: input.source,
    description: input.description,
    complex: input.complex,
    receivedAt: input.receivedAt,
    dueAt,
    appointmentAt: input.appointmentAt ?? null,
  });
}

async function step(
  em: EntityManager,
  input: ServiceRequestStepInput,
  allowed: ServiceRequestStatus[],
  action: string,
): Promise<ServiceRequest> {
  assertTimeNotFuture(input.at, 'at');
  const request = await findForChange(em, ServiceRequest, input);
  if (!allowed.includes(request.status)) throw invalidTransition('ServiceRequest', request.status, action);
  return request;
}

/** RECEIVED or ASSIGNED → ASSIGNED */
export async function assignServiceRequest(em: EntityManager, input: AssignServiceRequestInput): Promise<ServiceRequest> {
  const request = await step(em, input, [ServiceRequestStatus.RECEIVED, ServiceRequestStatus.ASSIGNED], 'assign it');
  request.assignedUnit = await findActive(em, PoliceUnit, input.unitId, 'unitId');
  request.assignedAt = input.at;
  request.status = ServiceRequestStatus.ASSIGNED;
  return request;
}

/** ASSIGNED → IN_PROGRESS */
export async function startServiceRequest(em: EntityManager, input: ServiceRequestStepInput): Promise<ServiceRequest> {
  const request = await step(em, input, [ServiceRequestStatus.ASSIGNED], 'start work on it');
  request.startedAt = input.at;
  request.status = ServiceRequestStatus.IN_PROGRESS;
  return request;
}

/** ASSIGNED or IN_PROGRESS → RESOLVED */
export async function resolveServiceRequest(em: EntityManager, input: ResolveServiceRequestInput): Promise<ServiceRequest> {
  const request = await step(em, input, [ServiceRequestStatus.ASSIGNED, ServiceRequestStatus.IN_PROGRESS], 'resolve it');
  if (input.servedAt) assertTimeNotFuture(input.servedAt, 'servedAt');
  request.resolvedAt = input.at;
  request.resolution = input.resolution;
  request.servedAt = input.servedAt ?? request.servedAt ?? null;
  request.status = ServiceRequestStatus.RESOLVED;
  return request;
}

/** RESOLVED → EVALUATED: only a resolved request can be evaluated. */
export async function evaluateServiceRequest(em: EntityManager, input: EvaluateServiceRequestInput): Promise<ServiceRequest> {
  const request = await step(em, input, [ServiceRequestStatus.RESOLVED], 'evaluate it');
  request.evaluatedAt = input.at;
  request.satisfaction = input.satisfaction;
  request.status = ServiceRequestStatus.EVALUATED;
  return request;
}
