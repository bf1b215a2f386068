import { describe, expect, it } from 'vitest';
import {
  computeCitizenIdCheckDigit,
  deriveAgeClaims,
  ETHNICITY_CODES,
  findEthnicityCode,
  getCredentialType,
  getQrPurpose,
  isZzError,
  LONG_TERM_EXPIRY_DATE,
  QR_PURPOSES,
  RESIDENT_ID_TYPE,
  Tag,
  validateClaims,
} from '../../src/index.js';

const ID = `11010519900307123${computeCitizenIdCheckDigit('11010519900307123')}`;
const JPEG = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0xff, 0xd9);
const FULL = {
  full_name: '张伟明',
  family_name: '张',
  given_name: '伟明',
  sex: 1,
  ethnicity: '01',
  birth_date: '1990-03-07',
  resident_address: '北京市朝阳区建国路88号',
  id_number: ID,
  issuing_authority: '北京市公安局朝阳分局',
  issue_date: '2020-05-10',
  expiry_date: LONG_TERM_EXPIRY_DATE,
  portrait: JPEG,
  portrait_thumb: JPEG,
  age_over_16: true,
  age_over_18: true,
  age_over_60: false,
};

function schemaErrorOf(claims: Record<string, unknown>): { code?: string; message: string } {
  try {
    validateClaims('cn.gov.eid.1', claims);
  } catch (error) {
    if (isZzError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return { message: '' };
}

describe('catalog v0: cn.gov.eid.1', () => {
  it('describes every element with types, display names and privacy class', () => {
    const type = getCredentialType('cn.gov.eid.1');
    expect(type).toBe(RESIDENT_ID_TYPE);
    expect(type.namespace).toBe('cn.gov.eid.1');
    expect(type.elements.map((e) => e.id)).toEqual(Object.keys(FULL));
    for (const element of type.elements) {
      expect(element.display['zh-CN'].length).toBeGreaterThan(0);
      expect(element.display.en.length).toBeGreaterThan(0);
      expect(element.cbor.length).toBeGreaterThan(0);
      expect(element.json.length).toBeGreaterThan(0);
    }
    const sensitive = type.elements.filter((e) => e.sensitive).map((e) => e.id);
    expect(sensitive).toEqual(['ethnicity', 'id_number', 'portrait', 'portrait_thumb']);
    expect(type.elements.find((e) => e.id === 'issuing_authority')?.personal).toBe(false);
  });

  it('has the 56 GB/T 3304 ethnicity codes', () => {
    expect(ETHNICITY_CODES).toHaveLength(56);
    expect(findEthnicityCode('01')?.zhCN).toBe('汉族');
    expect(findEthnicityCode('56')?.zhCN).toBe('基诺族');
    expect(new Set(ETHNICITY_CODES.map((e) => e.zhCN)).size).toBe(56);
    expect(findEthnicityCode('57')).toBeUndefined();
  });

  it('validates a full record and normalises tagged full-dates', () => {
    const claims = validateClaims('cn.gov.eid.1', { ...FULL, birth_date: new Tag('1990-03-07', 1004) });
    expect(claims.birth_date).toBe('1990-03-07');
    expect(claims.expiry_date).toBe('9999-12-31');
    expect(Object.isFrozen(claims)).toBe(true);
    const fromMap = validateClaims('cn.gov.eid.1', new Map<string, unknown>([['age_over_18', true]]));
    expect(fromMap).toEqual({ age_over_18: true });
  });

  it('rejects an unknown type', () => {
    let caught: unknown;
    try {
      validateClaims('cn.gov.nope.1', {});
    } catch (error) {
      caught = error;
    }
    expect(isZzError(caught, 'ERR_CATALOG_UNKNOWN_TYPE')).toBe(true);
  });

  it.each([
    ['full_name', { full_name: '' }],
    ['full_name', { full_name: 'a\u0000b' }],
    ['full_name', { full_name: '张'.repeat(65) }],
    ['full_name', { full_name: 42 }],
    ['sex', { sex: 0 }],
    ['sex', { sex: '1' }],
    ['ethnicity', { ethnicity: '1' }],
    ['ethnicity', { ethnicity: '99' }],
    ['birth_date', { birth_date: '1990-02-30' }],
    ['birth_date', { birth_date: '1899-12-31' }],
    ['id_number', { id_number: '110105199003071230' }],
    ['expiry_date', { expiry_date: '长期' }],
    ['portrait', { portrait: Uint8Array.of(1, 2, 3) }],
    ['portrait', { portrait: new Uint8Array(16 * 1024 + 1) }],
    ['portrait_thumb', { portrait_thumb: 'not bytes' }],
    ['age_over_18', { age_over_18: 1 }],
    ['nickname', { nickname: 'x' }],
  ])('names the element %s (not its value) in ERR_CATALOG_SCHEMA', (element, patch) => {
    const { code, message } = schemaErrorOf({ ...FULL, ...patch });
    expect(code).toBe('ERR_CATALOG_SCHEMA');
    expect(message).toContain(element);
    for (const value of Object.values(patch)) {
      if (typeof value === 'string' && value.length > 2) expect(message).not.toContain(value);
    }
  });

  it('cross-checks the ID number against birth_date and sex, and issue against expiry', () => {
    expect(schemaErrorOf({ id_number: ID, birth_date: '1990-03-08' }).message).toContain('id_number');
    expect(schemaErrorOf({ id_number: ID, sex: 2 }).code).toBe('ERR_CATALOG_SCHEMA');
    expect(schemaErrorOf({ issue_date: '2030-01-01', expiry_date: '2029-01-01' }).message).toContain('expiry_date');
  });

  it('does not echo an unprintable element identifier', () => {
    expect(schemaErrorOf({ '<script>': 1 }).message).toContain('(unrecognised identifier)');
  });
});

describe('deriveAgeClaims', () => {
  it('turns 18 on the birthday in China Standard Time', () => {
    // 2008-03-07 + 18 years: Beijing reaches 7 March 2026 at 16:00Z on 6 March.
    expect(deriveAgeClaims('2008-03-07', new Date('2026-03-06T15:59:59Z')).age_over_18).toBe(false);
    expect(deriveAgeClaims('2008-03-07', new Date('2026-03-06T16:00:00Z')).age_over_18).toBe(true);
    expect(deriveAgeClaims('1960-01-01', new Date('2026-06-01T00:00:00Z'))).toEqual({
      age_over_16: true,
      age_over_18: true,
      age_over_60: true,
    });
    expect(deriveAgeClaims('2012-06-01', new Date('2026-06-01T00:00:00Z'))).toEqual({
      age_over_16: false,
      age_over_18: false,
      age_over_60: false,
    });
  });

  it('treats 29 February birthdays as reached on 1 March in common years', () => {
    expect(deriveAgeClaims('2008-02-29', new Date('2026-02-28T04:00:00Z')).age_over_18).toBe(false);
    expect(deriveAgeClaims('2008-02-29', new Date('2026-03-01T04:00:00Z')).age_over_18).toBe(true);
  });

  it('refuses bad input', () => {
    expect(() => deriveAgeClaims('2008-02-30', new Date())).toThrow();
    expect(() => deriveAgeClaims('2030-01-01', new Date('2026-01-01T00:00:00Z'))).toThrow();
    expect(() => deriveAgeClaims('2000-01-01', new Date(Number.NaN))).toThrow();
  });
});

describe('QR purpose sets', () => {
  it('lists only catalog elements', () => {
    const ids = new Set(RESIDENT_ID_TYPE.elements.map((e) => e.id));
    for (const purpose of QR_PURPOSES) for (const id of purpose.elements) expect(ids.has(id)).toBe(true);
    expect(getQrPurpose('cn.gov.eid.1', 'hotel').elements).toHaveLength(8);
    expect(getQrPurpose('cn.gov.eid.1', 'hotel_with_portrait').elements).toContain('portrait_thumb');
    expect(getQrPurpose('cn.gov.eid.1', 'age_over_18').elements).toEqual(['age_over_18']);
    expect(() => getQrPurpose('cn.gov.eid.1', 'bank')).toThrow();
  });
});
