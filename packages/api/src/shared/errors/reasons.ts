import { GraphQLEnumType } from 'graphql';

/**
 * The reasons errors give in `extensions.reason`, one enum per domain. Each domain registers its
 * enum with `registerErrorReasons` (so the SDL prints it as `<Domain>ErrorReason` and codegen turns
 * it into a type the widgets switch on) and adds it to this interface by module augmentation:
 *
 *     declare module '../shared/errors/reasons' {
 *       interface ErrorReasons { park: ParkErrorReason }
 *     }
 *
 * `ErrorReason`, the union of them all, is the only type a `DomainError` accepts as its reason.
 */
export interface ErrorReasons {
  input: InputErrorReason;
  record: RecordErrorReason;
  queryLimit: QueryLimitErrorReason;
}

export type ErrorReason = ErrorReasons[keyof ErrorReasons];

const registered = new Map<string, GraphQLEnumType>();

/**
 * Registers a domain's reasons as the GraphQL enum `name`. Every value has a description: what went
 * wrong and what the client can do.
 */
export function registerErrorReasons<E extends Record<string, string>>(
  reasons: E,
  name: `${string}ErrorReason`,
  description: string,
  values: { [K in E[keyof E]]: string },
): void {
  if (registered.has(name)) return;
  registered.set(
    name,
    new GraphQLEnumType({
      name,
      description,
      values: Object.fromEntries(Object.values(reasons).map((value) => [value, { value, description: values[value as E[keyof E]] }])),
    }),
  );
}

/** Every registered reason enum, for the schema (they are reached by no field; `extensions` is outside the type system). */
export function errorReasonTypes(): GraphQLEnumType[] {
  return [...registered.values()];
}

/** Reasons of a refused input field (BAD_USER_INPUT), whatever the domain. */
export enum InputErrorReason {
  REQUIRED = 'REQUIRED',
  FORMAT = 'FORMAT',
  LENGTH = 'LENGTH',
  TOO_LONG = 'TOO_LONG',
  RANGE = 'RANGE',
  ORDER = 'ORDER',
  FUTURE = 'FUTURE',
  CHECK_DIGIT = 'CHECK_DIGIT',
  CHARSET = 'CHARSET',
  INVALID = 'INVALID',
  INVALID_ID = 'INVALID_ID',
  WRONG_TYPE = 'WRONG_TYPE',
  INVALID_CURSOR = 'INVALID_CURSOR',
  EXCLUSIVE = 'EXCLUSIVE',
  ONE_FORM = 'ONE_FORM',
  NOT_ALLOWED = 'NOT_ALLOWED',
  MISMATCH = 'MISMATCH',
  RULE = 'RULE',
  FORMULA = 'FORMULA',
  // The rules of the input types (class-validator constraints, by name).
  MAX = 'MAX',
  MIN = 'MIN',
  MAXLENGTH = 'MAXLENGTH',
  MINLENGTH = 'MINLENGTH',
  ISINT = 'ISINT',
  ISNUMBER = 'ISNUMBER',
  ISIN = 'ISIN',
  MATCHES = 'MATCHES',
  ARRAYMAXSIZE = 'ARRAYMAXSIZE',
  ARRAYMINSIZE = 'ARRAYMINSIZE',
  ARRAYUNIQUE = 'ARRAYUNIQUE',
}

registerErrorReasons(
  InputErrorReason,
  'InputErrorReason',
  'Why an input field was refused (BAD_USER_INPUT); `extensions.field` names the field.',
  {
    REQUIRED: 'A value is needed.',
    FORMAT: 'The value is not in the expected format (a phone number, a badge number, a date, a time zone).',
    LENGTH: 'Too short or too long.',
    TOO_LONG: 'The period or range is longer than allowed.',
    RANGE: 'Outside the allowed range.',
    ORDER: 'Before a date or time it must follow (an end before its start).',
    FUTURE: 'In the future, where only the past or today is allowed.',
    CHECK_DIGIT: 'The unified social credit code’s check character does not match (GB 32100-2015).',
    CHARSET: 'A character the code may not hold (a credit code: digits and capitals but I, O, S, V, Z).',
    INVALID: 'Not a value this field takes.',
    INVALID_ID: 'Not a global id.',
    WRONG_TYPE: 'A global id of another type of record.',
    INVALID_CURSOR: 'Not a cursor of this list.',
    EXCLUSIVE: 'Given together with a field it excludes (`after` with `before`).',
    ONE_FORM: 'Give exactly one of the forms the field takes (a period: month, quarter, year, week, or from and to).',
    NOT_ALLOWED: 'Not taken in this case (a park for a system administrator).',
    MISMATCH: 'Does not agree with another field (a hazard found on a patrol of another park).',
    RULE: 'Breaks a rule of the stored data.',
    FORMULA: 'A spreadsheet cell holds a formula; imports take values only.',
    MAX: 'Above the maximum.',
    MIN: 'Below the minimum.',
    MAXLENGTH: 'Longer than the maximum length.',
    MINLENGTH: 'Shorter than the minimum length.',
    ISINT: 'Not a whole number.',
    ISNUMBER: 'Not a number.',
    ISIN: 'Not one of the allowed values.',
    MATCHES: 'Does not match the expected pattern.',
    ARRAYMAXSIZE: 'Too many items.',
    ARRAYMINSIZE: 'Too few items.',
    ARRAYUNIQUE: 'An item is listed twice.',
  },
);

/** Reasons of a refused write to a stored record, whatever the domain. */
export enum RecordErrorReason {
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  OVERLAP = 'OVERLAP',
  REFERENCE = 'REFERENCE',
  STALE_VERSION = 'STALE_VERSION',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
}

registerErrorReasons(RecordErrorReason, 'RecordErrorReason', 'Why a record could not be read or written as asked.', {
  NOT_FOUND: 'No such record, or none the caller may see (NOT_FOUND).',
  DUPLICATE: 'A record with this value exists already (CONFLICT).',
  OVERLAP: 'The span overlaps an existing one (CONFLICT).',
  REFERENCE: 'The record is still referenced, or refers to one that does not exist (CONFLICT).',
  STALE_VERSION: 'The record changed since the version sent; `extensions.currentVersion` says which is current (CONFLICT).',
  INVALID_TRANSITION: 'The record’s state does not allow this step; `extensions.from` names the state (INVALID_TRANSITION).',
  IDEMPOTENCY_KEY_REUSED: 'The idempotency key was used for a different request (CONFLICT).',
});

/** Why a request was refused as too complex (QUERY_TOO_COMPLEX), before any resolver ran. */
export enum QueryLimitErrorReason {
  NESTED_TOO_DEEPLY = 'NESTED_TOO_DEEPLY',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  TOO_MANY_DIRECTIVES = 'TOO_MANY_DIRECTIVES',
  ESTIMATED_COST_TOO_HIGH = 'ESTIMATED_COST_TOO_HIGH',
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
}

registerErrorReasons(QueryLimitErrorReason, 'QueryLimitErrorReason', 'Why a request was refused as too complex (QUERY_TOO_COMPLEX).', {
  NESTED_TOO_DEEPLY: 'Selections nest deeper than allowed.',
  TOO_MANY_ALIASES: 'More aliases than allowed.',
  TOO_MANY_DIRECTIVES: 'More directives than allowed.',
  ESTIMATED_COST_TOO_HIGH: 'The estimated cost (records a request may return) is above the limit; ask for smaller pages.',
  TOO_MANY_TOKENS: 'The document is longer than allowed.',
});

const CONSTRAINT_REASONS = new Set<string>(Object.values(InputErrorReason));

/** The reason of a class-validator constraint (`maxLength` → MAXLENGTH); RULE for one not listed. */
export function constraintReason(constraint: string): InputErrorReason {
  const reason = constraint.toUpperCase();
  return CONSTRAINT_REASONS.has(reason) ? (reason as InputErrorReason) : InputErrorReason.RULE;
}
