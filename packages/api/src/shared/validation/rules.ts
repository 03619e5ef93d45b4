import { InputErrorReason } from '../errors/reasons';
import { DomainValidationError } from './domain-validation.error';

export function assertNonNegativeInteger(value: number, field: string): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new DomainValidationError(field, `${field} 必须是非负整数 (must be a whole number ≥ 0)`, InputErrorReason.RANGE);
  }
}

/** Asserts that timestamps that are set come in the order given (each no earlier than the one before). */
export function assertInOrder(entries: ReadonlyArray<readonly [field: string, value: Date | string | null | undefined]>): void {
  let previous: { field: string; time: number } | null = null;
  for (const [field, value] of entries) {
    if (value === null || value === undefined) continue;
    const time = new Date(value).getTime();
    if (Number.isNaN(time)) throw new DomainValidationError(field, `${field} 不是有效的时间 (not a valid time)`, InputErrorReason.FORMAT);
    if (previous && time < previous.time) {
      throw new DomainValidationError(
        field,
        `${field} 不能早于 ${previous.field} (${field} cannot be earlier than ${previous.field})`,
        InputErrorReason.ORDER,
      );
    }
    previous = { field, time };
  }
}

export function assertNotBlank(value: string, field: string, maxLength = 200): void {
  if (value.trim().length === 0) throw new DomainValidationError(field, `${field} 不能为空 (must not be blank)`, InputErrorReason.REQUIRED);
  if (value.length > maxLength) {
    throw new DomainValidationError(
      field,
      `${field} 不能超过 ${maxLength} 个字符 (at most ${maxLength} characters)`,
      InputErrorReason.LENGTH,
    );
  }
}
