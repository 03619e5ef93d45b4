import { InputErrorReason } from '../errors/reasons';
import { DomainValidationError } from './domain-validation.error';

/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 * 18 characters from a 31-character set (digits and capitals without I, O, S, V, Z); the last is a
 * check character: weights 3^(i-1) mod 31, check = (31 - sum mod 31) mod 31.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The shape an input's credit code must have before its check character is computed: the registration-authority and type characters, six digits of the administrative division, ten of the organisation code. */
export const CREDIT_CODE_SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
export const CREDIT_CODE_SHAPE_MESSAGE = 'creditCode must be 18 characters of digits and the capital letters GB 32100 allows';

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`invalid credit code character '${first17[i]}'`);
    sum += value * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

export type CreditCodeProblem = InputErrorReason.LENGTH | InputErrorReason.CHARSET | InputErrorReason.CHECK_DIGIT;

/** Returns what is wrong with a code, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return InputErrorReason.LENGTH;
  if (!CREDIT_CODE_PATTERN.test(code)) return InputErrorReason.CHARSET;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : InputErrorReason.CHECK_DIGIT;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

const MESSAGES: Record<CreditCodeProblem, string> = {
  LENGTH: '统一社会信用代码应为 18 位 (the unified social credit code must have 18 characters)',
  CHARSET: '统一社会信用代码只能包含数字和除 I、O、S、V、Z 以外的大写字母 (only digits and capital letters except I, O, S, V, Z)',
  CHECK_DIGIT: '统一社会信用代码校验位错误 (the check character of the unified social credit code is wrong)',
};

export function assertCreditCode(code: string, field = 'creditCode'): void {
  const problem = creditCodeProblem(code);
  if (problem) throw new DomainValidationError(field, MESSAGES[problem], problem);
}
