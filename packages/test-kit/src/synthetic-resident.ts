import { claimsFromJson, computeCitizenIdCheckDigit, RESIDENT_ID_TYPE_ID, type ValidatedClaims } from '@zhengzhao/core';

const BODY = '44010619900307124';

/**
 * The claims of a synthetic Guangzhou resident (never a real person: the ID number is built with
 * its check digit), as JSON, for tests that issue `cn.gov.eid.1` credentials.
 */
export function syntheticResidentJson(): Record<string, string | number | boolean> {
  return {
    full_name: '陈小红',
    family_name: '陈',
    given_name: '小红',
    sex: 2,
    ethnicity: '01',
    birth_date: '1990-03-07',
    resident_address: '广东省广州市天河区体育西路 100 号',
    id_number: BODY + computeCitizenIdCheckDigit(BODY),
    issuing_authority: '广州市公安局天河分局',
    issue_date: '2020-01-01',
    expiry_date: '2040-01-01',
    age_over_18: true,
  };
}

/** {@link syntheticResidentJson}, validated against the catalog. */
export function syntheticResidentClaims(): ValidatedClaims {
  return claimsFromJson(RESIDENT_ID_TYPE_ID, syntheticResidentJson());
}
