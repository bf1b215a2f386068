import {
  claimsFromJson,
  deriveAgeClaims,
  encodeBase64url,
  issueCatalogCredential,
  type Platform,
  type PublicKey,
  RESIDENT_ID_TYPE_ID,
  type StatusReference,
  type ValidatedClaims,
} from '@zhengzhao/core';
import type { IssuerSigning } from '../../signing.js';
import type { StoredClaims } from '../persons/person-repository.js';
import type { CredentialConfigurationId, CredentialFormat } from '../ports.js';

/** The wire format of each configuration (OpenID4VCI `format`). */
export const FORMAT_OF_CONFIGURATION: Readonly<Record<CredentialConfigurationId, CredentialFormat>> = {
  eid_mdoc: 'mso_mdoc',
  eid_sd_jwt: 'dc+sd-jwt',
  eid_qr_hotel: 'zz1_qr',
  eid_qr_age_over_18: 'zz1_qr',
};

/** Configurations whose credentials carry no status reference (short-lived instead, qr-format.md §7). */
export function hasStatusReference(configurationId: CredentialConfigurationId): boolean {
  return configurationId !== 'eid_qr_age_over_18';
}

/**
 * The person's `cn.gov.eid.1` claims for signing at `now`: the stored claims plus the derived
 * `age_over_16/18/60` (on the China Standard Time calendar), validated against the catalog.
 */
export function claimsForIssuance(stored: StoredClaims, now: Date): ValidatedClaims {
  const birthDate = stored.birth_date;
  const ages = typeof birthDate === 'string' ? deriveAgeClaims(birthDate, now) : {};
  return claimsFromJson(RESIDENT_ID_TYPE_ID, { ...stored, ...ages });
}

export interface SignCredentialCopyOptions {
  readonly platform: Platform;
  readonly signing: IssuerSigning;
  readonly configurationId: CredentialConfigurationId;
  readonly claims: ValidatedClaims;
  readonly deviceKey: PublicKey;
  /** Absent for the age QR. */
  readonly status?: StatusReference;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** `iss` of SD-JWT VCs: the credential issuer URL. */
  readonly credentialIssuer: string;
  /** Short `iss` of QR credentials: the province code. */
  readonly provinceCode: string;
  readonly sdJwtDecoys: number;
}

/**
 * Signs one copy in the configuration's format, as OpenID4VCI 1.0 §8.3 carries it:
 * - `eid_mdoc`: ISO 18013-5 IssuerSigned (docType and namespace `cn.gov.eid.1`, x5chain = DS
 *   chain, MSO status `{idx, uri}`), base64url of its CBOR;
 * - `eid_sd_jwt`: SD-JWT VC (vct `cn.gov.eid.1`, every catalog claim selectively disclosable,
 *   decoy digests, `x5c`, `status`);
 * - `eid_qr_hotel` / `eid_qr_age_over_18`: the compact ZZ1 credential (kid = DS certificate kid;
 *   purposes `hotel` and `age_over_18`, the latter without status), base64url of its COSE bytes.
 */
export async function signCredentialCopy(options: SignCredentialCopyOptions): Promise<string> {
  const { platform, signing, configurationId, status } = options;
  const qr = configurationId === 'eid_qr_hotel' || configurationId === 'eid_qr_age_over_18';
  const hotel = configurationId === 'eid_qr_hotel';
  const credential = await issueCatalogCredential(platform, {
    format: configurationId === 'eid_mdoc' ? 'mdoc' : configurationId === 'eid_sd_jwt' ? 'sd-jwt' : 'qr',
    signer: signing.signer,
    certificateChain: signing.certificateChain,
    kid: signing.kid,
    typeId: RESIDENT_ID_TYPE_ID,
    claims: options.claims,
    deviceKey: options.deviceKey,
    issuedAt: options.issuedAt,
    expiresAt: options.expiresAt,
    sdJwtIssuer: options.credentialIssuer,
    sdJwtDecoys: options.sdJwtDecoys,
    // the age QR carries neither issuer nor status: it stays under 300 bytes (qr-format.md §7)
    ...(qr ? { purpose: hotel ? 'hotel' : 'age_over_18' } : {}),
    ...(!qr || hotel ? { qrIssuer: options.provinceCode, ...(status ? { status } : {}) } : {}),
  });
  return typeof credential === 'string' ? credential : encodeBase64url(credential);
}
