import { createHash } from 'node:crypto';
import {
  claimsFromJson,
  deriveAgeClaims,
  getCredentialType,
  RESIDENT_ID_TYPE_ID,
  SOCIAL_SECURITY_CARD_TYPE_ID,
  type ValidatedClaims,
  ZzError,
} from '@zhengzhao/core';
import type { StoredClaims } from '../persons/person-repository.js';
import type { CredentialConfigurationSpec, CredentialProfile } from '../ports.js';

const MDOC_SUFFIX = { 'zh-CN': '（mdoc）', en: ' (mdoc)' };
const SD_JWT_SUFFIX = { 'zh-CN': '（SD-JWT）', en: ' (SD-JWT VC)' };

/** The resident e-ID (public security): mdoc, SD-JWT VC and two offline-QR purpose sets. */
export const RESIDENT_ID_PROFILE: CredentialProfile = {
  typeId: RESIDENT_ID_TYPE_ID,
  configurations: [
    { id: 'eid_mdoc', format: 'mso_mdoc', statusReference: true, displaySuffix: MDOC_SUFFIX },
    { id: 'eid_sd_jwt', format: 'dc+sd-jwt', statusReference: true, displaySuffix: SD_JWT_SUFFIX },
    {
      id: 'eid_qr_hotel',
      format: 'zz1_qr',
      qrPurpose: 'hotel',
      statusReference: true,
      displaySuffix: { 'zh-CN': '（住宿登记二维码）', en: ' (hotel registration QR)' },
    },
    {
      id: 'eid_qr_age_over_18',
      format: 'zz1_qr',
      qrPurpose: 'age_over_18',
      // short-lived instead of revocable: the 300-byte budget (qr-format.md §7)
      statusReference: false,
      displaySuffix: { 'zh-CN': '（年满18岁二维码）', en: ' (age over 18 QR)' },
    },
  ],
};

/** Short configuration-id prefixes of the other types an issuer may run for. */
const PREFIXES: Readonly<Record<string, string>> = {
  [SOCIAL_SECURITY_CARD_TYPE_ID]: 'sscard',
};

/**
 * The profile of an issuer of `typeId`: the e-ID's own, or — for the other catalog types it knows
 * how to derive (the social security card) — an mdoc and an SD-JWT VC configuration.
 */
export function credentialProfileFor(typeId: string = RESIDENT_ID_TYPE_ID): CredentialProfile {
  if (typeId === RESIDENT_ID_TYPE_ID) return RESIDENT_ID_PROFILE;
  const prefix = PREFIXES[typeId];
  if (!prefix) throw new ZzError('ERR_CONFIG_INVALID', `This issuer cannot issue ${typeId}`);
  getCredentialType(typeId);
  const configurations: CredentialConfigurationSpec[] = [
    { id: `${prefix}_mdoc`, format: 'mso_mdoc', statusReference: true, displaySuffix: MDOC_SUFFIX },
    { id: `${prefix}_sd_jwt`, format: 'dc+sd-jwt', statusReference: true, displaySuffix: SD_JWT_SUFFIX },
  ];
  return { typeId, configurations };
}

/** A configuration of the profile, or `ERR_INPUT_INVALID`. */
export function configurationOf(profile: CredentialProfile, id: string): CredentialConfigurationSpec {
  const found = profile.configurations.find((configuration) => configuration.id === id);
  if (!found) throw new ZzError('ERR_INPUT_INVALID', 'Unknown credential configuration');
  return found;
}

/** Who the derived licence is issued by (printed in `issuing_authority` and its region). */
export interface IssuingAuthorityFacts {
  readonly name: string;
  readonly provinceCode: string;
}

/**
 * The person's claims of the profile's type at `now`, validated against the catalog. The e-ID's
 * are the registry's record plus the derived `age_over_16/18/60` (China Standard Time). The
 * social security card is derived from the same population record (the social security number is
 * the citizen number, GB 11643; 人社部《社会保障卡规范》) with this authority's card number, region
 * and name, and the card's dates.
 */
export function claimsForProfile(
  profile: CredentialProfile,
  stored: StoredClaims,
  person: { readonly personId: string },
  authority: IssuingAuthorityFacts,
  now: Date,
): ValidatedClaims {
  if (profile.typeId === RESIDENT_ID_TYPE_ID) {
    const birthDate = stored.birth_date;
    const ages = typeof birthDate === 'string' ? deriveAgeClaims(birthDate, now) : {};
    return claimsFromJson(RESIDENT_ID_TYPE_ID, { ...stored, ...ages });
  }
  if (profile.typeId === SOCIAL_SECURITY_CARD_TYPE_ID) {
    return claimsFromJson(SOCIAL_SECURITY_CARD_TYPE_ID, {
      full_name: stored.full_name,
      social_security_number: stored.id_number,
      document_number: cardNumberOf(profile.typeId, person.personId),
      ...(stored.portrait !== undefined ? { portrait: stored.portrait } : {}),
      issuing_region_code: `${authority.provinceCode}0000`,
      issuing_authority: authority.name.slice(0, 64),
      issue_date: stored.issue_date,
      expiry_date: stored.expiry_date,
    });
  }
  throw new ZzError('ERR_CONFIG_INVALID', `No claims derivation for ${profile.typeId}`);
}

/** A stable nine-character card number of this authority for the person (A–Z, 0–9). */
function cardNumberOf(typeId: string, personId: string): string {
  const digest = createHash('sha256').update(`${typeId}\u0000${personId}`).digest();
  const alphabet = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  let out = '';
  for (let i = 0; i < 9; i++) out += alphabet[(digest[i] as number) % alphabet.length];
  return out;
}
