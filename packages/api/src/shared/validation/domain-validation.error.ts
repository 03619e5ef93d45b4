/** A rule of the domain was broken by one field of an input. */
export class DomainValidationError extends Error {
  constructor(
    /** Path of the offending field, e.g. `creditCode` or `input.arrivedAt`. */
    readonly field: string,
    message: string,
    /** Machine-readable reason, e.g. `CHECK_DIGIT`, `FORMAT`, `RANGE`, `ORDER`. */
    readonly reason: string,
  ) {
    super(message);
    this.name = 'DomainValidationError';
  }
}
