import { SOCIAL_SECURITY_CARD_TYPE_ID } from '@zhengzhao/core';
import { syntheticResidentJson } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import {
  claimsForProfile,
  configurationOf,
  credentialProfileFor,
  RESIDENT_ID_PROFILE,
} from '../../src/modules/credentials/credential-profiles.js';

const NOW = new Date('2026-11-28T08:00:00Z');
const authority = { name: '广东省人力资源和社会保障厅', provinceCode: '44' };

describe('credential profiles: what one issuer code issues for each kind of authority', () => {
  it('the e-ID keeps its four configurations; the age QR alone has no status entry', () => {
    expect(credentialProfileFor()).toBe(RESIDENT_ID_PROFILE);
    expect(RESIDENT_ID_PROFILE.configurations.map((c) => c.id)).toEqual([
      'eid_mdoc',
      'eid_sd_jwt',
      'eid_qr_hotel',
      'eid_qr_age_over_18',
    ]);
    expect(configurationOf(RESIDENT_ID_PROFILE, 'eid_qr_age_over_18')).toMatchObject({
      format: 'zz1_qr',
      qrPurpose: 'age_over_18',
      statusReference: false,
    });
  });

  it('derives the social security card from the population record, with the authority’s own number', () => {
    const profile = credentialProfileFor(SOCIAL_SECURITY_CARD_TYPE_ID);
    expect(profile.configurations.map((c) => [c.id, c.format])).toEqual([
      ['sscard_mdoc', 'mso_mdoc'],
      ['sscard_sd_jwt', 'dc+sd-jwt'],
    ]);
    const stored = syntheticResidentJson() as Record<string, string | number>;
    const claims = claimsForProfile(profile, stored, { personId: 'p-1' }, authority, NOW);
    expect(claims.social_security_number).toBe(stored.id_number);
    expect(claims.full_name).toBe(stored.full_name);
    expect(claims.issuing_region_code).toBe('440000');
    expect(claims.issuing_authority).toBe(authority.name);
    expect(String(claims.document_number)).toMatch(/^[0-9A-Z]{9}$/);
    // stable per person, different between persons
    expect(claimsForProfile(profile, stored, { personId: 'p-1' }, authority, NOW).document_number).toBe(
      claims.document_number,
    );
    expect(claimsForProfile(profile, stored, { personId: 'p-2' }, authority, NOW).document_number).not.toBe(
      claims.document_number,
    );
    // nothing of the e-ID that the card does not carry
    expect(claims).not.toHaveProperty('resident_address');
    expect(claims).not.toHaveProperty('ethnicity');
  });

  it('refuses a type it cannot derive, and an unknown configuration', () => {
    expect(() => credentialProfileFor('cn.gov.marriage.1')).toThrow(
      expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }),
    );
    expect(() => credentialProfileFor('no.such.type')).toThrow(expect.objectContaining({ code: 'ERR_CONFIG_INVALID' }));
    expect(() => configurationOf(RESIDENT_ID_PROFILE, 'sscard_mdoc')).toThrow(
      expect.objectContaining({ code: 'ERR_INPUT_INVALID' }),
    );
  });
});
