import type { EntityManager } from '@mikro-orm/postgresql';
import { Enterprise, EnterpriseStatus, PlaceKind } from '../enterprises/enterprise.entity';
import { CreateEnterpriseInput } from '../enterprises/enterprise.inputs';
import { LiaisonAssignment } from '../liaisons/liaison-assignment.entity';
import { Officer } from '../officers/officer.entity';
import { CreateOfficerInput } from '../officers/officer.inputs';
import { Zone } from '../parks/zone.entity';
import { PoliceUnitKind, type PoliceUnit } from '../units/police-unit.entity';
import type { Viewer } from '../access/viewer';
import { invalidTransition, notFound } from '../shared/errors/domain-error';
import { InputErrorReason } from '../shared/errors/reasons';
import { DomainValidationError } from '../shared/validation/domain-validation.error';
import { addDays } from '../shared/time/calendar';
import { readSheet } from './import.sheet';
import { ENTERPRISE_COLUMNS, EXAMPLE_CODE, LIAISON_COLUMNS, OFFICER_COLUMNS, type EnterpriseField } from './import.columns';
import { ImportKind } from './import.types';
import {
  checkAsInput,
  duplicateOf,
  emptyPlan,
  findIn,
  given,
  keyed,
  LOOKUP_CHUNK,
  noneNamed,
  outOfScope,
  problemsFor,
  takenElsewhere,
  unitsOf,
  type ImportPlan,
  type ImportSheet,
} from './import.plan';

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
        kind: PlaceKind.ENTERPRISE,
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
      kind: has('kind') ? (v.kind ?? PlaceKind.ENTERPRISE) : undefined,
      contactPerson: has('contactPerson') ? (v.contactPerson ?? null) : undefined,
      contactPhone: has('contactPhone') ? (v.contactPhone ?? null) : undefined,
      joinedOn: v.joinedOn,
      liaisonGroupJoinedOn: has('liaisonGroupJoinedOn') ? (v.liaisonGroupJoinedOn ?? null) : undefined,
    };
    plan.upsert(existing, () => em.create(Enterprise, { park, creditCode: code, ...given(values) } as never), values);
  }
  return plan;
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
