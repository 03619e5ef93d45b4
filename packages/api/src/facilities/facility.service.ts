import type { EntityManager } from '@mikro-orm/postgresql';
import { findActive, findForChange } from '../shared/graphql/records';
import { invalidTransition } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { assertDayNotFuture } from '../shared/time/rules';
import { DomainValidationError } from '../shared/validation';
import { Park } from '../parks/park.entity';
import { Facility } from './facility.entity';
import type { RecordFacilityInput, RemoveFacilityInput } from './facility.inputs';

export async function recordFacility(em: EntityManager, input: RecordFacilityInput): Promise<Facility> {
  assertDayNotFuture(input.installedOn, 'installedOn');
  const park = await findActive(em, Park, input.parkId, 'parkId');
  return em.create(Facility, {
    park,
    kind: input.kind,
    quantity: input.quantity,
    location: input.location.trim(),
    installedOn: input.installedOn,
  });
}

export async function removeFacility(em: EntityManager, input: RemoveFacilityInput): Promise<Facility> {
  const facility = await findForChange(em, Facility, input);
  if (facility.removedOn) throw invalidTransition('Facility', 'REMOVED', 'take it out of service again');
  assertDayNotFuture(input.removedOn, 'removedOn');
  if (input.removedOn < facility.installedOn) {
    throw new DomainValidationError(
      'removedOn',
      '停用日期不能早于投用日期 (cannot be before it came into service)',
      InputErrorReason.ORDER,
    );
  }
  facility.removedOn = input.removedOn;
  return facility;
}
