import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeCitizenIdCheckDigit,
  findProvinceCode,
  isZzError,
  PROVINCE_CODES,
  validateCitizenId,
} from '../../src/index.js';

const withCheck = (body17: string): string => body17 + computeCitizenIdCheckDigit(body17);

const expectInvalid = (id: unknown, now?: Date): void => {
  let caught: unknown;
  try {
    validateCitizenId(id as string, now ? { now } : {});
  } catch (error) {
    caught = error;
  }
  expect(isZzError(caught, 'ERR_CITIZEN_ID_INVALID')).toBe(true);
};

describe('GB 11643-1999 citizen identity number', () => {
  it('accepts the two sample numbers printed in the standard', () => {
    expect(validateCitizenId('11010519491231002X')).toEqual({
      regionCode: '110105',
      provinceCode: '11',
      birthDate: '1949-12-31',
      sequence: '002',
      sex: 2,
      checkDigit: 'X',
    });
    // The second sample (born 1880) has a correct check digit but is refused by the 1900 floor.
    expect(computeCitizenIdCheckDigit('44052418800101001')).toBe('4');
    expectInvalid('440524188001010014');
  });

  it('computes ISO 7064 MOD 11-2 check digits', () => {
    expect(computeCitizenIdCheckDigit('11010519491231002')).toBe('X');
    expect(computeCitizenIdCheckDigit('44052418800101001')).toBe('4');
    expect(computeCitizenIdCheckDigit('11010519900307123')).toBe('9');
    expect(() => computeCitizenIdCheckDigit('1101051990030712')).toThrow();
    expect(() => computeCitizenIdCheckDigit('1101051990030712a')).toThrow();
  });

  it('derives sex from the sequence parity and accepts synthetic numbers from every province', () => {
    for (const { code } of PROVINCE_CODES) {
      const male = validateCitizenId(withCheck(`${code}010219850615031`));
      expect(male).toMatchObject({ provinceCode: code, birthDate: '1985-06-15', sequence: '031', sex: 1 });
      expect(validateCitizenId(withCheck(`${code}010220000229032`)).sex).toBe(2);
    }
    expect(PROVINCE_CODES).toHaveLength(34);
    expect(findProvinceCode('44')?.zhCN).toBe('广东省');
  });

  it('accepts a birth date equal to today in China time, and 1900-01-01', () => {
    const id = withCheck('31010120260601001');
    // 2026-05-31T16:00Z is already 1 June in Beijing.
    expect(validateCitizenId(id, { now: new Date('2026-05-31T16:00:00Z') }).birthDate).toBe('2026-06-01');
    expectInvalid(id, new Date('2026-05-31T15:59:59Z'));
    expect(validateCitizenId(withCheck('31010119000101001')).birthDate).toBe('1900-01-01');
  });

  it('rejects every failure kind with ERR_CITIZEN_ID_INVALID', () => {
    const good = withCheck('11010519900307123');
    expectInvalid(110105199003071); // not a string
    expectInvalid(good.slice(0, 17)); // too short
    expectInvalid(`${good}0`); // too long
    expectInvalid(`${good.slice(0, 5)}A${good.slice(6)}`); // non-digit body
    expectInvalid(`${good.slice(0, 17)}Y`); // bad check character
    expectInvalid('11010519491231002x'); // lower-case x is refused (documented choice)
    expectInvalid(withCheck('00010519900307123')); // province 00
    expectInvalid(withCheck('66010519900307123')); // province 66 does not exist
    expectInvalid(withCheck('91010519900307123')); // province 91
    expectInvalid(withCheck('11010519900230123')); // 30 February
    expectInvalid(withCheck('11010519011301123')); // month 13
    expectInvalid(withCheck('11010518991231123')); // before 1900
    expectInvalid(withCheck('11010520300101123'), new Date('2026-06-01T00:00:00Z')); // future
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expectInvalid(wrongCheck); // check digit mismatch
    expectInvalid('１１０１０５１９９０03071239'); // full-width digits
  });

  it('catches every single-digit substitution (property)', () => {
    const good = withCheck('11010519900307123');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digit = (Number(good[pos]) + delta) % 10;
        const mutated = good.slice(0, pos) + String(digit) + good.slice(pos + 1);
        expectInvalid(mutated);
      }),
    );
  });

  it('never throws anything but ERR_CITIZEN_ID_INVALID on random text (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{17}[\dXx]$/)), (text) => {
        try {
          const parts = validateCitizenId(text);
          expect(parts.regionCode).toHaveLength(6);
        } catch (error) {
          expect(isZzError(error, 'ERR_CITIZEN_ID_INVALID')).toBe(true);
        }
      }),
    );
  });
});
