import { describe, expect, it } from 'vitest';
import {
  claimsFromJson,
  computeCitizenIdCheckDigit,
  findGuardianshipRelationship,
  GUARDIANSHIP_RELATIONSHIPS,
  GUARDIANSHIP_TYPE_ID,
  getCredentialType,
  parseGuardianshipScope,
  toMdocNameSpaces,
  validateClaims,
} from '../../src/index.js';

const WARD_ID = `44010620160512123${computeCitizenIdCheckDigit('44010620160512123')}`;
const GRANT = {
  guardian_family_name: '陈',
  guardian_given_name: '小红',
  relationship: 'parent',
  ward_id_number: WARD_ID,
  ward_family_name: '陈',
  ward_given_name: '小明',
  scope: 'cn.gov.eid.1',
  valid_from: '2016-05-12',
  valid_until: '2034-05-11',
  document_number: 'JH4401062026000123',
  issuing_authority: '广州市公安局天河分局',
  issue_date: '2026-01-05',
};

describe('cn.gov.guardianship.1 in the catalog', () => {
  it('is registered with its own namespace and validates a full grant', () => {
    const type = getCredentialType(GUARDIANSHIP_TYPE_ID);
    expect(type.namespace).toBe(GUARDIANSHIP_TYPE_ID);
    expect(type.display['zh-CN']).toBe('监护关系证明');
    const claims = claimsFromJson(GUARDIANSHIP_TYPE_ID, GRANT);
    expect(claims.relationship).toBe('parent');
    const ns = toMdocNameSpaces(GUARDIANSHIP_TYPE_ID, claims)[GUARDIANSHIP_TYPE_ID];
    expect(ns?.valid_until).toMatchObject({ tag: 1004, value: '2034-05-11' });
    expect(type.elements.find((element) => element.id === 'ward_id_number')?.sensitive).toBe(true);
  });

  it.each([
    ['relationship', 'uncle'],
    ['ward_id_number', '440106201605121230'],
    ['scope', ''],
    ['scope', 'cn.gov.eid.1 cn.gov.eid.1'],
    ['scope', `cn.gov.eid.1 ${GUARDIANSHIP_TYPE_ID}`],
    ['scope', 'cn.gov.eid.1  cn.gov.mdl.1'],
    ['scope', Array.from({ length: 9 }, (_, i) => `cn.gov.t${i}.1`).join(' ')],
    ['valid_until', '2034-02-30'],
    ['guardian_family_name', 'x'.repeat(33)],
  ])('refuses %s = %j with ERR_CATALOG_SCHEMA', (element, value) => {
    expect(() => validateClaims(GUARDIANSHIP_TYPE_ID, { ...GRANT, [element]: value })).toThrow(
      expect.objectContaining({ code: 'ERR_CATALOG_SCHEMA' }),
    );
  });

  it('knows its relationship codes and reads scope', () => {
    expect(new Set(GUARDIANSHIP_RELATIONSHIPS.map((entry) => entry.code)).size).toBe(GUARDIANSHIP_RELATIONSHIPS.length);
    expect(findGuardianshipRelationship('court_appointed')?.display.en).toBe('Court-appointed guardian');
    expect(findGuardianshipRelationship(7)).toBeUndefined();
    expect(parseGuardianshipScope('cn.gov.eid.1 cn.gov.sscard.1')).toEqual(['cn.gov.eid.1', 'cn.gov.sscard.1']);
    expect(parseGuardianshipScope(['cn.gov.eid.1'])).toBeUndefined();
  });
});
