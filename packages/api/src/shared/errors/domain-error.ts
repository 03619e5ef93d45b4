/** Codes a client may act on; every domain error carries one of them in `extensions.code`. */
export enum ErrorCode {
  /** An input broke a rule; `extensions.field` names the input path, e.g. `input.creditCode`. */
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** An id named a record that does not exist (or that the caller may not see). */
  NOT_FOUND = 'NOT_FOUND',
  /** The write clashes with what is stored: a duplicate, a stale version, a reused idempotency key. */
  CONFLICT = 'CONFLICT',
  /** The record's state does not allow this step, e.g. evaluating an unresolved service request. */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** No valid credentials: sign in, refresh the access token, or send a valid embed key. `reason` says which. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** The credentials are valid but do not allow this: another role, a read-only key, a page of another origin. */
  FORBIDDEN = 'FORBIDDEN',
}

import { RecordErrorReason, type ErrorReason } from './reasons';

export interface DomainErrorDetails {
  /** Input path of the offending field. */
  field?: string;
  /** Machine-readable reason, e.g. `CHECK_DIGIT`, `DUPLICATE`, `STALE_VERSION`. */
  reason?: ErrorReason;
  [key: string]: unknown;
}

/** The one error class of the domain: a code, a message for people and details for programs. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** The same error with its field placed under an input path (`creditCode` → `input.creditCode`). */
  under(prefix: string): DomainError {
    const field = this.details.field;
    if (!field || field.startsWith(`${prefix}.`)) return this;
    return new DomainError(this.code, this.message, { ...this.details, field: `${prefix}.${field}` });
  }
}

export function notFound(type: string, field?: string): DomainError {
  return new DomainError(ErrorCode.NOT_FOUND, `${type} 不存在 (no such ${type})`, { field, reason: RecordErrorReason.NOT_FOUND, type });
}

export function conflict(message: string, details: DomainErrorDetails = {}): DomainError {
  return new DomainError(ErrorCode.CONFLICT, message, details);
}

export function staleVersion(type: string, expected: number, actual: number): DomainError {
  return conflict(`${type} 已被他人修改，请刷新后重试 (the record changed since version ${expected}; it is now ${actual})`, {
    field: 'input.version',
    reason: RecordErrorReason.STALE_VERSION,
    currentVersion: actual,
  });
}

export function invalidTransition(type: string, from: string, action: string): DomainError {
  return new DomainError(ErrorCode.INVALID_TRANSITION, `${type} 处于 ${from} 状态，不能${action} (cannot ${action} from ${from})`, {
    reason: RecordErrorReason.INVALID_TRANSITION,
    from,
    action,
  });
}

export function unauthenticated(message: string, reason: ErrorReason, details: DomainErrorDetails = {}): DomainError {
  return new DomainError(ErrorCode.UNAUTHENTICATED, message, { reason, ...details });
}

export function forbidden(message: string, reason: ErrorReason, details: DomainErrorDetails = {}): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, { reason, ...details });
}
