import { InputErrorReason } from '../../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findForChange, findRecord } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Hazard, HazardSource } from './hazard.entity';
import { Patrol } from '../patrols/patrol.entity';
import { Visit } from '../visits/visit.entity';
import type { RectifyHazardInput, ReportHazardInput } from './hazard.inputs';
import { Team } from '../../teams/team.entity';
import { locate } from '../common/place';
import { organisationOf } from '../../organisations/organisation.service';

export async function reportHazard(em: EntityManager, input: ReportHazardInput): Promise<Hazard> {
  assertDayNotFuture(input.foundOn, 'foundOn');
  const { park, zone, enterprise } = await locate(em, input);
  if (!enterprise && !input.place.trim()) {
    throw new DomainValidationError(
      'place',
      '企业外的隐患须写明位置 (say where a hazard outside an enterprise is)',
      InputErrorReason.REQUIRED,
    );
  }
  if (input.patrolId && input.source !== HazardSource.PATROL) {
    throw new DomainValidationError(
      'patrolId',
      '只有巡逻发现的隐患才关联巡逻 (only a PATROL hazard names a patrol)',
      InputErrorReason.MISMATCH,
    );
  }
  if (input.visitId && input.source !== HazardSource.VISIT) {
    throw new DomainValidationError(
      'visitId',
      '只有走访发现的隐患才关联走访 (only a VISIT hazard names a visit)',
      InputErrorReason.MISMATCH,
    );
  }
  const patrol = input.patrolId ? await findRecord(em, Patrol, input.patrolId, 'patrolId') : null;
  if (patrol && (await em.findOneOrFail(Team, patrol.team.id)).park.id !== park.id) {
    throw new DomainValidationError('patrolId', '巡逻不在该园区 (the patrol was in another park)', InputErrorReason.MISMATCH);
  }
  const visit = input.visitId ? await findRecord(em, Visit, input.visitId, 'visitId') : null;
  if (visit && enterprise && visit.enterprise.id !== enterprise.id) {
    throw new DomainValidationError('visitId', '走访的企业与隐患企业不符 (the visit was to another enterprise)', InputErrorReason.MISMATCH);
  }
  const organisation = await organisationOf(em, input.organisationId, park);
  return em.create(Hazard, {
    park,
    zone,
    enterprise,
    organisation,
    place: input.place.trim(),
    source: input.source,
    patrol,
    visit,
    severity: input.severity,
    description: input.description,
    foundOn: input.foundOn,
    deadline: input.deadline,
    rectifiedOnSite: input.rectifiedOnSite,
    rectifiedOn: input.rectifiedOnSite ? input.foundOn : null,
  });
}

export async function rectifyHazard(em: EntityManager, input: RectifyHazardInput): Promise<Hazard> {
  assertDayNotFuture(input.rectifiedOn, 'rectifiedOn');
  const hazard = await findForChange(em, Hazard, input);
  if (hazard.rectifiedOn) throw invalidTransition('Hazard', 'RECTIFIED', 'rectify it again');
  hazard.rectifiedOn = input.rectifiedOn;
  return hazard;
}
