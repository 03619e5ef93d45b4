import { PoliceUnitErrorReason } from './police-unit.errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, archive, containing, findActive, findForChange, findRecords } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput } from '../shared/graphql/inputs';
import type { Ordering } from '../shared/pagination';
import { DomainValidationError } from '../shared/validation';
import { Program } from '../programs/program.entity';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { countDependents } from '../shared/db/dependents';
import { conflict } from '../shared/errors/domain-error';
import { PoliceUnit } from './police-unit.entity';
import type { CreatePoliceUnitInput, PoliceUnitFilter, UpdatePoliceUnitInput } from './police-unit.inputs';

export const POLICE_UNIT_ORDER: Ordering = [
  ['kind', 'asc'],
  ['name', 'asc'],
  ['id', 'asc'],
];

export function policeUnitWhere(filter?: PoliceUnitFilter | null): FilterQuery<PoliceUnit> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.programId) where.program = idOf(filter.programId, 'Program', 'filter.programId');
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zones = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter?.search?.trim()) {
    where.$or = [{ name: { $ilike: containing(filter.search) } }, { specialism: { $ilike: containing(filter.search) } }];
  }
  return where as FilterQuery<PoliceUnit>;
}

async function zonesOf(em: EntityManager, park: Park | null | undefined, zoneIds: string[]): Promise<Zone[]> {
  const loaded = await findRecords(em, Zone, zoneIds, 'zoneIds');
  const zones: Zone[] = [];
  for (const [index, zone] of loaded.entries()) {
    if (!park || zone.park.id !== park.id) {
      throw new DomainValidationError(
        `zoneIds.${index}`,
        '辖区必须位于该单位所在园区 (a covered zone must lie in the unit’s park)',
        PoliceUnitErrorReason.OUTSIDE_PARK,
      );
    }
    zones.push(zone);
  }
  return zones;
}

export async function createPoliceUnit(em: EntityManager, input: CreatePoliceUnitInput): Promise<PoliceUnit> {
  const program = await findActive(em, Program, input.programId, 'programId');
  const park = input.parkId ? await findActive(em, Park, input.parkId, 'parkId') : null;
  if (park && park.program.id !== program.id) {
    throw new DomainValidationError(
      'parkId',
      '园区不属于该机制 (the park belongs to another program)',
      PoliceUnitErrorReason.OUTSIDE_PROGRAM,
    );
  }
  const unit = em.create(PoliceUnit, { program, name: input.name.trim(), kind: input.kind, specialism: input.specialism ?? null, park });
  unit.zones.set(await zonesOf(em, park, input.zoneIds));
  return unit;
}

export async function updatePoliceUnit(em: EntityManager, input: UpdatePoliceUnitInput): Promise<PoliceUnit> {
  const unit = await findForChange(em, PoliceUnit, input);
  applyPatch(unit, { name: input.name?.trim(), specialism: input.specialism });
  if (input.zoneIds) {
    const park = unit.park ? await em.findOneOrFail(Park, unit.park.id) : null;
    unit.zones.set(await zonesOf(em, park, input.zoneIds));
    unit.updatedAt = new Date();
  }
  return unit;
}

export async function archivePoliceUnit(em: EntityManager, input: ArchiveInput): Promise<PoliceUnit> {
  const unit = await findForChange(em, PoliceUnit, input);
  const officers = await countDependents(em, 'officer', 'unit_id', unit.id);
  if (officers > 0) {
    throw conflict(`该单位仍有 ${officers} 名在岗民警 (the unit still has ${officers} active officers)`, {
      field: 'id',
      reason: PoliceUnitErrorReason.HAS_ACTIVE_OFFICERS,
    });
  }
  return archive(unit);
}
