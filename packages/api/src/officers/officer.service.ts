import { OfficerErrorReason } from './officer.errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, archive, containing, findActive, findForChange } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput } from '../shared/graphql/inputs';
import type { Ordering } from '../shared/pagination';
import { orderedBy } from '../shared/pagination/order';
import { conflict } from '../shared/errors/domain-error';
import { PoliceUnit } from '../units/police-unit.entity';
import { countDependents } from '../shared/db/dependents';
import { Officer } from './officer.entity';
import {
  OfficerOrderField,
  type CreateOfficerInput,
  type OfficerFilter,
  type OfficerOrder,
  type UpdateOfficerInput,
} from './officer.inputs';

const OFFICER_ORDER_PROPERTY: Record<OfficerOrderField, string> = { NAME: 'name' };

/** The officers' order: by name unless asked otherwise. */
export function officerOrdering(order?: OfficerOrder | null): Ordering {
  return orderedBy(OFFICER_ORDER_PROPERTY[order?.field ?? OfficerOrderField.NAME], order?.direction);
}

export function officerWhere(filter?: OfficerFilter | null): FilterQuery<Officer> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.unitId) where.unit = idOf(filter.unitId, 'PoliceUnit', 'filter.unitId');
  const unit: Record<string, unknown> = {};
  if (filter?.programId) unit.program = idOf(filter.programId, 'Program', 'filter.programId');
  if (filter?.parkId) unit.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (Object.keys(unit).length) where.unit = where.unit ? { id: where.unit, ...unit } : unit;
  if (filter?.search?.trim())
    where.$or = [{ name: { $ilike: containing(filter.search) } }, { title: { $ilike: containing(filter.search) } }];
  return where as FilterQuery<Officer>;
}

export async function createOfficer(em: EntityManager, input: CreateOfficerInput): Promise<Officer> {
  const unit = await findActive(em, PoliceUnit, input.unitId, 'unitId');
  return em.create(Officer, {
    unit,
    name: input.name.trim(),
    badgeNumber: input.badgeNumber,
    phone: input.phone || null,
    title: input.title,
  });
}

export async function updateOfficer(em: EntityManager, input: UpdateOfficerInput): Promise<Officer> {
  const officer = await findForChange(em, Officer, input);
  if (input.unitId) officer.unit = await findActive(em, PoliceUnit, input.unitId, 'unitId');
  return applyPatch(officer, {
    name: input.name?.trim(),
    phone: input.phone === undefined || input.phone === null ? undefined : input.phone || null,
    title: input.title ?? undefined,
  });
}

export async function archiveOfficer(em: EntityManager, input: ArchiveInput): Promise<Officer> {
  const officer = await findForChange(em, Officer, input);
  const current = await countDependents(em, 'liaison_assignment', 'officer_id', officer.id, 'ends_on IS NULL');
  if (current > 0) {
    throw conflict(`该民警仍挂钩 ${current} 家企业，请先改派 (the officer still looks after ${current} enterprises; reassign them first)`, {
      field: 'id',
      reason: OfficerErrorReason.HAS_CURRENT_ASSIGNMENTS,
    });
  }
  return archive(officer);
}
