import { type CheckOutcome, CheckRunner, type NamedCheckResult } from './check-runner.js';

/**
 * The named checks of a verification (DESIGN.md §5), in the order they run. Order is a security
 * property: trust (which yields the issuer key) and the issuer signature come before anything is
 * read from the claims, then validity and status, then the holder's device binding.
 */
export const CHECK_IDS = [
  'trust_chain',
  'issuer_signature',
  'digests',
  'doc_type',
  'validity',
  'status',
  'device_binding',
  'freshness',
  'reader_scope',
  // a guardian's presentation: the verifier SDK's checkDelegation outcome (docs/adr/0011)
  'delegation',
] as const;

export type CheckId = (typeof CHECK_IDS)[number];

export type { CheckOutcome };

export type CheckResult = NamedCheckResult<CheckId>;

/** Which kind of presentation was verified. */
export type PresentationFormat = 'mdoc-device-response' | 'sd-jwt-vc' | 'zz1-qr' | 'mdoc-issuer-signed';

/** Who issued the credential, as the trust source resolved it. */
export interface IssuerInfo {
  /** Subject of the document-signer certificate, or the key id for compact credentials. */
  readonly name: string;
  readonly suite: string;
  readonly country?: string;
  readonly trustAnchor?: string;
}

/**
 * The one result every verification returns. `valid` is true only when every check passed or
 * was skipped by policy; a failed report carries no claims (`claims` is omitted).
 */
export interface VerificationReport {
  readonly valid: boolean;
  readonly format: PresentationFormat;
  /**
   * `'paper'`: a printed ZZ1 paper credential (ADR 0010), verified by its issuer signature and
   * status but bound to no device: the holder must be compared with the portrait or the ID card.
   */
  readonly presentation?: 'paper';
  readonly credentialType?: string;
  readonly issuer?: IssuerInfo;
  /** Disclosed claims by namespace (mdoc) or by `vct` (SD-JWT VC). Absent unless `valid`. */
  readonly claims?: Record<string, Record<string, unknown>>;
  /** Status value read from the status list (0 valid, 1 invalid, 2 suspended), when checked. */
  readonly statusValue?: number;
  readonly checks: readonly CheckResult[];
}

/**
 * Collects check results in order (`CheckRunner` over the verification's check ids): a failed
 * check skips every later one, and a failed report carries no claims.
 */
export class ReportBuilder extends CheckRunner<CheckId> {
  constructor() {
    super({ code: 'ERR_CRYPTO_OPERATION', reason: 'Unexpected error during verification' });
  }

  finish(base: Omit<VerificationReport, 'valid' | 'checks'>): VerificationReport {
    const valid = !this.failed;
    const { claims, statusValue, ...rest } = base;
    return valid
      ? {
          valid,
          ...rest,
          ...(claims ? { claims } : {}),
          ...(statusValue !== undefined ? { statusValue } : {}),
          checks: this.results,
        }
      : { valid, ...rest, checks: this.results };
  }
}
