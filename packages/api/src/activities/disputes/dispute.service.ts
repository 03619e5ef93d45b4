import { ActivityErrorReason } from '../common/activity.errors';
import { InputErrorReason } from '../../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, findActive, findForChange, findRecords } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Team, TeamType } from '../../teams/team.entity';
import { Dispute, DisputeStatus, EscalationRisk, RiskOutcome } from './dispute.entity';
import type { DisputeStepInput, RecordDisputeInput, ResolveDisputeInput, UpdateDisputeInput } from './dispute.inputs';
import { locate } from '../common/place';
import { registered } from '../../organisations/organisation.service';

async function mediationTeam(em: EntityManager, teamId: string, parkId: number): Promise<Team> {
  const team = await findActive(em, Team, teamId, 'teamId');
  if (team.type !== TeamType.MEDIATION || team.park.id !== parkId) {
    throw new DomainValidationError('teamId', '须为本园区的矛盾纠纷联调队 (a mediation team of the park)', ActivityErrorReason.WRONG_TEAM);
  }
  return team;
}

export async function recordDispute(em: EntityManager, input: RecordDisputeInput): Promise<Dispute> {
  assertDayNotFuture(input.identifiedOn, 'identifiedOn');
  const { park, zone } = await locate(em, { parkId: input.parkId, zoneId: input.zoneId });
  const team = input.teamId ? await mediationTeam(em, input.teamId, park.id) : null;
  const loaded = await findRecords(em, Enterprise, input.enterpriseIds, 'enterpriseIds', { active: true });
  const enterprises: Enterprise[] = [];
  for (const [index, enterprise] of loaded.entries()) {
    if (enterprise.park.id !== park.id) {
      throw new DomainValidationError(
        `enterpriseIds.${index}`,
        '企业不在该园区 (the enterprise lies in another park)',
        ActivityErrorReason.OUTSIDE_PARK,
      );
    }
    enterprises.push(enterprise);
  }
  const dispute = em.create(Dispute, {
    park,
    zone,
    team,
    category: input.category,
    summary: input.summary,
    partiesCount: input.partiesCount,
    amountInvolved: input.amountInvolved ?? null,
    amountRecovered: input.amountRecovered ?? null,
    mediationMode: input.mediationMode ?? null,
    escalationRisk: input.escalationRisk,
    identifiedOn: input.identifiedOn,
  });
  dispute.enterprises.set(enterprises);
  dispute.organisations.set(await registered(em, input.organisationIds, 'organisationIds', park));
  return dispute;
}

export async function updateDispute(em: EntityManager, input: UpdateDisputeInput): Promise<Dispute> {
  const dispute = await findForChange(em, Dispute, input);
  if (input.teamId) dispute.team = await mediationTeam(em, input.teamId, dispute.park.id);
  applyPatch(dispute, {
    category: input.category ?? undefined,
    summary: input.summary ?? undefined,
    partiesCount: input.partiesCount ?? undefined,
    amountInvolved: input.amountInvolved ?? undefined,
    amountRecovered: input.amountRecovered ?? undefined,
    mediationMode: input.mediationMode ?? undefined,
    escalationRisk: input.escalationRisk ?? undefined,
    riskOutcome: input.riskOutcome ?? undefined,
  });
  if (dispute.escalationRisk === EscalationRisk.NONE && dispute.riskOutcome) {
    throw new DomainValidationError(
      'riskOutcome',
      '无升级风险的纠纷没有风险处置结果 (a dispute without risk has no risk outcome)',
      InputErrorReason.MISMATCH,
    );
  }
  return dispute;
}

async function step(em: EntityManager, input: DisputeStepInput, allowed: DisputeStatus[], action: string): Promise<Dispute> {
  assertDayNotFuture(input.on, 'on');
  const dispute = await findForChange(em, Dispute, input);
  if (!allowed.includes(dispute.status)) throw invalidTransition('Dispute', dispute.status, action);
  if (input.on < dispute.identifiedOn) {
    throw new DomainValidationError(
      'on',
      `不能早于排查日期 ${dispute.identifiedOn} (cannot be before the dispute was found)`,
      InputErrorReason.ORDER,
    );
  }
  return dispute;
}

/** IDENTIFIED → MEDIATING */
export async function startDisputeMediation(em: EntityManager, input: DisputeStepInput): Promise<Dispute> {
  const dispute = await step(em, input, [DisputeStatus.IDENTIFIED], 'start mediation');
  dispute.status = DisputeStatus.MEDIATING;
  dispute.mediationStartedOn = input.on;
  return dispute;
}

/** IDENTIFIED or MEDIATING → RESOLVED; a dispute settled on the spot starts and ends mediation the same day. */
export async function resolveDispute(em: EntityManager, input: ResolveDisputeInput): Promise<Dispute> {
  const dispute = await step(em, input, [DisputeStatus.IDENTIFIED, DisputeStatus.MEDIATING], 'resolve it (reopen it first)');
  if (input.riskOutcome && dispute.escalationRisk === EscalationRisk.NONE) {
    throw new DomainValidationError(
      'riskOutcome',
      '无升级风险的纠纷没有风险处置结果 (a dispute without risk has no risk outcome)',
      InputErrorReason.MISMATCH,
    );
  }
  dispute.mediationStartedOn ??= input.on;
  dispute.status = DisputeStatus.RESOLVED;
  dispute.resolvedOn = input.on;
  if (dispute.escalationRisk !== EscalationRisk.NONE) dispute.riskOutcome = input.riskOutcome ?? RiskOutcome.DEFUSED;
  return dispute;
}

/** IDENTIFIED or MEDIATING → ESCALATED (handed on to other authorities). */
export async function escalateDispute(em: EntityManager, input: DisputeStepInput): Promise<Dispute> {
  const dispute = await step(em, input, [DisputeStatus.IDENTIFIED, DisputeStatus.MEDIATING], 'escalate it');
  dispute.status = DisputeStatus.ESCALATED;
  dispute.escalatedOn = input.on;
  return dispute;
}

/** RESOLVED or ESCALATED → MEDIATING: the dispute flared up again. */
export async function reopenDispute(em: EntityManager, input: DisputeStepInput): Promise<Dispute> {
  const dispute = await step(em, input, [DisputeStatus.RESOLVED, DisputeStatus.ESCALATED], 'reopen it');
  const closedOn = dispute.resolvedOn ?? dispute.escalatedOn;
  if (closedOn && input.on < closedOn) {
    throw new DomainValidationError('on', `不能早于结案日期 ${closedOn} (cannot be before it was closed)`, InputErrorReason.ORDER);
  }
  dispute.status = DisputeStatus.MEDIATING;
  dispute.mediationStartedOn ??= input.on;
  dispute.resolvedOn = null;
  dispute.escalatedOn = null;
  if (dispute.riskOutcome === RiskOutcome.DEFUSED) dispute.riskOutcome = RiskOutcome.UNDER_CONTROL;
  return dispute;
}
