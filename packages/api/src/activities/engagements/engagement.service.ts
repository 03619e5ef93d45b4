import { ActivityErrorReason } from '../common/activity.errors';
import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findRecords } from '../../shared/graphql/records';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Park } from '../../parks/park.entity';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Engagement } from './engagement.entity';
import type { RecordEngagementInput } from './engagement.inputs';

export async function recordEngagement(em: EntityManager, input: RecordEngagementInput): Promise<Engagement> {
  assertDayNotFuture(input.heldOn, 'heldOn');
  const park = await findActive(em, Park, input.parkId, 'parkId');
  const organizer = input.organizerId ? await findActive(em, PoliceUnit, input.organizerId, 'organizerId') : null;
  const enterprises = await findRecords(em, Enterprise, input.enterpriseIds, 'enterpriseIds');
  for (const [index, enterprise] of enterprises.entries()) {
    if (enterprise.park.id !== park.id) {
      throw new DomainValidationError(
        `enterpriseIds.${index}`,
        '企业不在该园区 (the enterprise lies in another park)',
        ActivityErrorReason.OUTSIDE_PARK,
      );
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
