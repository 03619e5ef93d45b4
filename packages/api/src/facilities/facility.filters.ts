import type { FilterQuery } from '@mikro-orm/core';
import { idOf } from '../shared/graphql/global-id';
import { inList, latestFirst, set, type Where } from '../activities/common/activity-filter';
import type { Facility } from './facility.entity';
import type { FacilityFilter } from './facility.inputs';

export const FACILITY_ORDER = latestFirst('installedOn');

export function facilityWhere(filter?: FacilityFilter | null): FilterQuery<Facility> {
  const where: Where = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  set(where, 'kind', inList(filter?.kinds));
  if (filter?.inServiceOn) {
    where.installedOn = { $lte: filter.inServiceOn };
    where.$or = [{ removedOn: null }, { removedOn: { $gt: filter.inServiceOn } }];
  }
  return where as FilterQuery<Facility>;
}
