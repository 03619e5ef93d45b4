import { InputErrorReason } from '../shared/errors/reasons';
import { CommitmentErrorReason } from './commitment.errors';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { applyPatch, findActive, findForChange, findRecord, findRecords } from '../shared/graphql/records';
import { idOf } from '../shared/graphql/global-id';
import type { ArchiveInput, RemoveInput } from '../shared/graphql/inputs';
import type { Ordering } from '../shared/pagination';
import { conflict, invalidTransition } from '../shared/errors/domain-error';
import { RecordErrorReason } from '../shared/errors/reasons';
import { DomainValidationError } from '../shared/validation';
import { fromInput } from '../shared/i18n/translated';
import { Program } from '../programs/program.entity';
import { PoliceUnit } from '../units/police-unit.entity';
import { Commitment } from './commitment.entity';
import { Indicator } from './indicator.entity';
import { metricNamed, resolveParams } from '../statistics/metrics/catalog';
import type {
  AddIndicatorInput,
  CommitmentFilter,
  CreateCommitmentInput,
  UpdateCommitmentInput,
  UpdateIndicatorInput,
} from './commitment.inputs';

export const COMMITMENT_ORDER: Ordering = [
  ['sortOrder', 'asc'],
  ['code', 'asc'],
  ['id', 'asc'],
];
export const INDICATOR_ORDER: Ordering = [
  ['sortOrder', 'asc'],
  ['id', 'asc'],
];

export function commitmentWhere(filter?: CommitmentFilter | null): FilterQuery<Commitment> {
  const where: Record<string, unknown> = {};
  if (!filter?.includeRetired) where.retiredAt = null;
  if (filter?.programId) where.program = idOf(filter.programId, 'Program', 'filter.programId');
  if (filter?.areas?.length) where.area = { $in: filter.areas };
  return where as FilterQuery<Commitment>;
}

async function unitsOf(em: EntityManager, program: Program, ids: string[], field: string): Promise<PoliceUnit[]> {
  const loaded = await findRecords(em, PoliceUnit, ids, field, { active: true });
  const units: PoliceUnit[] = [];
  for (const [index, unit] of loaded.entries()) {
    if (unit.program.id !== program.id) {
      throw new DomainValidationError(
        `${field}.${index}`,
        '单位不属于该机制 (the unit belongs to another program)',
        CommitmentErrorReason.OUTSIDE_PROGRAM,
      );
    }
    units.push(unit);
  }
  return units;
}

function checkParams(params: Record<string, unknown> | undefined): void {
  if (params && JSON.stringify(params).length > 2000) {
    throw new DomainValidationError('params', 'params 过长 (at most 2000 characters of JSON)', InputErrorReason.LENGTH);
  }
}

export async function createCommitment(em: EntityManager, input: CreateCommitmentInput): Promise<Commitment> {
  const program = await findActive(em, Program, input.programId, 'programId');
  const [leadUnit] = input.leadUnitId ? await unitsOf(em, program, [input.leadUnitId], 'leadUnitId') : [null];
  // A retired commitment keeps its code: codes are never reused within a program.
  if (await em.count(Commitment, { program, code: input.code }, { filters: false }))
    throw conflict(`该机制已有编号为 ${input.code} 的承诺 (the program has a commitment ${input.code} already)`, {
      field: 'code',
      reason: RecordErrorReason.DUPLICATE,
    });
  const sortOrder = input.sortOrder ?? (await em.count(Commitment, { program })) + 1;
  const commitment = em.create(Commitment, {
    program,
    code: input.code,
    area: input.area,
    title: fromInput(input.title),
    description: input.description ? fromInput(input.description) : null,
    leadUnit,
    sortOrder,
  });
  commitment.supportingUnits.set(await unitsOf(em, program, input.supportingUnitIds, 'supportingUnitIds'));
  return commitment;
}

export async function updateCommitment(em: EntityManager, input: UpdateCommitmentInput): Promise<Commitment> {
  const commitment = await findForChange(em, Commitment, input);
  if (commitment.retiredAt) throw invalidTransition('Commitment', 'RETIRED', 'change a retired commitment');
  const program = await em.findOneOrFail(Program, commitment.program.id);
  if (input.leadUnitId) [commitment.leadUnit] = await unitsOf(em, program, [input.leadUnitId], 'leadUnitId');
  if (input.supportingUnitIds) {
    commitment.supportingUnits.set(await unitsOf(em, program, input.supportingUnitIds, 'supportingUnitIds'));
    commitment.updatedAt = new Date();
  }
  return applyPatch(commitment, {
    area: input.area ?? undefined,
    title: input.title ? fromInput(input.title) : undefined,
    description: input.description ? fromInput(input.description) : undefined,
    sortOrder: input.sortOrder ?? undefined,
  });
}

export async function retireCommitment(em: EntityManager, input: ArchiveInput): Promise<Commitment> {
  const commitment = await findForChange(em, Commitment, input);
  if (commitment.retiredAt) throw invalidTransition('Commitment', 'RETIRED', 'retire it again');
  commitment.retiredAt = new Date();
  return commitment;
}

export async function addIndicator(em: EntityManager, input: AddIndicatorInput): Promise<Indicator> {
  const metric = metricNamed(input.metric, 'metric');
  checkParams(input.params ?? undefined);
  const params = resolveParams(metric, input.params, 'params');
  const commitment = await findRecord(em, Commitment, input.commitmentId, 'commitmentId');
  if (commitment.retiredAt) throw invalidTransition('Commitment', 'RETIRED', 'add indicators to it');
  return em.create(Indicator, {
    commitment,
    metric: input.metric,
    params,
    target: String(input.target),
    comparator: input.comparator,
    period: input.period,
    label: input.label ? fromInput(input.label) : null,
    sortOrder: (await em.count(Indicator, { commitment })) + 1,
  });
}

export async function updateIndicator(em: EntityManager, input: UpdateIndicatorInput): Promise<Indicator> {
  checkParams(input.params ?? undefined);
  const indicator = await findForChange(em, Indicator, input);
  const params = input.params ? resolveParams(metricNamed(indicator.metric), input.params, 'params') : undefined;
  return applyPatch(indicator, {
    params,
    target: input.target == null ? undefined : String(input.target),
    comparator: input.comparator ?? undefined,
    period: input.period ?? undefined,
    label: input.label ? fromInput(input.label) : undefined,
  });
}

/** Removes an indicator; returns it as it was. */
export async function removeIndicator(em: EntityManager, input: RemoveInput): Promise<Indicator> {
  const indicator = await findForChange(em, Indicator, input);
  em.remove(indicator);
  return indicator;
}
