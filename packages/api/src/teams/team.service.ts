import { TeamErrorReason } from './team.errors';
import { InputErrorReason } from '../shared/errors/reasons';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, archive, findActive, findForChange } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput } from '../shared/graphql/inputs';
import type { Ordering } from '../shared/pagination';
import { conflict, invalidTransition } from '../shared/errors/domain-error';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { Officer } from '../officers/officer.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Team } from './team.entity';
import { TeamMember, TeamMemberKind } from './team-member.entity';
import type {
  AddTeamMemberInput,
  CreateTeamInput,
  RemoveTeamMemberInput,
  TeamFilter,
  TeamMemberFilter,
  UpdateTeamInput,
} from './team.inputs';

export const TEAM_ORDER: Ordering = [
  ['type', 'asc'],
  ['name', 'asc'],
  ['id', 'asc'],
];
export const TEAM_MEMBER_ORDER: Ordering = [
  ['joinedOn', 'asc'],
  ['id', 'asc'],
];

export function teamWhere(filter?: TeamFilter | null): FilterQuery<Team> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeArchived) where.archivedAt = null;
  if (filter?.parkId) where.park = idOf(filter.parkId, 'Park', 'filter.parkId');
  if (filter?.zoneId) where.zone = idOf(filter.zoneId, 'Zone', 'filter.zoneId');
  if (filter?.types?.length) where.type = { $in: filter.types };
  return where as FilterQuery<Team>;
}

export function teamMemberWhere(filter?: TeamMemberFilter | null): FilterQuery<TeamMember> {
  const where: Record<string, unknown> = {};
  if (filter?.current != null) where.leftOn = filter.current ? null : { $ne: null };
  if (filter?.kinds?.length) where.kind = { $in: filter.kinds };
  return where as FilterQuery<TeamMember>;
}

async function zoneOfPark(em: EntityManager, park: Park, zoneId: string | null | undefined): Promise<Zone | null> {
  if (!zoneId) return null;
  const zone = await findActive(em, Zone, zoneId, 'zoneId');
  if (zone.park.id !== park.id)
    throw new DomainValidationError('zoneId', '片区不属于该园区 (the zone lies in another park)', TeamErrorReason.OUTSIDE_PARK);
  return zone;
}

export async function createTeam(em: EntityManager, input: CreateTeamInput): Promise<Team> {
  const park = await findActive(em, Park, input.parkId, 'parkId');
  const zone = await zoneOfPark(em, park, input.zoneId);
  return em.create(Team, { park, zone, name: input.name.trim(), type: input.type });
}

export async function updateTeam(em: EntityManager, input: UpdateTeamInput): Promise<Team> {
  const team = await findForChange(em, Team, input);
  if (team.archivedAt) throw invalidTransition('Team', 'ARCHIVED', 'change a disbanded team');
  if (input.zoneId !== undefined) team.zone = await zoneOfPark(em, await em.findOneOrFail(Park, team.park.id), input.zoneId);
  return applyPatch(team, { name: input.name?.trim() });
}

export async function archiveTeam(em: EntityManager, input: ArchiveInput): Promise<Team> {
  return archive(await findForChange(em, Team, input));
}

export async function addTeamMember(em: EntityManager, input: AddTeamMemberInput): Promise<TeamMember> {
  const team = await findActive(em, Team, input.teamId, 'teamId');
  const isOfficer = input.kind === TeamMemberKind.OFFICER;
  if (isOfficer !== Boolean(input.officerId)) {
    throw new DomainValidationError(
      'officerId',
      '民警队员须填写民警，其他队员不填 (give an officer for kind OFFICER, and only then)',
      InputErrorReason.REQUIRED,
    );
  }
  if (!isOfficer && !input.name?.trim())
    throw new DomainValidationError('name', '请填写队员姓名 (name the member)', InputErrorReason.REQUIRED);
  if (input.kind === TeamMemberKind.ENTERPRISE_GUARD && !input.enterpriseId) {
    throw new DomainValidationError('enterpriseId', '企业保安须注明所属企业 (a guard needs the enterprise)', InputErrorReason.REQUIRED);
  }
  const officer = input.officerId ? await findActive(em, Officer, input.officerId, 'officerId') : null;
  const enterprise = input.enterpriseId ? await findActive(em, Enterprise, input.enterpriseId, 'enterpriseId') : null;
  if (officer && (await em.count(TeamMember, { team, officer, leftOn: null })) > 0) {
    throw conflict('该民警已在队中 (the officer is already a member)', { field: 'officerId', reason: TeamErrorReason.ALREADY_MEMBER });
  }
  return em.create(TeamMember, {
    team,
    kind: input.kind,
    officer,
    enterprise,
    name: isOfficer ? null : input.name?.trim(),
    phone: input.phone || null,
    joinedOn: input.joinedOn,
  });
}

export async function removeTeamMember(em: EntityManager, input: RemoveTeamMemberInput): Promise<TeamMember> {
  const member = await findForChange(em, TeamMember, input);
  if (member.leftOn) throw invalidTransition('TeamMember', 'LEFT', 'remove a member again');
  member.leftOn = input.leftOn;
  return member;
}
