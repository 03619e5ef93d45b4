import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, archive, containing, findActive, findForChange } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput } from '../shared/graphql/inputs';
import { direction, type Ordering } from '../shared/pagination';
import { Zone } from '../parks/zone.entity';
import { Park } from '../parks/park.entity';
import { invalidTransition } from '../shared/errors/domain-error';
import { Enterprise } from './enterprise.entity';
import {
  EnterpriseOrderField,
  type CreateEnterpriseInput,
  type EnterpriseFilter,
  type EnterpriseOrder,
  type UpdateEnterpriseInput,
} from './enterprise.inputs';

const ORDER_PROPERTY: Record<EnterpriseOrderField, string> = {
  NAME: 'name',
  JOINED_ON: 'joinedOn',
  EMPLOYEE_COUNT: 'employeeCount',
  CREATED_AT: 'createdAt',
};

export function enterpriseOrdering(order?: EnterpriseOrder | null): Ordering {
  const property = ORDER_PROPERTY[order?.field ?? EnterpriseOrderField.NAME];
  const dir = direction(order?.direction, 'asc');
  return [
    [property, dir],
    ['id', dir],
  ];
}

export function enterpriseWhere(filter?: EnterpriseFilter | null): FilterQuery<Enterprise> {
  const where: Record<string, unknown> = {};
  const all: Record<string, unknown>[] = [];
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter?.statuses?.length) where.status = { $in: filter.statuses };
  if (filter?.hazardousChemicals != null) where.hazardousChemicals = filter.hazardousChemicals;
  if (filter?.keyEnterprise != null) where.keyEnterprise = filter.keyEnterprise;
  if (filter?.liaisonOfficerId) {
    all.push({
      liaisonAssignments: { $some: { officer: idOf(filter.liaisonOfficerId, 'Officer', 'filter.liaisonOfficerId'), endsOn: null } },
    });
  }
  if (filter?.hasLiaisonOfficer != null) {
    all.push({ liaisonAssignments: { [filter.hasLiaisonOfficer ? '$some' : '$none']: { endsOn: null } } });
  }
  if (filter?.notVisitedSince) all.push({ visits: { $none: { visitedOn: { $gte: filter.notVisitedSince } } } });
  if (filter?.search?.trim()) {
    all.push({
      $or: [{ name: { $ilike: containing(filter.search) } }, { creditCode: { $ilike: containing(filter.search.toUpperCase()) } }],
    });
  }
  if (all.length) where.$and = all;
  return where as FilterQuery<Enterprise>;
}

async function placeIn(em: EntityManager, zoneId: string): Promise<{ zone: Zone; park: Park }> {
  const zone = await findActive(em, Zone, zoneId, 'zoneId');
  const park = await em.findOneOrFail(Park, zone.park.id);
  if (park.archivedAt) throw invalidTransition('Park', 'ARCHIVED', 'add enterprises to it');
  return { zone, park };
}

export async function createEnterprise(em: EntityManager, input: CreateEnterpriseInput): Promise<Enterprise> {
  const { zone, park } = await placeIn(em, input.zoneId);
  return em.create(Enterprise, {
    park,
    zone,
    name: input.name.trim(),
    kind: input.kind,
    creditCode: input.creditCode,
    industry: input.industry,
    employeeCount: input.employeeCount,
    hazardousChemicals: input.hazardousChemicals,
    keyEnterprise: input.keyEnterprise,
    status: input.status,
    contactPerson: input.contactPerson || null,
    contactPhone: input.contactPhone || null,
    joinedOn: input.joinedOn,
    liaisonGroupJoinedOn: input.liaisonGroupJoinedOn ?? null,
  });
}

export async function updateEnterprise(em: EntityManager, input: UpdateEnterpriseInput): Promise<Enterprise> {
  const enterprise = await findForChange(em, Enterprise, input);
  if (enterprise.archivedAt) throw invalidTransition('Enterprise', 'ARCHIVED', 'change an archived enterprise');
  if (input.zoneId) Object.assign(enterprise, await placeIn(em, input.zoneId));
  return applyPatch(enterprise, {
    name: input.name?.trim(),
    kind: input.kind ?? undefined,
    creditCode: input.creditCode ?? undefined,
    industry: input.industry ?? undefined,
    employeeCount: input.employeeCount ?? undefined,
    hazardousChemicals: input.hazardousChemicals ?? undefined,
    keyEnterprise: input.keyEnterprise ?? undefined,
    status: input.status ?? undefined,
    contactPerson: input.contactPerson === undefined || input.contactPerson === null ? undefined : input.contactPerson || null,
    contactPhone: input.contactPhone === undefined || input.contactPhone === null ? undefined : input.contactPhone || null,
    liaisonGroupJoinedOn: input.liaisonGroupJoinedOn ?? undefined,
  });
}

/** Archiving ends the enterprise's current liaison assignment on the same day. */
export async function archiveEnterprise(em: EntityManager, input: ArchiveInput, today: string): Promise<Enterprise> {
  const enterprise = archive(await findForChange(em, Enterprise, input));
  const [current] = await enterprise.liaisonAssignments.matching({ where: { endsOn: null } });
  if (current) current.endsOn = current.startsOn > today ? current.startsOn : today;
  return enterprise;
}
