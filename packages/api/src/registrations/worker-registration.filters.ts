import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../shared/graphql/global-id';
import { latestFirst, type Where } from '../activities/common/activity-filter';
import type { WorkerRegistration } from './worker-registration.entity';
import type { WorkerRegistrationFilter } from './worker-registration.inputs';

export const REGISTRATION_ORDER = latestFirst('registeredOn');

export function registrationWhere(filter?: WorkerRegistrationFilter | null): FilterQuery<WorkerRegistration> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.presentOn) {
    where.registeredOn = { $lte: filter.presentOn };
    where.$or = [{ leftOn: null }, { leftOn: { $gt: filter.presentOn } }];
  }
  return where as FilterQuery<WorkerRegistration>;
}
