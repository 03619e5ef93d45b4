import { ParkErrorReason } from './park.errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, archive, containing, findActive, findForChange } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput } from '../shared/graphql/inputs';
import type { Ordering } from '../shared/pagination';
import { conflict } from '../shared/errors/domain-error';
import { Program } from '../programs/program.entity';
import { countDependents } from '../shared/db/dependents';
import { Park } from './park.entity';
import { Zone } from './zone.entity';
import type { CreateParkInput, CreateZoneInput, ParkFilter, UpdateParkInput, UpdateZoneInput, ZoneFilter } from './park.inputs';

export const PARK_ORDER: Ordering = [
  ['name', 'asc'],
  ['id', 'asc'],
];
export const ZONE_ORDER: Ordering = [
  ['name', 'asc'],
  ['id', 'asc'],
];

export function parkWhere(filter?: ParkFilter | null): FilterQuery<Park> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.programId) where.program = idOf(filter.programId, 'Program', 'filter.programId');
  if (filter?.search?.trim())
    where.$or = [{ name: { $ilike: containing(filter.search) } }, { region: { $ilike: containing(filter.search) } }];
  return where as FilterQuery<Park>;
}

export function zoneWhere(filter?: ZoneFilter | null): FilterQuery<Zone> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.search?.trim()) where.name = { $ilike: containing(filter.search) };
  return where as FilterQuery<Zone>;
}

export async function createPark(em: EntityManager, input: CreateParkInput): Promise<Park> {
  const program = await findActive(em, Program, input.programId, 'programId');
  return em.create(Park, { program, name: input.name.trim(), level: input.level, region: input.region, startsOn: input.startsOn ?? null });
}

export async function updatePark(em: EntityManager, input: UpdateParkInput): Promise<Park> {
  const park = await findForChange(em, Park, input);
  return applyPatch(park, { name: input.name?.trim(), level: input.level, region: input.region, startsOn: input.startsOn });
}

export async function archivePark(em: EntityManager, input: ArchiveInput): Promise<Park> {
  const park = await findForChange(em, Park, input);
  const active = await countDependents(em, 'enterprise', 'park_id', park.id);
  if (active > 0) {
    throw conflict(`园区仍有 ${active} 家在册企业，请先迁出或归档 (the park still has ${active} active enterprises)`, {
      field: 'id',
      reason: ParkErrorReason.HAS_ACTIVE_ENTERPRISES,
    });
  }
  return archive(park);
}

export async function createZone(em: EntityManager, input: CreateZoneInput): Promise<Zone> {
  const park = await findActive(em, Park, input.parkId, 'parkId');
  return em.create(Zone, { park, name: input.name.trim() });
}

export async function updateZone(em: EntityManager, input: UpdateZoneInput): Promise<Zone> {
  return applyPatch(await findForChange(em, Zone, input), { name: input.name?.trim() });
}

export async function archiveZone(em: EntityManager, input: ArchiveInput): Promise<Zone> {
  const zone = await findForChange(em, Zone, input);
  const active = await countDependents(em, 'enterprise', 'zone_id', zone.id);
  if (active > 0) {
    throw conflict(`片区仍有 ${active} 家在册企业 (the zone still has ${active} active enterprises)`, {
      field: 'id',
      reason: ParkErrorReason.HAS_ACTIVE_ENTERPRISES,
    });
  }
  return archive(zone);
}
