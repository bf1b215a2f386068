import {
  claimsFromJson,
  computeCitizenIdCheckDigit,
  type ExportableSigner,
  GUARDIANSHIP_TYPE_ID,
  issueCatalogCredential,
  type Platform,
  RESIDENT_ID_TYPE_ID,
  type StatusReference,
  type ValidatedClaims,
} from '@zhengzhao/core';
import type { TestAuthority } from './create-test-authority.js';

const DAY = 86_400_000;
const WARD_ID_BODY = '44010620160512123';

/** A synthetic ward: a Guangzhou boy born 2016-05-12 (never a real person). */
export function syntheticWardJson(): Record<string, string | number | boolean> {
  return {
    full_name: '陈小明',
    family_name: '陈',
    given_name: '小明',
    sex: 1,
    ethnicity: '01',
    birth_date: '2016-05-12',
    resident_address: '广东省广州市天河区体育西路 100 号',
    id_number: WARD_ID_BODY + computeCitizenIdCheckDigit(WARD_ID_BODY),
    issuing_authority: '广州市公安局天河分局',
    issue_date: '2024-06-01',
    expiry_date: '2029-06-01',
    age_over_16: false,
    age_over_18: false,
  };
}

/** A guardianship (监护关系证明) of the synthetic resident 陈小红 for {@link syntheticWardJson}, until the day before his 18th birthday. */
export function syntheticGuardianshipJson(): Record<string, string | number | boolean> {
  const ward = syntheticWardJson();
  return {
    guardian_family_name: '陈',
    guardian_given_name: '小红',
    relationship: 'parent',
    ward_id_number: ward.id_number as string,
    ward_family_name: '陈',
    ward_given_name: '小明',
    scope: RESIDENT_ID_TYPE_ID,
    valid_from: '2016-05-12',
    valid_until: '2034-05-11',
    document_number: 'JH4401062026000123',
    issuing_authority: '广州市公安局天河分局',
    issue_date: '2026-01-05',
  };
}

export interface IssueTestGuardianshipOptions {
  readonly format: 'mdoc' | 'sd-jwt';
  /** Both credentials are signed at this time and valid for 30 days from it. */
  readonly signedAt: Date;
  /** The guardian's device key (default: a fresh ES256 key). */
  readonly device?: ExportableSigner;
  /** Bind the delegation to this key instead of `device` (negative tests). */
  readonly delegationDevice?: ExportableSigner;
  /** Changes to {@link syntheticGuardianshipJson}; a key set to `undefined` is left out. */
  readonly delegation?: Readonly<Record<string, unknown>>;
  /** Changes to {@link syntheticWardJson}; a key set to `undefined` is left out. */
  readonly ward?: Readonly<Record<string, unknown>>;
  /** Issue the delegation claims without catalog validation (an unknown relationship code, say). */
  readonly uncheckedDelegation?: boolean;
  readonly status?: { readonly ward?: StatusReference; readonly delegation?: StatusReference };
  /** Issuer of the delegation (default: `authority`, which issues the ward's credential). */
  readonly delegationAuthority?: TestAuthority;
}

/** A ward's resident ID and a guardianship issued into one guardian's wallet. */
export interface IssuedTestGuardianship {
  readonly format: 'mdoc' | 'sd-jwt';
  /** The guardian's device key, which both credentials bind (unless `delegationDevice` was given). */
  readonly device: ExportableSigner;
  /** `cn.gov.eid.1` of the ward: IssuerSigned bytes (mdoc) or an SD-JWT VC without KB-JWT. */
  readonly ward: Uint8Array | string;
  /** `cn.gov.guardianship.1`, same format. */
  readonly delegation: Uint8Array | string;
}

/**
 * Issues a ward's resident ID (`cn.gov.eid.1`) and the guardian's delegation
 * (`cn.gov.guardianship.1`) to one device key, as the issuing authority does when a guardian
 * takes a child's credential into their own wallet (docs/adr/0011-guardian-delegation.md).
 */
export async function issueTestGuardianship(
  platform: Platform,
  authority: TestAuthority,
  options: IssueTestGuardianshipOptions,
): Promise<IssuedTestGuardianship> {
  const device = options.device ?? (await platform.suite('ES256').generateSigner());
  const issue = async (
    issuer: TestAuthority,
    typeId: string,
    claims: ValidatedClaims,
    deviceKey: ExportableSigner,
    status: StatusReference | undefined,
  ) =>
    issueCatalogCredential(platform, {
      format: options.format,
      signer: issuer.documentSigner.signer,
      certificateChain: issuer.chain,
      kid: issuer.kid,
      typeId,
      claims,
      deviceKey: deviceKey.publicKey,
      issuedAt: options.signedAt,
      expiresAt: new Date(options.signedAt.getTime() + 30 * DAY),
      ...(status && { status }),
    });
  const delegationJson = merge(syntheticGuardianshipJson(), options.delegation);
  const delegationClaims = options.uncheckedDelegation
    ? (Object.freeze(delegationJson) as unknown as ValidatedClaims)
    : claimsFromJson(GUARDIANSHIP_TYPE_ID, delegationJson);
  const ward = await issue(
    authority,
    RESIDENT_ID_TYPE_ID,
    claimsFromJson(RESIDENT_ID_TYPE_ID, merge(syntheticWardJson(), options.ward)),
    device,
    options.status?.ward,
  );
  const delegation = await issue(
    options.delegationAuthority ?? authority,
    GUARDIANSHIP_TYPE_ID,
    delegationClaims,
    options.delegationDevice ?? device,
    options.status?.delegation,
  );
  return { format: options.format, device, ward, delegation };
}

function merge(
  base: Record<string, unknown>,
  changes: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}
