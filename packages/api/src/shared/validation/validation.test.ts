import {
  assertCreditCode,
  assertInOrder,
  assertNonNegativeInteger,
  assertPhone,
  creditCodeProblem,
  DomainValidationError,
  isValidCreditCode,
  normalizePhone,
} from '.';

function failure(fn: () => unknown): DomainValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainValidationError) return error;
    throw error;
  }
  throw new Error('expected a DomainValidationError');
}

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts a code with the right check character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses 91350100M000100Y4Z (Z is never a valid character)', () => {
    expect(isValidCreditCode('91350100M000100Y4Z')).toBe(false);
    expect(failure(() => assertCreditCode('91350100M000100Y4Z')).field).toBe('creditCode');
  });

  it('refuses a wrong check character and names the field', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('CHECK_DIGIT');
    const error = failure(() => assertCreditCode('91350100M000100Y44'));
    expect(error.field).toBe('creditCode');
    expect(error.reason).toBe('CHECK_DIGIT');
    expect(error.message).toMatch(/校验位/);
  });

  it('refuses letters outside the 31-character set and wrong lengths', () => {
    expect(creditCodeProblem('91350100M000100I43')).toBe('CHARSET');
    expect(creditCodeProblem('91350100m000100Y43')).toBe('CHARSET');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('LENGTH');
    expect(creditCodeProblem('')).toBe('LENGTH');
  });

  it('detects every single-character change of a valid code', () => {
    const valid = '91350100M000100Y43';
    const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    let changed = 0;
    for (let i = 0; i < 18; i++) {
      for (const c of charset) {
        if (c === valid[i]) continue;
        changed += 1;
        expect(isValidCreditCode(valid.slice(0, i) + c + valid.slice(i + 1))).toBe(false);
      }
    }
    expect(changed).toBe(18 * 30);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['0854-2621110', '0854-2621110'],
    ['08542621110', '0854-2621110'],
    ['010-12345678', '010-12345678'],
    ['(0854) 2621110', '0854-2621110'],
    ['0854-2621110-123', '0854-2621110-123'],
  ])('normalises %s to %s', (input, stored) => {
    expect(normalizePhone(input)).toBe(stored);
  });

  it.each(['12812345678', '1381234567', '138123456789', '2621110', 'abc', '0854-26211', ''])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
    expect(failure(() => assertPhone(input, 'contactPhone')).field).toBe('contactPhone');
  });
});

describe('counts and timestamps', () => {
  it('refuses negative and fractional counts', () => {
    expect(failure(() => assertNonNegativeInteger(-1, 'personTimes')).field).toBe('personTimes');
    expect(failure(() => assertNonNegativeInteger(1.5, 'personTimes')).reason).toBe('RANGE');
    expect(() => assertNonNegativeInteger(0, 'personTimes')).not.toThrow();
  });

  it('refuses an arrival before the report and names the later field', () => {
    const error = failure(() =>
      assertInOrder([
        ['receivedAt', new Date('2026-05-01T10:00:00Z')],
        ['dispatchedAt', null],
        ['arrivedAt', new Date('2026-05-01T09:59:00Z')],
      ]),
    );
    expect(error.field).toBe('arrivedAt');
    expect(error.reason).toBe('ORDER');
  });

  it('accepts equal and ordered timestamps and skips unset ones', () => {
    expect(() =>
      assertInOrder([
        ['receivedAt', '2026-05-01T10:00:00Z'],
        ['dispatchedAt', undefined],
        ['arrivedAt', '2026-05-01T10:00:00Z'],
        ['closedAt', '2026-05-01T11:00:00Z'],
      ]),
    ).not.toThrow();
  });
});
