import {
  EngagementRegisterDocument,
  IncidentRegisterDocument,
  PatrolRegisterDocument,
  RecognitionRegisterDocument,
  VisitRegisterDocument,
} from '../../generated/admin-operations';
import type { Document } from '../../internal/client';
import type { ExportColumn } from '../../internal/list-export';
import { monthsEnding } from '../../internal/period';
import type { Translation } from '../../translations/zh-CN';
import type { ActivityRegisterWords, Register } from './activity-register.words';

/** A register's answer: every kind's query lists under the alias `list`. */
export interface RegisterData {
  list: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor?: string | null };
    nodes: Array<{ id: string } & Record<string, unknown>>;
  };
}

export interface RegisterVariables {
  filter: Record<string, unknown>;
  first?: number;
  after?: string | null;
}

/** A column: its header, where its value lies in a record (dotted; through a list, every value), and how it reads. */
export interface RegisterColumn {
  header: string;
  path: string;
  labels?: Record<string, string>;
  as?: 'date' | 'time' | 'number';
  /** A time shown without its day when it falls on the Beijing day of the time at this path. */
  sameDayAs?: string;
}

interface RegisterKind {
  document: Document<RegisterData, RegisterVariables>;
  /** The list's filter for a park (null: every park the user may read) and a month (`YYYY-MM`, null: all). */
  filter(parkId: string | null, month: string | null): Record<string, unknown>;
  columns(t: Translation, w: ActivityRegisterWords): RegisterColumn[];
}

/** A month as a range of days, first and last included. */
const days = (month: string) => monthsEnding(month, 1);

/** A month as a range of instants, Beijing time, the end excluded. */
function instants(month: string) {
  const { from, to } = days(month);
  const after = new Date(Date.parse(`${to}T00:00:00+08:00`) + 86_400_000).toISOString();
  return { from: new Date(`${from}T00:00:00+08:00`).toISOString(), to: after };
}

const yesNo = (w: ActivityRegisterWords) => ({ true: w.yes, false: w.no });

export const REGISTER_KINDS: Record<Register, RegisterKind> = {
  VISITS: {
    document: VisitRegisterDocument as never,
    filter: (parkId, month) => ({ parkId, on: month ? days(month) : null }),
    columns: (t) => [
      { header: t.visit.visitedOn, path: 'visitedOn', as: 'date' },
      { header: t.visit.enterprise, path: 'enterprise.name' },
      { header: t.visit.officer, path: 'officer.name' },
      { header: t.visit.activities, path: 'activities', labels: t.visit.activityNames },
      { header: t.visit.findings, path: 'findings' },
    ],
  },
  PATROLS: {
    document: PatrolRegisterDocument as never,
    filter: (parkId, month) => ({ parkId, on: month ? days(month) : null }),
    columns: (t) => [
      { header: t.patrol.patrolledOn, path: 'patrolledOn', as: 'date' },
      { header: t.patrol.team, path: 'team.name' },
      { header: t.patrol.zone, path: 'zone.name' },
      { header: t.patrol.kind, path: 'kind', labels: t.patrol.kinds },
      { header: t.patrol.personTimes, path: 'personTimes', as: 'number' },
      { header: t.patrol.suspiciousPersonsChecked, path: 'suspiciousPersonsChecked', as: 'number' },
      { header: t.patrol.suspiciousVehiclesChecked, path: 'suspiciousVehiclesChecked', as: 'number' },
      { header: t.patrol.peopleAssisted, path: 'peopleAssisted', as: 'number' },
      { header: t.patrol.hazardsFound, path: 'hazardsFound', as: 'number' },
      { header: t.patrol.notes, path: 'notes' },
    ],
  },
  INCIDENTS: {
    document: IncidentRegisterDocument as never,
    filter: (parkId, month) => ({ parkId, receivedAt: month ? instants(month) : null }),
    columns: (t, w) => [
      { header: t.incidentForm.receivedAt, path: 'receivedAt', as: 'time' },
      { header: t.incidentForm.type, path: 'type', labels: t.incidentForm.types },
      { header: t.incidentForm.enterprise, path: 'enterprise.name' },
      { header: t.incidentForm.zone, path: 'zone.name' },
      { header: t.incidentForm.dispatchedAt, path: 'dispatchedAt', as: 'time', sameDayAs: 'receivedAt' },
      { header: t.incidentForm.arrivedAt, path: 'arrivedAt', as: 'time', sameDayAs: 'receivedAt' },
      { header: t.incidentForm.closedAt, path: 'closedAt', as: 'time', sameDayAs: 'receivedAt' },
      { header: w.responseMinutes, path: 'responseMinutes', as: 'number' },
      { header: t.incidentForm.quickResponse, path: 'quickResponse', labels: yesNo(w) },
      { header: t.incidentForm.jointUnits, path: 'jointUnits.name' },
      { header: t.incidentForm.summary, path: 'summary' },
      { header: t.incidentForm.outcome, path: 'outcome' },
    ],
  },
  ENGAGEMENTS: {
    document: EngagementRegisterDocument as never,
    filter: (parkId, month) => ({ parkId, heldOn: month ? days(month) : null }),
    columns: (t) => [
      { header: t.engagementForm.heldOn, path: 'heldOn', as: 'date' },
      { header: t.engagementForm.type, path: 'type', labels: t.engagementForm.types },
      { header: t.engagementForm.name, path: 'title' },
      { header: t.engagementForm.attendees, path: 'attendees', as: 'number' },
      { header: t.engagementForm.organizer, path: 'organizer.name' },
      { header: t.engagementForm.enterprises, path: 'enterprises.name' },
    ],
  },
  RECOGNITIONS: {
    document: RecognitionRegisterDocument as never,
    filter: (parkId, month) => ({ parkId, receivedOn: month ? days(month) : null }),
    columns: (t) => [
      { header: t.recognitionForm.receivedOn, path: 'receivedOn', as: 'date' },
      { header: t.recognitionForm.kind, path: 'kind', labels: t.recognitionForm.kinds },
      { header: t.recognitionForm.enterprise, path: 'enterprise.name' },
      { header: t.recognitionForm.officer, path: 'officer.name' },
      { header: t.recognitionForm.unit, path: 'unit.name' },
      { header: t.recognitionForm.message, path: 'message' },
    ],
  },
};

/** The values at a column's path in a record: one, or through a list every one; none when absent. */
export function valuesAt(record: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(record)) return record.flatMap((item) => valuesAt(item, path));
  if (record === null || record === undefined) return [];
  if (path.length === 0) return [record];
  return valuesAt((record as Record<string, unknown>)[path[0]!], path.slice(1));
}

/** The column as /export writes it: times in Beijing time, coded values in words. */
export function exportColumn(column: RegisterColumn): ExportColumn {
  return { header: column.header, path: column.path, labels: column.labels, time: column.as === 'time' ? 'beijing' : undefined };
}
