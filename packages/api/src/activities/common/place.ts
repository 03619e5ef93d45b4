import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Park } from '../../parks/park.entity';
import { Zone } from '../../parks/zone.entity';
import { InputErrorReason } from '../../shared/errors/reasons';
import { findActive } from '../../shared/graphql/records';
import { DomainValidationError } from '../../shared/validation';

/** Where a record is: from its enterprise, else its zone, else its park; the parts must agree. */
export async function locate(
  em: EntityManager,
  ids: { enterpriseId?: string | null; zoneId?: string | null; parkId?: string | null },
): Promise<{ park: Park; zone: Zone | null; enterprise: Enterprise | null }> {
  const enterprise = ids.enterpriseId ? await findActive(em, Enterprise, ids.enterpriseId, 'enterpriseId') : null;
  let zone = ids.zoneId ? await findActive(em, Zone, ids.zoneId, 'zoneId') : null;
  if (enterprise && zone && enterprise.zone.id !== zone.id) {
    throw new DomainValidationError('zoneId', '片区与企业所在片区不符 (the enterprise lies in another zone)', InputErrorReason.MISMATCH);
  }
  zone ??= enterprise ? await em.findOneOrFail(Zone, enterprise.zone.id) : null;
  const parkId = enterprise?.park.id ?? zone?.park.id;
  if (ids.parkId) {
    const park = await findActive(em, Park, ids.parkId, 'parkId');
    if (parkId && parkId !== park.id)
      throw new DomainValidationError('parkId', '园区与片区或企业不符 (zone or enterprise lie in another park)', InputErrorReason.MISMATCH);
    return { park, zone, enterprise };
  }
  if (!parkId)
    throw new DomainValidationError('parkId', '请指明企业、片区或园区 (name the enterprise, zone or park)', InputErrorReason.REQUIRED);
  return { park: await em.findOneOrFail(Park, parkId), zone, enterprise };
}
