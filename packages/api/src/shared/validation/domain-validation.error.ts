import { DomainError, ErrorCode } from '../errors/domain-error';
import type { ErrorReason } from '../errors/reasons';

/** A rule of the domain was broken by one field of an input: a BAD_USER_INPUT domain error. */
export class DomainValidationError extends DomainError {
  constructor(
    /** Path of the offending field, e.g. `creditCode` or `input.arrivedAt`. */
    readonly field: string,
    message: string,
    /** Machine-readable reason, e.g. `CHECK_DIGIT`, `FORMAT`, `RANGE`, `ORDER`. */
    readonly reason: ErrorReason,
  ) {
    super(ErrorCode.BAD_USER_INPUT, message, { field, reason });
    this.name = 'DomainValidationError';
  }
}
