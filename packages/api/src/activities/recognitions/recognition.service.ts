import type { EntityManager } from '@mikro-orm/postgresql';
import { findRecord } from '../../shared/graphql/records';
import { assertDayNotFuture } from '../../shared/time/rules';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Recognition } from './recognition.entity';
import type { RecordRecognitionInput } from './recognition.inputs';

export async function recordRecognition(em: EntityManager, input: RecordRecognitionInput): Promise<Recognition> {
  assertDayNotFuture(input.receivedOn, 'receivedOn');
  const enterprise = await findRecord(em, Enterprise, input.enterpriseId, 'enterpriseId');
  const officer = input.officerId ? await findRecord(em, Officer, input.officerId, 'officerId') : null;
  const unit = input.unitId ? await findRecord(em, PoliceUnit, input.unitId, 'unitId') : null;
  return em.create(Recognition, { enterprise, kind: input.kind, receivedOn: input.receivedOn, officer, unit, message: input.message });
}
