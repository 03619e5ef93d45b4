import { InputErrorReason } from '../shared/errors/reasons';
import { LiaisonErrorReason } from './liaison-assignment.errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findForChange, findRecords } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { Ordering } from '../shared/pagination';
import { conflict, invalidTransition } from '../shared/errors/domain-error';
import { DomainValidationError } from '../shared/validation';
import { addDays } from '../shared/time/calendar';
import { Enterprise } from '../enterprises/enterprise.entity';
import { PoliceUnit, PoliceUnitKind } from '../units/police-unit.entity';
import { LiaisonAssignment } from './liaison-assignment.entity';
import { Officer } from '../officers/officer.entity';
import type { AssignLiaisonOfficerInput, EndLiaisonAssignmentInput, LiaisonAssignmentFilter } from './liaison-assignment.inputs';

export const LIAISON_ASSIGNMENT_ORDER: Ordering = [
  ['startsOn', 'desc'],
  ['id', 'desc'],
];

export function liaisonAssignmentWhere(filter?: LiaisonAssignmentFilter | null): FilterQuery<LiaisonAssignment> {
  const where: Record<string, unknown> = {};
  if (filter?.enterpriseId) where.enterprise = idOf(filter.enterpriseId, 'Enterprise', 'filter.enterpriseId');
  if (filter?.officerId) where.officer = idOf(filter.officerId, 'Officer', 'filter.officerId');
  if (filter?.current != null) where.endsOn = filter.current ? null : { $ne: null };
  if (filter?.activeOn) {
    where.startsOn = { $lte: filter.activeOn };
    where.$or = [{ endsOn: null }, { endsOn: { $gte: filter.activeOn } }];
  }
  return where as FilterQuery<LiaisonAssignment>;
}

/**
 * Assigns the liaison officer from `startsOn`: the current assignment, if any, ends the day before,
 * so the enterprise's history stays one unbroken line of spans.
 */
export async function assignLiaisonOfficer(em: EntityManager, input: AssignLiaisonOfficerInput): Promise<LiaisonAssignment> {
  const enterprise = await findActive(em, Enterprise, input.enterpriseId, 'enterpriseId');
  const officer = await findActive(em, Officer, input.officerId, 'officerId');
  const loaded = await findRecords(em, PoliceUnit, input.supportingBranchIds, 'supportingBranchIds', { active: true });
  const branches: PoliceUnit[] = [];
  for (const [index, unit] of loaded.entries()) {
    if (unit.kind !== PoliceUnitKind.BRANCH) {
      throw new DomainValidationError(
        `supportingBranchIds.${index}`,
        '支撑单位应为警种 (a supporting unit must be a branch)',
        LiaisonErrorReason.NOT_A_BRANCH,
      );
    }
    branches.push(unit);
  }
  const current = await em.findOne(LiaisonAssignment, { enterprise, endsOn: null });
  if (current) {
    if (current.officer.id === officer.id) {
      throw conflict('该民警已是这家企业的护航警官 (the officer already looks after this enterprise)', {
        field: 'officerId',
        reason: LiaisonErrorReason.ALREADY_ASSIGNED,
      });
    }
    if (input.startsOn <= current.startsOn) {
      throw new DomainValidationError(
        'startsOn',
        `新的挂钩须晚于当前挂钩的开始日 ${current.startsOn} (must start after the current assignment began)`,
        InputErrorReason.ORDER,
      );
    }
    current.endsOn = addDays(input.startsOn, -1);
    // End the current span before the new one exists: one current assignment per enterprise.
    await em.flush();
  }
  const assignment = em.create(LiaisonAssignment, { enterprise, officer, startsOn: input.startsOn, endsOn: null });
  assignment.supportingBranches.set(branches);
  return assignment;
}

export async function endLiaisonAssignment(em: EntityManager, input: EndLiaisonAssignmentInput): Promise<LiaisonAssignment> {
  const assignment = await findForChange(em, LiaisonAssignment, input);
  if (assignment.endsOn) throw invalidTransition('LiaisonAssignment', 'ENDED', 'end it again');
  assignment.endsOn = input.endsOn;
  return assignment;
}
