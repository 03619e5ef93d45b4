/**
 * What every import planner shares: the plan and the sheet it is made from, look-ups of stored rows
 * by their codes in chunks, the problems of a row in the API's words, and a plan's bookkeeping of
 * rows created, changed or unchanged.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import type { Park } from '../parks/park.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import { conflict, DomainError, ErrorCode, forbidden } from '../shared/errors/domain-error';
import { constraintReason, RecordErrorReason } from '../shared/errors/reasons';
import { AccessErrorReason } from '../access/access.errors';
import { DomainValidationError } from '../shared/validation/domain-validation.error';
import { textArray } from '../shared/db/pg-array';
import { ImportProblems, type ImportColumn, type SheetRow } from './import.sheet';
import type { ImportKind } from './import.types';

/** What an import would do: counts, problems, and the writes to make when there are none. */
export interface ImportPlan {
  rowCount: number;
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportProblems;
  /**
   * The changes to make in `em`'s unit of work when there are no problems, in phases flushed one
   * after the other (a liaison assignment ends before its successor begins).
   */
  phases: Array<Array<() => void>>;
  /** Plans a row keyed to `existing` (or to nothing stored): create it, change what differs, or count it unchanged. */
  upsert(existing: object | undefined, create: () => void, values: Record<string, unknown>): void;
}

/** A sheet as the import takes it, and where its records go. */
export interface ImportSheet {
  kind: ImportKind;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  /** Global ids already resolved: the park (ENTERPRISES) or the program (the others). */
  park?: Park;
  programId?: number;
}

/** Values per query when looking rows up by their codes. */
export const LOOKUP_CHUNK = 5000;

export async function findIn<T extends object>(
  em: EntityManager,
  entity: new () => T,
  property: string,
  values: string[],
  populate: string[] = [],
): Promise<T[]> {
  const found: T[] = [];
  for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
    const chunk = values.slice(start, start + LOOKUP_CHUNK);
    found.push(...((await em.find(entity, { [property]: { $in: chunk } } as never, { populate: populate as never })) as T[]));
  }
  return found;
}

const TAKEN = { creditCode: 'huhang_credit_codes_taken', badgeNumber: 'huhang_badge_numbers_taken' } as const;

/**
 * The stored records of these keys the viewer may read, and the keys taken by records it may not
 * (row-level security hides those; migration 2100 tells only that the key is taken).
 */
export async function keyed<T extends Record<K, string>, K extends keyof typeof TAKEN>(
  em: EntityManager,
  entity: new () => T,
  property: K,
  keys: string[],
  populate: string[] = [],
): Promise<{ stored: Map<string, T>; taken: Set<string> }> {
  const stored = new Map<string, T>((await findIn(em, entity, property, keys, populate)).map((record) => [record[property], record]));
  const unseen = keys.filter((key) => !stored.has(key));
  if (unseen.length === 0) return { stored, taken: new Set() };
  const rows = await em.execute<Array<{ code: string }>>(`SELECT code FROM ${TAKEN[property]}(?::text[]) AS code`, [textArray(unseen)]);
  return { stored, taken: new Set(rows.map((row) => row.code.trim())) };
}

/** The sheet's problems, with each column's header as the sheet writes it. */
export function problemsFor(columns: ReadonlyArray<ImportColumn>, header: readonly string[]): ImportProblems {
  const squeeze = (text: string) => text.replace(/[\s_]/g, '').toLowerCase();
  return new ImportProblems(
    (field) => {
      const column = columns.find((c) => c.field === field);
      if (!column) return null;
      const written = header.find((name) => column.headers.some((h) => squeeze(h) === squeeze(name)));
      return written?.trim() ?? column.headers[0];
    },
    (field) => columns.findIndex((c) => c.field === field),
  );
}

/** Checks a row's values against the create mutation's input rules (class-validator), as the API does. */
export async function checkAsInput(
  problems: ImportProblems,
  line: number,
  input: object,
  fieldOf: (property: string) => string | null,
): Promise<void> {
  for (const error of await validate(input, { forbidUnknownValues: false })) {
    const field = fieldOf(error.property);
    if (!field || problems.has(line, field)) continue;
    const [name, message] = Object.entries(error.constraints ?? {})[0] ?? ['rule', `${field} is not valid`];
    problems.add(line, field, new DomainValidationError(field, message, constraintReason(name)));
  }
}

/** No record of this name where the sheet names it: NOT_FOUND on the cell. */
export function noneNamed(field: string, name: string, where: { zh: string; en: string }): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${where.zh}「${name}」(no ${where.en} named "${name}")`, {
    field,
    reason: RecordErrorReason.NOT_FOUND,
  });
}

/** A second row with the same key as an earlier one. */
export function duplicateOf(field: string, earlier: number): DomainError {
  return conflict(`与第 ${earlier} 行重复 (the same as row ${earlier})`, { field, reason: RecordErrorReason.DUPLICATE });
}

export function takenElsewhere(field: string, what: string): DomainError {
  return conflict(`${what}已在别处登记 (already registered elsewhere)`, { field, reason: RecordErrorReason.DUPLICATE });
}

/** Copies the values that differ onto `record`. */
function assignChanged(record: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && (record[key] ?? null) !== value) record[key] = value;
  }
}

/** The values a row sets (a column left out of the sheet sets nothing). */
export const given = (values: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

export function emptyPlan(rows: SheetRow[], problems: ImportProblems): ImportPlan {
  const plan: ImportPlan = {
    rowCount: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems,
    phases: [[], []],
    upsert(existing, create, values) {
      const record = existing as Record<string, unknown> | undefined;
      if (!record) {
        plan.created++;
        plan.phases[0]!.push(create);
      } else if (wouldChange(record, values)) {
        plan.updated++;
        plan.phases[0]!.push(() => assignChanged(record, values));
      } else {
        plan.unchanged++;
      }
    },
  };
  return plan;
}

/** Whether assigning `values` would change `record` (without changing it). */
function wouldChange(record: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).some(([key, value]) => value !== undefined && (record[key] ?? null) !== value);
}

export function outOfScope(type: string): DomainError {
  return forbidden(`无权向此范围导入 (you may not import into this ${type})`, AccessErrorReason.OUT_OF_SCOPE, { field: 'input', type });
}

export async function unitsOf(em: EntityManager, programId: number): Promise<Map<string, PoliceUnit>> {
  return new Map((await em.find(PoliceUnit, { program: programId })).map((unit) => [unit.name.trim(), unit]));
}
