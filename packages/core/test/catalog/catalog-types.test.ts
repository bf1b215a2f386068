import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_CATALOG,
  claimsFromJson,
  decodeCbor,
  encodeCbor,
  getCredentialType,
  isZzError,
  RESIDENT_ID_TYPE,
  toMdocNameSpaces,
  toSdJwtClaims,
  validateClaims,
} from '../../src/index.js';
import { GOOD, ID_F, ID_M, MDL_CLAIMS } from './catalog-fixtures.js';

function schemaErrorOf(typeId: string, claims: Record<string, unknown>): { code?: string; message: string } {
  try {
    validateClaims(typeId, claims);
  } catch (error) {
    if (isZzError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  return { message: '(accepted)' };
}

describe('catalog: the new credential types', () => {
  it('registers every type with display names, privacy classes and unique element ids', () => {
    expect([...CREDENTIAL_CATALOG.keys()]).toEqual(expect.arrayContaining(['cn.gov.eid.1', ...GOOD.map(([t]) => t)]));
    expect(getCredentialType('cn.gov.eid.1')).toBe(RESIDENT_ID_TYPE);
    for (const [typeId, claims] of GOOD) {
      const type = getCredentialType(typeId);
      expect(type.display['zh-CN'].length).toBeGreaterThan(0);
      expect(type.display.en.length).toBeGreaterThan(0);
      const ids = type.elements.map((e) => e.id);
      expect(new Set(ids).size, typeId).toBe(ids.length);
      // the fixtures fill in every element
      expect(Object.keys(claims).sort(), typeId).toEqual([...ids].sort());
      for (const element of type.elements) {
        expect(element.display['zh-CN'].length).toBeGreaterThan(0);
        expect(element.display.en.length).toBeGreaterThan(0);
        expect(element.cbor.length).toBeGreaterThan(0);
        expect(element.sensitive && !element.personal, `${typeId} ${element.id}`).toBe(false);
      }
    }
  });

  it('marks identity numbers, portraits, marriage and property facts sensitive', () => {
    const sensitive = (typeId: string) =>
      getCredentialType(typeId)
        .elements.filter((e) => e.sensitive)
        .map((e) => e.id);
    expect(sensitive('org.iso.18013.5.1.mDL')).toEqual(['document_number', 'portrait']);
    expect(sensitive('cn.gov.sscard.1')).toEqual(['social_security_number', 'bank_card_number', 'portrait']);
    expect(sensitive('cn.edu.degree.1')).toEqual(['id_number', 'portrait']);
    expect(sensitive('cn.gov.hukou.1')).toEqual(['ethnicity', 'id_number', 'marital_status']);
    const marriage = getCredentialType('cn.gov.marriage.1').elements;
    expect(marriage.filter((e) => !e.sensitive).map((e) => e.id)).toEqual(['issuing_authority']);
    const estate = getCredentialType('cn.gov.realestate.1').elements;
    expect(estate.filter((e) => !e.sensitive).map((e) => e.id)).toEqual([
      'document_number',
      'issuing_authority',
      'issue_date',
    ]);
  });

  it.each(GOOD)('%s: validates a complete record', (typeId, claims) => {
    const validated = validateClaims(typeId, claims);
    expect(Object.isFrozen(validated)).toBe(true);
    expect(validated).toEqual(claims);
  });

  it.each(GOOD)('%s: round-trips through mdoc CBOR and through SD-JWT VC JSON', (typeId, claims) => {
    const validated = validateClaims(typeId, claims);
    // mdoc: nameSpaces → deterministic CBOR → decoded Maps (dates as tag 1004) → validated again
    const bytes = encodeCbor(toMdocNameSpaces(typeId, validated));
    const decoded = decodeCbor(bytes) as Map<string, Map<string, unknown>>;
    const merged = new Map<string, unknown>();
    for (const elements of decoded.values()) for (const [id, value] of elements) merged.set(id, value);
    expect(validateClaims(typeId, merged)).toEqual(validated);
    // SD-JWT VC: JSON text → claimsFromJson (bytes from base64url)
    const json = JSON.parse(JSON.stringify(toSdJwtClaims(validated)));
    expect(claimsFromJson(typeId, json)).toEqual(validated);
  });

  it.each([
    ['org.iso.18013.5.1.mDL', 'family_name', { family_name: '张' }],
    ['org.iso.18013.5.1.mDL', 'given_name', { given_name: 'W'.repeat(151) }],
    ['org.iso.18013.5.1.mDL', 'sex', { sex: 3 }],
    ['org.iso.18013.5.1.mDL', 'nationality', { nationality: 'CHN' }],
    ['org.iso.18013.5.1.mDL', 'issuing_country', { issuing_country: 'TW' }],
    ['org.iso.18013.5.1.mDL', 'un_distinguishing_sign', { un_distinguishing_sign: 'RC' }],
    ['org.iso.18013.5.1.mDL', 'issuing_jurisdiction', { issuing_jurisdiction: 'BJ' }],
    ['org.iso.18013.5.1.mDL', 'expiry_date', { expiry_date: '2026-02-30' }],
    ['org.iso.18013.5.1.mDL', 'expiry_date', { expiry_date: '2019-01-01' }],
    ['org.iso.18013.5.1.mDL', 'vehicle_classes', { vehicle_classes: 'C7' }],
    ['org.iso.18013.5.1.mDL', 'vehicle_classes', { vehicle_classes: 'DA2' }],
    ['org.iso.18013.5.1.mDL', 'vehicle_classes', { vehicle_classes: 'C1C1' }],
    ['org.iso.18013.5.1.mDL', 'vehicle_classes', { vehicle_classes: 'c1' }],
    ['org.iso.18013.5.1.mDL', 'driving_privileges', { driving_privileges: [{ vehicle_category_code: 'C1E1' }] }],
    ['org.iso.18013.5.1.mDL', 'driving_privileges', { driving_privileges: 'B' }],
    ['org.iso.18013.5.1.mDL', 'portrait', { portrait: new Uint8Array(16 * 1024 + 1) }],
    ['org.iso.18013.5.1.mDL', 'file_number', { file_number: 'A1' }],
    ['cn.gov.sscard.1', 'social_security_number', { social_security_number: '110105199003071230' }],
    ['cn.gov.sscard.1', 'document_number', { document_number: 'A1234' }],
    ['cn.gov.sscard.1', 'bank_card_number', { bank_card_number: 6214830100012345 }],
    ['cn.gov.sscard.1', 'issuing_region_code', { issuing_region_code: '990000' }],
    ['cn.gov.sscard.1', 'issue_date', { issue_date: 20210301 }],
    ['cn.edu.degree.1', 'degree_level', { degree_level: 'bachelor' }],
    ['cn.edu.degree.1', 'document_number', { document_number: '10001420120012' }],
    ['cn.edu.degree.1', 'major', { major: '计'.repeat(65) }],
    ['cn.edu.degree.1', 'id_number', { id_number: ID_F }], // a woman's number, sex 1 and another birth date
    ['cn.gov.marriage.1', 'holder_party', { holder_party: 3 }],
    ['cn.gov.marriage.1', 'party_2_id_number', { party_2_sex: 1 }],
    ['cn.gov.marriage.1', 'party_1_id_number', { party_1_birth_date: '1990-03-08' }],
    ['cn.gov.marriage.1', 'joint_photo', { joint_photo: 'not bytes' }],
    ['cn.gov.realestate.1', 'unit_number', { unit_number: '110105001002GB00012F0001000' }],
    ['cn.gov.realestate.1', 'unit_number', { unit_number: '990105001002GB00012F00010001' }],
    ['cn.gov.realestate.1', 'building_area', { building_area: 89.5 }],
    ['cn.gov.realestate.1', 'building_area', { building_area: '89.505' }],
    ['cn.gov.realestate.1', 'co_ownership', { co_ownership: '其他' }],
    ['cn.gov.hukou.1', 'household_kind', { household_kind: '个人户' }],
    ['cn.gov.hukou.1', 'marital_status', { marital_status: '50' }],
    ['cn.gov.hukou.1', 'ethnicity', { ethnicity: '57' }],
    ['cn.gov.hukou.1', 'id_number', { birth_date: '1991-03-07' }],
    ['cn.gov.hukou.1', 'religion', { religion: '无' }],
  ])('%s: names %s (not its value) in ERR_CATALOG_SCHEMA', (typeId, element, patch) => {
    const good = GOOD.find(([t]) => t === typeId)?.[1] ?? {};
    const { code, message } = schemaErrorOf(typeId, { ...good, ...patch });
    expect(code).toBe('ERR_CATALOG_SCHEMA');
    expect(message).toContain(element);
    for (const value of Object.values(patch)) {
      if (typeof value === 'string' && value.length > 2) expect(message).not.toContain(value);
    }
  });

  it('accepts a partial disclosure and the ISO 5218 sex codes on the mDL', () => {
    expect(validateClaims('org.iso.18013.5.1.mDL', { vehicle_classes: 'A2D', sex: 9 })).toEqual({
      vehicle_classes: 'A2D',
      sex: 9,
    });
    expect(validateClaims('cn.gov.marriage.1', { party_2_id_number: ID_F, party_2_sex: 2 }).party_2_sex).toBe(2);
    expect(schemaErrorOf('cn.gov.marriage.1', { party_1_id_number: ID_M, party_1_sex: 1 }).message).toBe('(accepted)');
  });

  it('puts the ISO elements of the mDL in org.iso.18013.5.1 and the Chinese ones in cn.gov.mdl.1', () => {
    const nameSpaces = toMdocNameSpaces('org.iso.18013.5.1.mDL', validateClaims('org.iso.18013.5.1.mDL', MDL_CLAIMS));
    expect(Object.keys(nameSpaces).sort()).toEqual(['cn.gov.mdl.1', 'org.iso.18013.5.1']);
    expect(Object.keys(nameSpaces['cn.gov.mdl.1'] ?? {}).sort()).toEqual([
      'file_number',
      'first_issue_date',
      'issuing_authority_national_character',
      'resident_address',
      'vehicle_classes',
    ]);
    expect(nameSpaces['org.iso.18013.5.1']).toHaveProperty('driving_privileges');
    expect(nameSpaces['org.iso.18013.5.1']).toHaveProperty('un_distinguishing_sign', 'CHN');
  });
});
