import type { EntityManager } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { Enterprise, EnterpriseStatus } from '../enterprises/enterprise.entity';
import { CreateEnterpriseInput } from '../enterprises/enterprise.inputs';
import { LiaisonAssignment } from '../liaisons/liaison-assignment.entity';
import { Officer } from '../officers/officer.entity';
import { CreateOfficerInput } from '../officers/officer.inputs';
import type { Park } from '../parks/park.entity';
import { Zone } from '../parks/zone.entity';
import { PoliceUnit, PoliceUnitKind } from '../units/police-unit.entity';
import type { Viewer } from '../access/viewer';
import { conflict, DomainError, ErrorCode, forbidden, invalidTransition, notFound } from '../shared/errors/domain-error';
import { constraintReason, InputErrorReason, RecordErrorReason } from '../shared/errors/reasons';
import { AccessErrorReason } from '../access/access.errors';
import { DomainValidationError } from '../shared/validation/domain-validation.error';
import { textArray } from '../shared/db/pg-array';
import { addDays } from '../shared/time/calendar';
import { ImportProblems, readSheet, type ImportColumn, type SheetRow } from './import.sheet';
import { ENTERPRISE_COLUMNS, EXAMPLE_CODE, LIAISON_COLUMNS, OFFICER_COLUMNS, type EnterpriseField } from './import.columns';
import { ImportKind } from './import.types';

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
const LOOKUP_CHUNK = 5000;

async function findIn<T extends object>(
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
async function keyed<T extends Record<K, string>, K extends keyof typeof TAKEN>(
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
function problemsFor(columns: ReadonlyArray<ImportColumn>, header: readonly string[]): ImportProblems {
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
async function checkAsInput(
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
function noneNamed(field: string, name: string, where: { zh: string; en: string }): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${where.zh}「${name}」(no ${where.en} named "${name}")`, {
    field,
    reason: RecordErrorReason.NOT_FOUND,
  });
}

/** A second row with the same key as an earlier one. */
function duplicateOf(field: string, earlier: number): DomainError {
  return conflict(`与第 ${earlier} 行重复 (the same as row ${earlier})`, { field, reason: RecordErrorReason.DUPLICATE });
}

function takenElsewhere(field: string, what: string): DomainError {
  return conflict(`${what}已在别处登记 (already registered elsewhere)`, { field, reason: RecordErrorReason.DUPLICATE });
}

/** Copies the values that differ onto `record`. */
function assignChanged(record: Record<string, unknown>, values: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && (record[key] ?? null) !== value) record[key] = value;
  }
}

/** The values a row sets (a column left out of the sheet sets nothing). */
const given = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));

function emptyPlan(rows: SheetRow[], problems: ImportProblems): ImportPlan {
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

async function planEnterprises(em: EntityManager, sheet: ImportSheet): Promise<ImportPlan> {
  const park = sheet.park!;
  const problems = problemsFor(ENTERPRISE_COLUMNS, sheet.header);
  const rows = readSheet(ENTERPRISE_COLUMNS, sheet.header, sheet.rows, problems);
  const plan = emptyPlan(rows, problems);
  const zones = new Map((await em.find(Zone, { park })).map((zone) => [zone.name.trim(), zone]));
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    await checkAsInput(
      problems,
      row.line,
      Object.assign(new CreateEnterpriseInput(), {
        zoneId: '-',
        name: v.name ?? 'x',
        creditCode: v.creditCode ?? EXAMPLE_CODE,
        industry: v.industry ?? 'x',
        employeeCount: v.employeeCount ?? 0,
        hazardousChemicals: false,
        keyEnterprise: false,
        status: EnterpriseStatus.OPERATING,
        contactPerson: v.contactPerson ?? null,
        contactPhone: v.contactPhone ?? null,
        joinedOn: '2026-01-01',
      }),
      (property) => property,
    );
    if (typeof v.zone === 'string') {
      const zone = zones.get(v.zone);
      if (!zone) problems.add(row.line, 'zone', noneNamed('zone', v.zone, { zh: '本园区没有片区', en: 'zone in this park' }));
      else if (zone.archivedAt) problems.add(row.line, 'zone', invalidTransition('Zone', 'ARCHIVED', 'add enterprises to it'));
      else v.zone = zone;
    }
    if (typeof v.creditCode === 'string') {
      const earlier = firstRowOf.get(v.creditCode);
      if (earlier) problems.add(row.line, 'creditCode', duplicateOf('creditCode', earlier));
      else firstRowOf.set(v.creditCode, row.line);
    }
  }
  const { stored, taken } = await keyed(em, Enterprise, 'creditCode', [...firstRowOf.keys()]);
  for (const row of rows) {
    const v = row.values;
    const code = v.creditCode as string | undefined;
    if (!code || firstRowOf.get(code) !== row.line) continue;
    const existing = stored.get(code);
    if (taken.has(code) || (existing && existing.park.id !== park.id)) {
      problems.add(row.line, 'creditCode', takenElsewhere('creditCode', '该统一社会信用代码'));
      continue;
    }
    if (existing?.archivedAt)
      problems.add(row.line, 'creditCode', invalidTransition('Enterprise', 'ARCHIVED', 'change an archived enterprise'));
    if (problems.list.some((p) => p.row === row.line)) continue;
    const has = (field: EnterpriseField) => row.present.has(field);
    const values: Record<string, unknown> = {
      name: (v.name as string).trim(),
      zone: v.zone,
      industry: v.industry,
      employeeCount: has('employeeCount') ? (v.employeeCount ?? 0) : undefined,
      hazardousChemicals: has('hazardousChemicals') ? (v.hazardousChemicals ?? false) : undefined,
      keyEnterprise: has('keyEnterprise') ? (v.keyEnterprise ?? false) : undefined,
      status: has('status') ? (v.status ?? EnterpriseStatus.OPERATING) : undefined,
      contactPerson: has('contactPerson') ? (v.contactPerson ?? null) : undefined,
      contactPhone: has('contactPhone') ? (v.contactPhone ?? null) : undefined,
      joinedOn: v.joinedOn,
      liaisonGroupJoinedOn: has('liaisonGroupJoinedOn') ? (v.liaisonGroupJoinedOn ?? null) : undefined,
    };
    plan.upsert(existing, () => em.create(Enterprise, { park, creditCode: code, ...given(values) } as never), values);
  }
  return plan;
}

/** Whether assigning `values` would change `record` (without changing it). */
function wouldChange(record: Record<string, unknown>, values: Record<string, unknown>): boolean {
  return Object.entries(values).some(([key, value]) => value !== undefined && (record[key] ?? null) !== value);
}

export function outOfScope(type: string): DomainError {
  return forbidden(`无权向此范围导入 (you may not import into this ${type})`, AccessErrorReason.OUT_OF_SCOPE, { field: 'input', type });
}

async function unitsOf(em: EntityManager, programId: number): Promise<Map<string, PoliceUnit>> {
  return new Map((await em.find(PoliceUnit, { program: programId })).map((unit) => [unit.name.trim(), unit]));
}

async function planOfficers(em: EntityManager, viewer: Viewer, sheet: ImportSheet): Promise<ImportPlan> {
  const problems = problemsFor(OFFICER_COLUMNS, sheet.header);
  const rows = readSheet(OFFICER_COLUMNS, sheet.header, sheet.rows, problems);
  const plan = emptyPlan(rows, problems);
  const units = await unitsOf(em, sheet.programId!);
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    await checkAsInput(
      problems,
      row.line,
      Object.assign(new CreateOfficerInput(), {
        unitId: '-',
        name: v.name ?? 'x',
        badgeNumber: v.badgeNumber ?? '000000',
        phone: v.phone ?? null,
        title: v.title ?? '',
      }),
      (property) => property,
    );
    if (typeof v.unit === 'string') {
      const unit = units.get(v.unit);
      if (!unit) problems.add(row.line, 'unit', noneNamed('unit', v.unit, { zh: '本项目没有单位', en: 'unit in this program' }));
      else if (unit.archivedAt) problems.add(row.line, 'unit', invalidTransition('PoliceUnit', 'ARCHIVED', 'add officers to it'));
      else if (!viewer.writable({ parkId: unit.park?.id ?? null, programId: sheet.programId! }))
        problems.add(row.line, 'unit', outOfScope('PoliceUnit'));
      else v.unit = unit;
    }
    if (typeof v.badgeNumber === 'string' && !problems.has(row.line, 'badgeNumber')) {
      const earlier = firstRowOf.get(v.badgeNumber);
      if (earlier) problems.add(row.line, 'badgeNumber', duplicateOf('badgeNumber', earlier));
      else firstRowOf.set(v.badgeNumber, row.line);
    }
  }
  const { stored, taken } = await keyed(em, Officer, 'badgeNumber', [...firstRowOf.keys()], ['unit']);
  for (const row of rows) {
    const v = row.values;
    const badge = v.badgeNumber as string | undefined;
    if (!badge || firstRowOf.get(badge) !== row.line) continue;
    const existing = stored.get(badge);
    if (taken.has(badge)) problems.add(row.line, 'badgeNumber', takenElsewhere('badgeNumber', '该警号'));
    else if (existing?.archivedAt)
      problems.add(row.line, 'badgeNumber', invalidTransition('Officer', 'ARCHIVED', 'change an officer who left'));
    else if (existing && !viewer.writable({ parkId: existing.unit.park?.id ?? null, programId: existing.unit.program?.id ?? null }))
      problems.add(row.line, 'badgeNumber', takenElsewhere('badgeNumber', '该警号'));
    if (problems.list.some((p) => p.row === row.line)) continue;
    const values: Record<string, unknown> = {
      name: (v.name as string).trim(),
      unit: v.unit,
      title: row.present.has('title') ? ((v.title as string | undefined) ?? '') : undefined,
      phone: row.present.has('phone') ? (v.phone ?? null) : undefined,
    };
    plan.upsert(existing, () => em.create(Officer, { badgeNumber: badge, title: '', ...given(values) } as never), values);
  }
  return plan;
}

async function planLiaisonAssignments(em: EntityManager, viewer: Viewer, sheet: ImportSheet): Promise<ImportPlan> {
  const problems = problemsFor(LIAISON_COLUMNS, sheet.header);
  const rows = readSheet(LIAISON_COLUMNS, sheet.header, sheet.rows, problems);
  const plan = emptyPlan(rows, problems);
  const branches = new Map(
    [...(await unitsOf(em, sheet.programId!))].filter(([, unit]) => unit.kind === PoliceUnitKind.BRANCH && !unit.archivedAt),
  );
  const codes = [...new Set(rows.map((row) => row.values.creditCode).filter((code): code is string => typeof code === 'string'))];
  const badges = [...new Set(rows.map((row) => row.values.badgeNumber).filter((badge): badge is string => typeof badge === 'string'))];
  const enterprises = new Map((await findIn(em, Enterprise, 'creditCode', codes, ['park'])).map((e) => [e.creditCode, e]));
  const officers = new Map((await findIn(em, Officer, 'badgeNumber', badges, ['unit'])).map((o) => [o.badgeNumber, o]));
  const current = new Map<number, LiaisonAssignment>();
  const ids = [...enterprises.values()].map((e) => e.id);
  for (let start = 0; start < ids.length; start += LOOKUP_CHUNK) {
    for (const assignment of await em.find(LiaisonAssignment, {
      enterprise: { $in: ids.slice(start, start + LOOKUP_CHUNK) },
      endsOn: null,
    })) {
      current.set(assignment.enterprise.id, assignment);
    }
  }
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const v = row.values;
    const code = v.creditCode as string | undefined;
    const enterprise = code ? enterprises.get(code) : undefined;
    if (code && !problems.has(row.line, 'creditCode')) {
      const earlier = firstRowOf.get(code);
      if (earlier) problems.add(row.line, 'creditCode', duplicateOf('creditCode', earlier));
      else firstRowOf.set(code, row.line);
      if (!enterprise || enterprise.park.program.id !== sheet.programId)
        problems.add(row.line, 'creditCode', notFound('Enterprise', 'creditCode'));
      else if (enterprise.archivedAt)
        problems.add(row.line, 'creditCode', invalidTransition('Enterprise', 'ARCHIVED', 'use an archived record'));
      else if (!viewer.writable({ parkId: enterprise.park.id, programId: sheet.programId! }))
        problems.add(row.line, 'creditCode', outOfScope('Enterprise'));
    }
    const badge = v.badgeNumber as string | undefined;
    const officer = badge ? officers.get(badge) : undefined;
    if (badge && !problems.has(row.line, 'badgeNumber')) {
      if (!officer) problems.add(row.line, 'badgeNumber', notFound('Officer', 'badgeNumber'));
      else if (officer.archivedAt)
        problems.add(row.line, 'badgeNumber', invalidTransition('Officer', 'ARCHIVED', 'use an archived record'));
    }
    const support: PoliceUnit[] = [];
    for (const name of (v.supportingBranches as string[] | undefined) ?? []) {
      const branch = branches.get(name);
      if (!branch) {
        problems.add(
          row.line,
          'supportingBranches',
          noneNamed('supportingBranches', name, { zh: '本项目没有警种单位', en: 'branch in this program' }),
        );
        break;
      }
      support.push(branch);
    }
    if (problems.list.some((p) => p.row === row.line) || !enterprise || !officer) continue;
    const startsOn = v.startsOn as string;
    const now = current.get(enterprise.id);
    if (now && now.officer.id === officer.id) {
      plan.unchanged++;
      continue;
    }
    if (now && startsOn <= now.startsOn) {
      problems.add(
        row.line,
        'startsOn',
        new DomainValidationError(
          'startsOn',
          `新的挂钩须晚于当前挂钩的开始日 ${now.startsOn} (must start after the current assignment began)`,
          InputErrorReason.ORDER,
        ),
      );
      continue;
    }
    plan.created++;
    if (now) plan.updated++;
    plan.phases[0]!.push(() => {
      if (now) now.endsOn = addDays(startsOn, -1);
    });
    plan.phases[1]!.push(() => {
      const assignment = em.create(LiaisonAssignment, { enterprise, officer, startsOn, endsOn: null });
      assignment.supportingBranches.set(support);
    });
  }
  return plan;
}

/** Reads and checks the sheet and plans its writes; writes nothing. */
export function planImport(em: EntityManager, viewer: Viewer, sheet: ImportSheet): Promise<ImportPlan> {
  switch (sheet.kind) {
    case ImportKind.ENTERPRISES:
      return planEnterprises(em, sheet);
    case ImportKind.OFFICERS:
      return planOfficers(em, viewer, sheet);
    case ImportKind.LIAISON_ASSIGNMENTS:
      return planLiaisonAssignments(em, viewer, sheet);
  }
}
