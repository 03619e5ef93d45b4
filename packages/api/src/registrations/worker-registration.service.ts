import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findForChange, findRecord } from '../shared/graphql/records';
import { invalidTransition } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { assertDayNotFuture } from '../shared/time/rules';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { WorkerRegistration } from './worker-registration.entity';
import type { CheckWorkerRegistrationInput, EndWorkerRegistrationInput, RegisterWorkerInput } from './worker-registration.inputs';

export async function registerWorker(em: EntityManager, input: RegisterWorkerInput): Promise<WorkerRegistration> {
  assertDayNotFuture(input.registeredOn, 'registeredOn');
  const park = await findActive(em, Park, input.parkId, 'parkId');
  const enterprise = input.enterpriseId ? await findRecord(em, Enterprise, input.enterpriseId, 'enterpriseId') : null;
  if (enterprise && enterprise.park.id !== park.id) {
    throw new DomainValidationError('enterpriseId', '该单位不在此处 (the organisation is at another place)', InputErrorReason.MISMATCH);
  }
  return em.create(WorkerRegistration, { park, enterprise, registeredOn: input.registeredOn });
}

function assertFrom(registration: WorkerRegistration, day: string, field: string): void {
  assertDayNotFuture(day, field);
  if (day < registration.registeredOn) {
    throw new DomainValidationError(field, `${field} 不能早于登记日期 (cannot be before the registration)`, InputErrorReason.ORDER);
  }
}

export async function checkWorkerRegistration(em: EntityManager, input: CheckWorkerRegistrationInput): Promise<WorkerRegistration> {
  const registration = await findForChange(em, WorkerRegistration, input);
  assertFrom(registration, input.checkedOn, 'checkedOn');
  if (registration.checkedOn && input.checkedOn < registration.checkedOn) {
    throw new DomainValidationError('checkedOn', '不能早于上次核查 (cannot be before the latest check)', InputErrorReason.ORDER);
  }
  registration.checkedOn = input.checkedOn;
  registration.accurate = input.accurate;
  return registration;
}

export async function endWorkerRegistration(em: EntityManager, input: EndWorkerRegistrationInput): Promise<WorkerRegistration> {
  const registration = await findForChange(em, WorkerRegistration, input);
  if (registration.leftOn) throw invalidTransition('WorkerRegistration', 'LEFT', 'end it again');
  assertFrom(registration, input.leftOn, 'leftOn');
  registration.leftOn = input.leftOn;
  return registration;
}
