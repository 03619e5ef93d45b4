import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, findForChange, findRecords } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertDayNotFuture, assertTimeNotFuture } from '../../shared/time/rules';
import { todayInShanghai } from '../../shared/time/calendar';
import { DomainValidationError } from '../../shared/validation';
import { InputErrorReason } from '../../shared/errors/reasons';
import { PoliceUnit } from '../../units/police-unit.entity';
import { Incident } from './incident.entity';
import type { RecordIncidentInput, UpdateIncidentInput } from './incident.inputs';
import { locate } from '../common/place';

type Timeline = 'dispatchedAt' | 'arrivedAt' | 'closedAt';
const TIMELINE: Timeline[] = ['dispatchedAt', 'arrivedAt', 'closedAt'];

async function units(em: EntityManager, ids: string[]): Promise<PoliceUnit[]> {
  return findRecords(em, PoliceUnit, ids, 'jointUnitIds', { active: true });
}

export async function recordIncident(em: EntityManager, input: RecordIncidentInput): Promise<Incident> {
  for (const field of ['receivedAt', ...TIMELINE] as const) assertTimeNotFuture(input[field], field);
  const { park, zone, enterprise } = await locate(em, input);
  const incident = em.create(Incident, {
    park,
    zone,
    enterprise,
    type: input.type,
    summary: input.summary,
    receivedAt: input.receivedAt,
    dispatchedAt: input.dispatchedAt ?? null,
    arrivedAt: input.arrivedAt ?? null,
    closedAt: input.closedAt ?? null,
    quickResponse: input.quickResponse,
    criminal: input.criminal,
    outcome: input.outcome,
  });
  if (input.clearedOn) clearCase(incident, input.clearedOn);
  incident.jointUnits.set(await units(em, input.jointUnitIds));
  return incident;
}

/** Records the day a criminal case was cleared (破案). */
function clearCase(incident: Incident, on: string): void {
  assertDayNotFuture(on, 'clearedOn');
  if (!incident.criminal) {
    throw new DomainValidationError('clearedOn', '只有刑事类警情可以破案 (only a criminal incident is cleared)', InputErrorReason.MISMATCH);
  }
  if (on < todayInShanghai(incident.receivedAt)) {
    throw new DomainValidationError('clearedOn', '破案日期不能早于接警 (cannot be before the report)', InputErrorReason.ORDER);
  }
  incident.clearedOn = on;
}

export async function updateIncident(em: EntityManager, input: UpdateIncidentInput): Promise<Incident> {
  const incident = await findForChange(em, Incident, input);
  // A case is often cleared long after the incident was closed: that alone may still be recorded.
  const onlyClearance = Object.entries(input).every(
    ([key, value]) => ['id', 'version', 'clearedOn', 'clientMutationId'].includes(key) || value == null,
  );
  if (incident.closedAt && !onlyClearance) throw invalidTransition('Incident', 'CLOSED', 'change a closed incident');
  if (input.clearedOn) clearCase(incident, input.clearedOn);
  if (incident.closedAt) return incident;
  for (const field of TIMELINE) {
    const value = input[field];
    if (value == null) continue;
    assertTimeNotFuture(value, field);
    const current = incident[field];
    if (current && current.getTime() !== value.getTime()) throw invalidTransition('Incident', `${field} recorded`, `change ${field}`);
    incident[field] = value;
  }
  if (input.jointUnitIds) incident.jointUnits.set(await units(em, input.jointUnitIds));
  return applyPatch(incident, {
    quickResponse: input.quickResponse ?? undefined,
    summary: input.summary ?? undefined,
    outcome: input.outcome ?? undefined,
  });
}
