import type { LocalizedText } from '../catalog/credential-type.js';
import type { ErrorCode } from '../errors/catalogue.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { CheckOutcome, VerificationReport } from '../verify/report.js';

/**
 * The named checks of a guardian's presentation (docs/adr/0011-guardian-delegation.md), in the
 * order they run; a failed check marks every later one skipped. Both documents' own verification
 * (trust, issuer signature, digests, validity, status, device binding) comes first: nothing is
 * read from a claim that was not proven.
 */
export const DELEGATION_CHECK_IDS = [
  'DELEGATION.CREDENTIALS',
  'DELEGATION.ELEMENTS',
  'DELEGATION.VALIDITY',
  'DELEGATION.DEVICE_KEY',
  'DELEGATION.WARD',
  'DELEGATION.SCOPE',
  'DELEGATION.RELATIONSHIP',
] as const;

export type DelegationCheckId = (typeof DELEGATION_CHECK_IDS)[number];

export interface DelegationCheck {
  readonly id: DelegationCheckId;
  readonly outcome: CheckOutcome;
  /** The stable code when `outcome` is `failed`. */
  readonly code?: ErrorCode;
  /** `DELEGATION.CREDENTIALS`: the code of the document's own failed check (e.g. `ERR_STATUS_REVOKED`). */
  readonly cause?: ErrorCode;
  /** A short reason for people; never personal data. */
  readonly reason?: string;
}

/** One document of the presentation, already verified on its own. */
export interface DelegationDocument {
  /** mdoc docType or SD-JWT VC `vct`. */
  readonly docType: string;
  /**
   * Its verification report (`verifyMdocDocument`, `verifySdJwtVc`, or a verifier SDK report):
   * it must be valid, with a passed `device_binding`. Claims are read from it: the namespace of
   * the catalog type (mdoc) or the `vct` (SD-JWT VC).
   */
  readonly report: VerificationReport;
  /** The key the credential binds (MSO `deviceKeyInfo.deviceKey`, SD-JWT `cnf.jwk`); absent if unreadable. */
  readonly deviceKey?: PublicKey;
}

export interface CheckDelegationInput {
  /** The ward's credential (e.g. `cn.gov.eid.1`). */
  readonly ward: DelegationDocument;
  /** The guardianship credential (`cn.gov.guardianship.1`). */
  readonly delegation: DelegationDocument;
  /** The verification time; the delegation's dates are read as China Standard Time calendar days. */
  readonly now: Date;
}

/** What a verifier shows of a valid delegation: 由监护人代为出示 / presented by a guardian. */
export interface DelegationGuardian {
  /** Absent when the guardian's name was not disclosed. */
  readonly familyName?: string;
  readonly givenName?: string;
  /** A code of `GUARDIANSHIP_RELATIONSHIPS`, with its display names. */
  readonly relationship: string;
  readonly relationshipDisplay: LocalizedText;
  /** Last day of the delegation (YYYY-MM-DD, inclusive). */
  readonly validUntil: string;
  /** The delegation's own document number, when disclosed (to quote to the issuing authority). */
  readonly documentNumber?: string;
}

export interface DelegationResult {
  /** True when every check passed. */
  readonly valid: boolean;
  readonly checks: readonly DelegationCheck[];
  /** Only when valid. */
  readonly guardian?: DelegationGuardian;
}

/** The notice a verifier shows beside a ward's credential presented under a valid delegation. */
export const DELEGATION_NOTICE: LocalizedText = { 'zh-CN': '由监护人代为出示', en: 'Presented by a guardian' };
