import { describe, expect, it } from 'vitest';
import {
  CHINA_VEHICLE_CLASSES,
  credentialNamespaces,
  decodeCbor,
  drivingPrivilegesForChinaClasses,
  elementNamespace,
  encodeCbor,
  getCredentialType,
  ISO_VEHICLE_CATEGORIES,
  isZzError,
  MDL_TYPE,
  parseChinaVehicleClasses,
  RESIDENT_ID_TYPE,
  Tag,
  toHex,
  toMdocNameSpaces,
  toSdJwtClaims,
  validateClaims,
  validateDrivingPrivileges,
} from '../../src/index.js';

const B = { vehicle_category_code: 'B', issue_date: '2020-05-10', expiry_date: '2026-05-10' };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return isZzError(error) ? `${error.code}:${error.message.includes('driving_privileges')}` : 'untyped';
  }
  return undefined;
}

describe('driving_privileges (ISO/IEC 18013-5 §7.2.4)', () => {
  it('accepts JSON objects and decoded CBOR maps with tag-1004 dates, normalised and frozen', () => {
    const fromCbor = validateDrivingPrivileges('driving_privileges', [
      new Map<string, unknown>([
        ['vehicle_category_code', 'B'],
        ['issue_date', new Tag('2020-05-10', 1004)],
        ['expiry_date', new Tag('2026-05-10', 1004)],
      ]),
      new Map<string, unknown>([
        ['vehicle_category_code', 'A'],
        [
          'codes',
          [
            new Map([['code', '78']]),
            new Map([
              ['code', '01'],
              ['sign', '='],
              ['value', '06'],
            ]),
          ],
        ],
      ]),
    ]);
    expect(fromCbor).toEqual([
      B,
      { vehicle_category_code: 'A', codes: [{ code: '78' }, { code: '01', sign: '=', value: '06' }] },
    ]);
    expect(Object.isFrozen(fromCbor) && Object.isFrozen(fromCbor[0]) && Object.isFrozen(fromCbor[1]?.codes)).toBe(true);
    expect(validateDrivingPrivileges('driving_privileges', [])).toEqual([]);
  });

  it.each([
    ['not an array', { vehicle_category_code: 'B' }],
    ['an unknown category', [{ vehicle_category_code: 'C1' + 'X' }]],
    ['a Chinese class as category', [{ vehicle_category_code: 'A3' }]],
    ['no category', [{ issue_date: '2020-05-10' }]],
    ['an unknown key', [{ ...B, restrictions: 'x' }]],
    ['a bad date', [{ ...B, expiry_date: '2026-02-30' }]],
    ['a date as a number', [{ ...B, issue_date: 20200510 }]],
    ['expiry before issue', [{ ...B, expiry_date: '2019-01-01' }]],
    ['a category twice', [B, B]],
    ['empty codes', [{ ...B, codes: [] }]],
    ['a code without code', [{ ...B, codes: [{ sign: '=' }] }]],
    ['a code too long', [{ ...B, codes: [{ code: '7'.repeat(33) }] }]],
    ['a code with control characters', [{ ...B, codes: [{ code: '7\n8' }] }]],
    ['a code with an unknown key', [{ ...B, codes: [{ code: '78', note: 'x' }] }]],
    ['a privilege that is not a map', ['B']],
    ['a map with a non-text key', [new Map<unknown, unknown>([[1, 'B']])]],
    ['too many privileges', ISO_VEHICLE_CATEGORIES.concat(['B']).map((c) => ({ vehicle_category_code: c }))],
  ])('refuses %s with ERR_CATALOG_SCHEMA naming the element', (_what, raw) => {
    expect(codeOf(() => validateDrivingPrivileges('driving_privileges', raw))).toBe('ERR_CATALOG_SCHEMA:true');
    expect(codeOf(() => validateClaims('org.iso.18013.5.1.mDL', { driving_privileges: raw }))).toBe(
      'ERR_CATALOG_SCHEMA:true',
    );
  });

  it('encodes in the mdoc as maps with full-dates tagged 1004, and in SD-JWT VC JSON as plain objects', () => {
    const claims = validateClaims('org.iso.18013.5.1.mDL', {
      driving_privileges: [B, { vehicle_category_code: 'A', codes: [{ code: '78' }] }],
    });
    const bytes = encodeCbor(toMdocNameSpaces('org.iso.18013.5.1.mDL', claims));
    // #6.1004("2020-05-10"): d9 03ec 6a "2020-05-10"
    expect(toHex(bytes)).toContain(`d903ec6a${toHex(new TextEncoder().encode('2020-05-10'))}`);
    const decoded = decodeCbor(bytes) as Map<string, Map<string, Map<string, unknown>[]>>;
    const first = decoded.get('org.iso.18013.5.1')?.get('driving_privileges')?.[0];
    expect(first).toBeInstanceOf(Map);
    expect(first?.get('issue_date')).toEqual(new Tag('2020-05-10', 1004));
    expect(first?.get('expiry_date')).toEqual(new Tag('2026-05-10', 1004));
    expect(toSdJwtClaims(claims)).toEqual({
      driving_privileges: [B, { vehicle_category_code: 'A', codes: [{ code: '78' }] }],
    });
    expect(JSON.stringify(toSdJwtClaims(claims))).toContain('"issue_date":"2020-05-10"');
  });
});

describe('Chinese licence classes (准驾车型) and their ISO approximation', () => {
  it('parses printed class strings in table order only', () => {
    expect(parseChinaVehicleClasses('C1')).toEqual(['C1']);
    expect(parseChinaVehicleClasses('A2D')).toEqual(['A2', 'D']);
    expect(parseChinaVehicleClasses('C1E')).toEqual(['C1', 'E']);
    expect(parseChinaVehicleClasses('A1A2D')).toEqual(['A1', 'A2', 'D']);
    for (const bad of ['', 'C7', 'A4', 'DA2', 'C1C1', 'c1', 'C1 E', 'G', 'A1A2A3B1B2C1C']) {
      expect(parseChinaVehicleClasses(bad), bad).toBeUndefined();
    }
  });

  it('lists the 17 classes of MPS Order 162, each mapped to an ISO category or to none', () => {
    expect(CHINA_VEHICLE_CLASSES.map((c) => c.code).join(' ')).toBe('A1 A2 A3 B1 B2 C1 C2 C3 C4 C5 C6 D E F M N P');
    for (const c of CHINA_VEHICLE_CLASSES) {
      if (c.iso) expect(ISO_VEHICLE_CATEGORIES).toContain(c.iso.category);
    }
    expect(CHINA_VEHICLE_CLASSES.filter((c) => !c.iso).map((c) => c.code)).toEqual(['M', 'P']);
  });

  it('builds ISO privileges: one per category, restriction codes only when every class has them', () => {
    const dates = { issue_date: '2020-05-10', expiry_date: '2026-05-10' };
    expect(drivingPrivilegesForChinaClasses('C1', dates)).toEqual([B]);
    expect(drivingPrivilegesForChinaClasses('C2')).toEqual([{ vehicle_category_code: 'B', codes: [{ code: '78' }] }]);
    expect(drivingPrivilegesForChinaClasses('C1C2')).toEqual([{ vehicle_category_code: 'B' }]);
    expect(drivingPrivilegesForChinaClasses('A1A2').map((p) => p.vehicle_category_code)).toEqual(['D', 'CE']);
    expect(drivingPrivilegesForChinaClasses('A1B1N').map((p) => p.vehicle_category_code)).toEqual(['D', 'D1']);
    expect(drivingPrivilegesForChinaClasses('F').map((p) => p.vehicle_category_code)).toEqual(['AM']);
    expect(drivingPrivilegesForChinaClasses('M')).toEqual([]);
    expect(codeOf(() => drivingPrivilegesForChinaClasses('X1'))).toBe('ERR_CATALOG_SCHEMA:false');
  });
});

describe('elementNamespace', () => {
  it('gives each element its own namespace, defaulting to the type namespace', () => {
    expect(elementNamespace(MDL_TYPE, 'driving_privileges')).toBe('org.iso.18013.5.1');
    expect(elementNamespace(MDL_TYPE, 'vehicle_classes')).toBe('cn.gov.mdl.1');
    const element = MDL_TYPE.elements.find((e) => e.id === 'first_issue_date');
    expect(element && elementNamespace(MDL_TYPE, element)).toBe('cn.gov.mdl.1');
    expect(elementNamespace(MDL_TYPE, 'no_such_element')).toBe('org.iso.18013.5.1');
    expect(elementNamespace(RESIDENT_ID_TYPE, 'full_name')).toBe('cn.gov.eid.1');
    expect(credentialNamespaces(MDL_TYPE)).toEqual(['org.iso.18013.5.1', 'cn.gov.mdl.1']);
    expect(credentialNamespaces(getCredentialType('cn.gov.hukou.1'))).toEqual(['cn.gov.hukou.1']);
  });
});
