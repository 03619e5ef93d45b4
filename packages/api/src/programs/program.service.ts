import { InputErrorReason } from '../shared/errors/reasons';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainValidationError } from '../shared/validation';
import { applyPatch, archive, findForChange } from '../shared/graphql/records';
import type { ArchiveInput } from '../shared/graphql/inputs';
import { Program } from './program.entity';
import type { CreateProgramInput, UpdateProgramInput } from './program.inputs';

function assertTimeZone(timeZone: string | undefined): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new DomainValidationError('timeZone', `${timeZone} 不是有效的时区 (not an IANA time zone)`, InputErrorReason.FORMAT);
  }
}

export async function createProgram(em: EntityManager, input: CreateProgramInput): Promise<Program> {
  assertTimeZone(input.timeZone);
  const { name, region, bureau, description, timeZone, startsOn } = input;
  return em.create(Program, { name: name.trim(), region, bureau, description, timeZone, startsOn: startsOn ?? null });
}

export async function updateProgram(em: EntityManager, input: UpdateProgramInput): Promise<Program> {
  assertTimeZone(input.timeZone ?? undefined);
  const program = await findForChange(em, Program, input);
  const { name, region, bureau, description, timeZone, startsOn } = input;
  return applyPatch(program, { name: name?.trim(), region, bureau, description, timeZone, startsOn });
}

export async function archiveProgram(em: EntityManager, input: ArchiveInput): Promise<Program> {
  return archive(await findForChange(em, Program, input));
}
