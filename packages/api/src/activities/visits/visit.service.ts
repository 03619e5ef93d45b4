import { InputErrorReason } from '../../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { activeReferences, applyPatch, findForChange } from '../../shared/graphql/records';
import { assertDayNotFuture } from '../../shared/time/rules';
import { DomainValidationError } from '../../shared/validation';
import { Enterprise } from '../../enterprises/enterprise.entity';
import { Officer } from '../../officers/officer.entity';
import { Visit } from './visit.entity';
import type { RecordVisitInput, UpdateVisitInput } from './visit.inputs';

export async function recordVisit(em: EntityManager, input: RecordVisitInput): Promise<Visit> {
  assertDayNotFuture(input.visitedOn, 'visitedOn');
  // The visit's most frequent write: both checked in one statement, neither loaded.
  const [officer, enterprise] = await activeReferences(em, [
    { entity: Officer, globalId: input.officerId, field: 'officerId' },
    { entity: Enterprise, globalId: input.enterpriseId, field: 'enterpriseId', read: ['joinedOn'] },
  ]);
  const joinedOn = enterprise.values.joinedOn!;
  if (input.visitedOn < joinedOn) {
    throw new DomainValidationError(
      'visitedOn',
      `走访日期早于企业纳入服务日期 ${joinedOn} (before the enterprise joined)`,
      InputErrorReason.ORDER,
    );
  }
  return em.create(Visit, {
    officer: officer.reference,
    enterprise: enterprise.reference,
    visitedOn: input.visitedOn,
    activities: input.activities,
    findings: input.findings,
  });
}

export async function updateVisit(em: EntityManager, input: UpdateVisitInput): Promise<Visit> {
  const visit = await findForChange(em, Visit, input);
  return applyPatch(visit, { activities: input.activities ?? undefined, findings: input.findings ?? undefined });
}
