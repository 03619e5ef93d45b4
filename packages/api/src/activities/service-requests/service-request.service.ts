import { InputErrorReason } from '../../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findForChange } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertTimeNotFuture } from '../../shared/time/rules';
import { todayInShanghai } from '../../shared/time/calendar';
import { loadWorkingCalendar } from '../../calendar/working-calendar';
import { DomainValidationError } from '../../shared/validation';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { organisationOf } from '../../organisations/organisation.service';
import { PoliceUnit } from '../../units/police-unit.entity';
import { RequesterKind, ServiceChannel, ServiceRequest, ServiceRequestStatus } from './service-request.entity';
import { Park } from '../../parks/park.entity';
import { idOf } from '../../shared/graphql/global-id';
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
  const { enterprise, park } = await requesterPlace(em, input);
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
  const organisation = await organisationOf(em, input.organisationId, park);
  return em.create(ServiceRequest, {
    park,
    enterprise,
    organisation,
    requesterKind: input.requesterKind,
    requesterName: input.requesterName ?? null,
    requesterPhone: input.requesterPhone ?? null,
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

/** The enterprise (if any) and the park of a new request, checked against who asks. */
async function requesterPlace(
  em: EntityManager,
  input: ReceiveServiceRequestInput,
): Promise<{ enterprise: Enterprise | null; park: Park }> {
  if (input.requesterKind !== RequesterKind.PERSON && (input.requesterName || input.requesterPhone)) {
    throw new DomainValidationError(
      input.requesterName ? 'requesterName' : 'requesterPhone',
      '只有群众诉求记录诉求人姓名和电话 (a name or phone is recorded only for a person asking)',
      InputErrorReason.NOT_ALLOWED,
    );
  }
  if (!input.enterpriseId) {
    if (input.requesterKind === RequesterKind.ENTERPRISE) {
      throw new DomainValidationError(
        'enterpriseId',
        '企业诉求须指明企业 (an enterprise’s request names the enterprise)',
        InputErrorReason.REQUIRED,
      );
    }
    if (!input.parkId) {
      throw new DomainValidationError('parkId', '未指明企业时须指明园区 (without an enterprise, name the park)', InputErrorReason.REQUIRED);
    }
    return { enterprise: null, park: await findActive(em, Park, input.parkId, 'parkId') };
  }
  const enterprise = await findActive(em, Enterprise, input.enterpriseId, 'enterpriseId');
  if (input.parkId && idOf(input.parkId, 'Park', 'parkId') !== enterprise.park.id) {
    throw new DomainValidationError('parkId', '企业不在该园区 (the enterprise lies in another park)', InputErrorReason.MISMATCH);
  }
  return { enterprise, park: enterprise.park };
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
