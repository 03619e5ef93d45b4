import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, containing, findActive, findForChange, findRecord, findRecords } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { Ordering } from '../shared/pagination';
import { conflict, invalidTransition } from '../shared/errors/domain-error';
import { InputErrorReason, RecordErrorReason } from '../shared/errors/reasons';
import { assertDayNotFuture } from '../shared/time/rules';
import { DomainValidationError } from '../shared/validation';
import { Program } from '../programs/program.entity';
import { Park } from '../parks/park.entity';
import { Enterprise, PlaceKind } from '../enterprises/enterprise.entity';
import { Organisation, ParticipantRole, PlaceParticipant } from './organisation.entity';
import type {
  AddPlaceParticipantInput,
  CreateOrganisationInput,
  EndPlaceParticipantInput,
  OrganisationFilter,
  PlaceParticipantFilter,
  UpdateOrganisationInput,
} from './organisation.inputs';

export const ORGANISATION_ORDER: Ordering = [
  ['name', 'asc'],
  ['id', 'asc'],
];
/** The general contractor first, then those under it, in the order they came. */
export const PARTICIPANT_ORDER: Ordering = [
  ['joinedOn', 'asc'],
  ['id', 'asc'],
];

export function organisationWhere(filter?: OrganisationFilter | null): FilterQuery<Organisation> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.programId) where.program = idOf(filter.programId, 'Program', 'filter.programId');
  if (filter?.search?.trim()) {
    where.$or = [{ name: { $ilike: containing(filter.search) } }, { creditCode: { $ilike: containing(filter.search.toUpperCase()) } }];
  }
  return where as FilterQuery<Organisation>;
}

export function participantWhere(filter?: PlaceParticipantFilter | null): FilterQuery<PlaceParticipant> {
  const where: Record<string, unknown> = {};
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  if (filter?.organisationId) where.organisation = idOf(filter.organisationId, 'Organisation', 'filter.organisationId');
  if (filter?.role) where.role = filter.role;
  if (filter?.activeOn) {
    where.joinedOn = { $lte: filter.activeOn };
    where.$or = [{ leftOn: null }, { leftOn: { $gt: filter.activeOn } }];
  }
  return where as FilterQuery<PlaceParticipant>;
}

/** Refuses an organisation on another program's register than that of the park `parkId`. */
async function assertOnRegister(em: EntityManager, organisation: Organisation, parkId: number, field: string): Promise<void> {
  // From the identity map when the park is loaded already (a reference is only an id).
  const park = await em.findOneOrFail(Park, parkId);
  if (organisation.program.id !== park.program.id) {
    throw new DomainValidationError(
      field,
      '该单位不在此处所属项目的登记中 (the organisation is on another program’s register)',
      InputErrorReason.MISMATCH,
    );
  }
}

/** Organisations named by `field`: each on the register of the program `park` belongs to, not archived. */
export async function registered(em: EntityManager, ids: readonly string[], field: string, park: { id: number }): Promise<Organisation[]> {
  const found = await findRecords(em, Organisation, ids, field, { active: true });
  for (const [index, organisation] of found.entries()) await assertOnRegister(em, organisation, park.id, `${field}.${index}`);
  return found;
}

/** The organisation `id` names (null for none), on the register of `park`'s program, not archived. */
export async function organisationOf(em: EntityManager, id: string | null | undefined, park: { id: number }): Promise<Organisation | null> {
  if (!id) return null;
  const organisation = await findActive(em, Organisation, id, 'organisationId');
  await assertOnRegister(em, organisation, park.id, 'organisationId');
  return organisation;
}

export async function createOrganisation(em: EntityManager, input: CreateOrganisationInput): Promise<Organisation> {
  const program = await findActive(em, Program, input.programId, 'programId');
  return em.create(Organisation, { program, name: input.name.trim(), creditCode: input.creditCode });
}

export async function updateOrganisation(em: EntityManager, input: UpdateOrganisationInput): Promise<Organisation> {
  const organisation = await findForChange(em, Organisation, input);
  if (organisation.archivedAt) throw invalidTransition('Organisation', 'ARCHIVED', 'change an archived organisation');
  return applyPatch(organisation, { name: input.name?.trim(), creditCode: input.creditCode ?? undefined });
}

/** Whom each role may work under at the same place; null: under no one. */
const UNDER: Record<ParticipantRole, ParticipantRole[] | null> = {
  [ParticipantRole.GENERAL_CONTRACTOR]: null,
  [ParticipantRole.SUBCONTRACTOR]: [ParticipantRole.GENERAL_CONTRACTOR],
  [ParticipantRole.WORK_TEAM]: [ParticipantRole.GENERAL_CONTRACTOR, ParticipantRole.SUBCONTRACTOR],
  [ParticipantRole.LABOUR_DISPATCH]: [ParticipantRole.GENERAL_CONTRACTOR, ParticipantRole.SUBCONTRACTOR, ParticipantRole.WORK_TEAM],
};

async function parentOf(em: EntityManager, input: AddPlaceParticipantInput, place: Enterprise): Promise<PlaceParticipant | null> {
  const allowed = UNDER[input.role];
  if (!input.parentId) {
    // A labour-dispatch firm may serve the place itself; the builders below the general contractor may not.
    if (allowed === null || input.role === ParticipantRole.LABOUR_DISPATCH) return null;
    throw new DomainValidationError(
      'parentId',
      `${input.role} 须注明所属上级单位 (works under another participant)`,
      InputErrorReason.REQUIRED,
    );
  }
  if (allowed === null) {
    throw new DomainValidationError(
      'parentId',
      '总包不隶属其他单位 (a general contractor works under no one)',
      InputErrorReason.NOT_ALLOWED,
    );
  }
  const parent = await findRecord(em, PlaceParticipant, input.parentId, 'parentId');
  if (parent.enterprise.id !== place.id || !allowed.includes(parent.role)) {
    throw new DomainValidationError(
      'parentId',
      `上级单位须为本场所的 ${allowed.join('/')} (must be a ${allowed.join(' or ')} of the same place)`,
      InputErrorReason.MISMATCH,
    );
  }
  if (parent.leftOn) throw invalidTransition('PlaceParticipant', 'LEFT', 'take on work under it');
  if (input.joinedOn < parent.joinedOn) {
    throw new DomainValidationError(
      'joinedOn',
      '进场日期不能早于上级单位 (cannot be before the one it works under)',
      InputErrorReason.ORDER,
    );
  }
  return parent;
}

export async function addPlaceParticipant(em: EntityManager, input: AddPlaceParticipantInput): Promise<PlaceParticipant> {
  assertDayNotFuture(input.joinedOn, 'joinedOn');
  const place = await findActive(em, Enterprise, input.enterpriseId, 'enterpriseId');
  const organisation = await findActive(em, Organisation, input.organisationId, 'organisationId');
  const park = await em.findOneOrFail(Park, place.park.id);
  await assertOnRegister(em, organisation, park.id, 'organisationId');
  if (input.role === ParticipantRole.GENERAL_CONTRACTOR && place.kind !== PlaceKind.CONSTRUCTION_PROJECT) {
    throw new DomainValidationError(
      'role',
      '总包只在在建工地 (a general contractor only at a construction project)',
      InputErrorReason.MISMATCH,
    );
  }
  const parent = await parentOf(em, input, place);
  const active = await em.find(PlaceParticipant, { enterprise: place, leftOn: null });
  if (input.role === ParticipantRole.GENERAL_CONTRACTOR && active.some((p) => p.role === ParticipantRole.GENERAL_CONTRACTOR)) {
    throw conflict('该工地已有总包，请先办理退场 (the site has a general contractor; end it first)', {
      field: 'input.role',
      reason: RecordErrorReason.DUPLICATE,
    });
  }
  if (active.some((p) => p.organisation.id === organisation.id && p.role === input.role)) {
    throw conflict('该单位已以此身份在场 (the organisation is already there in this role)', {
      field: 'input.organisationId',
      reason: RecordErrorReason.DUPLICATE,
    });
  }
  return em.create(PlaceParticipant, { park, enterprise: place, organisation, role: input.role, parent, joinedOn: input.joinedOn });
}

/** Ends the participant and, on the same day, every one still working under it. */
export async function endPlaceParticipant(em: EntityManager, input: EndPlaceParticipantInput): Promise<PlaceParticipant> {
  const participant = await findForChange(em, PlaceParticipant, input);
  if (participant.leftOn) throw invalidTransition('PlaceParticipant', 'LEFT', 'end it again');
  assertDayNotFuture(input.leftOn, 'leftOn');
  if (input.leftOn < participant.joinedOn) {
    throw new DomainValidationError('leftOn', '退场日期不能早于进场日期 (cannot be before it started)', InputErrorReason.ORDER);
  }
  participant.leftOn = input.leftOn;
  let level = [participant];
  while (level.length) {
    const below = await em.find(PlaceParticipant, { parent: { $in: level.map((p) => p.id) }, leftOn: null });
    for (const child of below) child.leftOn = input.leftOn < child.joinedOn ? child.joinedOn : input.leftOn;
    level = below;
  }
  return participant;
}
