import { validate, type ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { constraintReason, type InputErrorReason } from '../errors/reasons';

export interface FieldProblem {
  field: string;
  reason: InputErrorReason;
  message: string;
}

function collect(errors: ValidationError[], path: string, into: FieldProblem[]): FieldProblem[] {
  for (const error of errors) {
    const field = path ? `${path}.${error.property}` : error.property;
    for (const [reason, message] of Object.entries(error.constraints ?? {})) {
      into.push({ field, reason: constraintReason(reason), message: `${field}: ${message}` });
    }
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/**
 * Checks an argument object against its class-validator rules. The first problem names the field
 * (`input.creditCode`); `extensions.problems` lists them all so a form can mark every field at once.
 */
export async function validateInput(value: unknown, path: string): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const problems = collect(await validate(value, { forbidUnknownValues: false }), path, []);
  if (problems.length === 0) return;
  const [first] = problems;
  throw new DomainError(ErrorCode.BAD_USER_INPUT, first.message, { field: first.field, reason: first.reason, problems });
}
