import { InputErrorReason } from '../errors/reasons';
import { DomainValidationError } from '../validation/domain-validation.error';

/** A global id names the type and the row: base64url of `Type:id`, opaque to clients (Relay). */
export function toGlobalId(type: string, id: number): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

export interface GlobalId {
  type: string;
  id: number;
}

const DECODED = /^([A-Za-z]+):([1-9][0-9]{0,9})$/;

/** Decodes a global id; a malformed one is a BAD_USER_INPUT on `field`. */
export function parseGlobalId(value: string, field: string): GlobalId {
  const match =
    typeof value === 'string' && /^[A-Za-z0-9_-]+$/.test(value) ? DECODED.exec(Buffer.from(value, 'base64url').toString('utf8')) : null;
  const id = match ? Number(match[2]) : NaN;
  if (!match || !Number.isSafeInteger(id) || id > 2_147_483_647) {
    throw new DomainValidationError(field, `${field} 不是有效的 ID (not a valid id)`, InputErrorReason.INVALID_ID);
  }
  return { type: match[1], id };
}

/** Decodes a global id that must name a `type`; another type is a BAD_USER_INPUT on `field`. */
export function idOf(value: string, type: string, field: string): number {
  const parsed = parseGlobalId(value, field);
  if (parsed.type !== type) {
    throw new DomainValidationError(
      field,
      `${field} 应为 ${type} 的 ID (expected the id of a ${type}, got a ${parsed.type})`,
      InputErrorReason.WRONG_TYPE,
    );
  }
  return parsed.id;
}

/** Same as `idOf` for an optional id. */
export function optionalIdOf(value: string | null | undefined, type: string, field: string): number | undefined {
  return value == null ? undefined : idOf(value, type, field);
}
