import {
  encodeBase64url,
  issueCatalogCredential,
  type Platform,
  type PublicKey,
  type StatusReference,
  type ValidatedClaims,
} from '@zhengzhao/core';
import type { IssuerSigning } from '../../signing.js';
import type { StoredClaims } from '../persons/person-repository.js';
import type { CredentialConfigurationSpec, CredentialFormat } from '../ports.js';
import { claimsForProfile, RESIDENT_ID_PROFILE } from './credential-profiles.js';

/** The wire format of each e-ID configuration (OpenID4VCI `format`). */
export const FORMAT_OF_CONFIGURATION: Readonly<Record<string, CredentialFormat>> = Object.fromEntries(
  RESIDENT_ID_PROFILE.configurations.map((configuration) => [configuration.id, configuration.format]),
);

/**
 * The person's `cn.gov.eid.1` claims for signing at `now`: the stored claims plus the derived
 * `age_over_16/18/60` (on the China Standard Time calendar), validated against the catalog.
 */
export function claimsForIssuance(stored: StoredClaims, now: Date): ValidatedClaims {
  return claimsForProfile(RESIDENT_ID_PROFILE, stored, { personId: '' }, { name: '', provinceCode: '' }, now);
}

export interface SignCredentialCopyOptions {
  readonly platform: Platform;
  readonly signing: IssuerSigning;
  /** The credential type and the configuration to sign. */
  readonly typeId: string;
  readonly configuration: CredentialConfigurationSpec;
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
  const { platform, signing, configuration, status } = options;
  const purpose = configuration.qrPurpose;
  const credential = await issueCatalogCredential(platform, {
    format: configuration.format === 'mso_mdoc' ? 'mdoc' : configuration.format === 'dc+sd-jwt' ? 'sd-jwt' : 'qr',
    signer: signing.signer,
    certificateChain: signing.certificateChain,
    kid: signing.kid,
    typeId: options.typeId,
    claims: options.claims,
    deviceKey: options.deviceKey,
    issuedAt: options.issuedAt,
    expiresAt: options.expiresAt,
    sdJwtIssuer: options.credentialIssuer,
    sdJwtDecoys: options.sdJwtDecoys,
    // the age QR carries neither issuer nor status: it stays under 300 bytes (qr-format.md §7)
    ...(purpose !== undefined ? { purpose } : {}),
    ...(purpose === undefined || configuration.statusReference
      ? { qrIssuer: options.provinceCode, ...(status ? { status } : {}) }
      : {}),
  });
  return typeof credential === 'string' ? credential : encodeBase64url(credential);
}
