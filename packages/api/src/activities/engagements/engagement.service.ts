import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findRecord, findRecords } from '../../shared/graphql/records';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Engagement } from './engagement.entity';
import { Recognition } from '../recognitions/recognition.entity';
import type { RecordEngagementInput, RecordRecognitionInput } from './engagement.inputs';

export async function recordEngagement(em: EntityManager, input: RecordEngagementInput): Promise<Engagement> {
  assertDayNotFuture(input.heldOn, 'heldOn');
  const park = await findActive(em, Park, input.parkId, 'parkId');
  const organizer = input.organizerId ? await findActive(em, PoliceUnit, input.organizerId, 'organizerId') : null;
  const enterprises = await findRecords(em, Enterprise, input.enterpriseIds, 'enterpriseIds');
  for (const [index, enterprise] of enterprises.entries()) {
    if (enterprise.park.id !== park.id) {
      throw new DomainValidationError(`enterpriseIds.${index}`, '企业不在该园区 (the enterprise lies in another park)', 'OUTSIDE_PARK');
    }
  }
  const engagement = em.create(Engagement, {
    park,
    type: input.type,
    title: input.title,
    heldOn: input.heldOn,
    organizer,
    attendees: input.attendees,
  });
  engagement.enterprises.set(enterprises);
  return engagement;
}

export async function recordRecognition(em: EntityManager, input: RecordRecognitionInput): Promise<Recognition> {
  assertDayNotFuture(input.receivedOn, 'receivedOn');
  const enterprise = await findRecord(em, Enterprise, input.enterpriseId, 'enterpriseId');
  const officer = input.officerId ? await findRecord(em, Officer, input.officerId, 'officerId') : null;
  const unit = input.unitId ? await findRecord(em, PoliceUnit, input.unitId, 'unitId') : null;
  return em.create(Recognition, { enterprise, kind: input.kind, receivedOn: input.receivedOn, officer, unit, message: input.message });
}
