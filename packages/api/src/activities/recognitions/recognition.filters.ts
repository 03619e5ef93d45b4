import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../../shared/graphql/global-id';
import { dayRange } from '../../shared/graphql/records';
import { inList, latestFirst, set, type Where } from '../common/activity-filter';
import type { Recognition } from './recognition.entity';
import type { RecognitionFilter } from './recognition.inputs';

export const RECOGNITION_ORDER = latestFirst('receivedOn');

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
