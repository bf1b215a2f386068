import { getQrPurpose, QR_PURPOSES, RESIDENT_ID_TYPE_ID } from '@zhengzhao/core';
import { syntheticResidentClaims } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { checkPurposeCoverage } from './check-purpose-coverage.js';
import { getPurposePreset, isPurposePresetId, PURPOSE_PRESETS } from './purpose-presets.js';

const NOW = new Date('2026-06-01T08:00:00Z');
const resident: Record<string, unknown> = { ...syntheticResidentClaims(), portrait_thumb: new Uint8Array([0xff]) };

/** What a ZZ1 QR of catalog purpose `id` discloses: exactly its elements (docs/qr-format.md §2). */
function disclosedBy(purposeId: string): Record<string, unknown> {
  const { elements } = getQrPurpose(RESIDENT_ID_TYPE_ID, purposeId);
  return Object.fromEntries(elements.map((id) => [id, resident[id]]));
}

describe('purpose presets against the catalog purpose sets', () => {
  it('every QR purpose a preset names covers it', () => {
    for (const preset of PURPOSE_PRESETS) {
      for (const purposeId of preset.qrPurposes) {
        expect(
          checkPurposeCoverage(preset, RESIDENT_ID_TYPE_ID, disclosedBy(purposeId), NOW),
          `${preset.id}/${purposeId}`,
        ).toEqual({ covered: true });
      }
    }
  });

  it('every preset names only purposes of the catalog', () => {
    const known = new Set(QR_PURPOSES.map((purpose) => purpose.id));
    for (const preset of PURPOSE_PRESETS) for (const id of preset.qrPurposes) expect(known.has(id)).toBe(true);
  });

  it('hotel needs the whole lodging register: identity_basic lacks six elements', () => {
    const coverage = checkPurposeCoverage(
      getPurposePreset('hotel'),
      RESIDENT_ID_TYPE_ID,
      disclosedBy('identity_basic'),
      NOW,
    );
    expect(coverage).toEqual({
      covered: false,
      reason: 'missing',
      missing: ['sex', 'ethnicity', 'birth_date', 'resident_address', 'issuing_authority', 'expiry_date'],
    });
  });

  it('boarding and parcels refuse the age-only QR: it names no one', () => {
    for (const id of ['boarding', 'parcel', 'internet_cafe'] as const) {
      const coverage = checkPurposeCoverage(getPurposePreset(id), RESIDENT_ID_TYPE_ID, disclosedBy('age_over_18'), NOW);
      expect(coverage.covered).toBe(false);
      expect(coverage).toMatchObject({ reason: 'missing', missing: ['full_name', 'id_number'] });
    }
  });

  it('adulthood comes from age_over_18, else the birth date, else the number; false means underage', () => {
    const age = getPurposePreset('age');
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { age_over_18: false }, NOW)).toEqual({
      covered: false,
      reason: 'underage',
    });
    // born 2010-06-02: 15 on 2026-06-01 (China time)
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { birth_date: '2010-06-02' }, NOW).covered).toBe(false);
    // the day of the 18th birthday counts
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { birth_date: '2008-06-01' }, NOW)).toEqual({
      covered: true,
    });
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { id_number: resident.id_number }, NOW)).toEqual({
      covered: true,
    });
    // age_over_18 wins over a birth date (the issuer derived it)
    expect(
      checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { age_over_18: true, birth_date: '2015-01-01' }, NOW),
    ).toEqual({ covered: true });
  });

  it('without anything about age, age_over_18 is reported missing; a malformed number proves nothing', () => {
    const age = getPurposePreset('age');
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { full_name: '陈小红' }, NOW)).toEqual({
      covered: false,
      reason: 'missing',
      missing: ['age_over_18'],
    });
    expect(checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { id_number: '440106199003071240' }, NOW)).toMatchObject({
      reason: 'missing',
    });
    expect(
      checkPurposeCoverage(age, RESIDENT_ID_TYPE_ID, { birth_date: 19900307, age_over_18: 'yes' }, NOW),
    ).toMatchObject({ reason: 'missing' });
  });

  it('another credential type never covers a resident-ID purpose', () => {
    expect(checkPurposeCoverage(getPurposePreset('boarding'), 'cn.gov.mdl.1', disclosedBy('hotel'), NOW)).toEqual({
      covered: false,
      reason: 'wrong_type',
    });
    expect(checkPurposeCoverage(getPurposePreset('boarding'), undefined, disclosedBy('hotel'), NOW).covered).toBe(
      false,
    );
  });

  it('an unknown saved preset id falls back to the hotel preset', () => {
    expect(getPurposePreset('nonsense').id).toBe('hotel');
    expect(isPurposePresetId('age')).toBe(true);
    expect(isPurposePresetId('__proto__')).toBe(false);
    expect(isPurposePresetId(42)).toBe(false);
  });
});
