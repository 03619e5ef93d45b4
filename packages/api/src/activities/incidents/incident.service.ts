import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, findForChange, findRecords } from '../../shared/graphql/records';
import { invalidTransition } from '../../shared/errors/domain-error';
import { assertTimeNotFuture } from '../../shared/time/rules';
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
    outcome: input.outcome,
  });
  incident.jointUnits.set(await units(em, input.jointUnitIds));
  return incident;
}

export async function updateIncident(em: EntityManager, input: UpdateIncidentInput): Promise<Incident> {
  const incident = await findForChange(em, Incident, input);
  if (incident.closedAt) throw invalidTransition('Incident', 'CLOSED', 'change a closed incident');
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
