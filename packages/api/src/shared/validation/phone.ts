import { InputErrorReason } from '../errors/reasons';
import { DomainValidationError } from './domain-validation.error';

/** The same rule as a PostgreSQL regular expression, for CHECK constraints. */
export const PHONE_SQL_PATTERN = "'^(1[3-9][0-9]{9}|0[0-9]{2,3}-[0-9]{7,8}(-[0-9]{1,6})?)$'";

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** Landlines: area code 0xx or 0xxx, 7–8 digit subscriber number, optional extension. */
export const LANDLINE_PATTERN = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;

/**
 * Normalises a phone number as people type it (spaces, +86 prefix, area code without a dash)
 * to the stored form: `13812345678` or `0854-2621110`. Returns null when it is not a phone number.
 */
export function normalizePhone(input: string): string | null {
  let value = input.trim().replace(/[\s()（）]/g, '');
  value = value.replace(/^(\+86|0086)-?/, '');
  if (MOBILE_PATTERN.test(value)) return value;
  if (LANDLINE_PATTERN.test(value)) return value;
  // An area code glued to the number: 3-digit codes start 01x/02x, the rest are 4 digits.
  const glued = /^(0(?:1\d|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(value);
  if (glued) return `${glued[1]}-${glued[2]}`;
  return null;
}

export function assertPhone(input: string, field = 'phone'): string {
  const phone = normalizePhone(input);
  if (!phone) {
    throw new DomainValidationError(
      field,
      '电话号码格式不正确，应为 11 位手机号或带区号的固话，如 0854-2621110 (not a mobile or landline number)',
      InputErrorReason.FORMAT,
    );
  }
  return phone;
}
