import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';

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

export type CheckOutcome = 'ok' | 'failed' | 'skipped';

export interface CheckResult {
  readonly id: CheckId;
  readonly outcome: CheckOutcome;
  /** The stable error code when `outcome` is `failed`. */
  readonly code?: ErrorCode;
  /** A short reason for people; never personal data. */
  readonly reason?: string;
}

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
 * Collects check results in order. `run` executes one check; a ZzError fails it with its code,
 * and every later check is marked skipped, so a report never says more than was proven.
 */
export class ReportBuilder {
  private readonly results: CheckResult[] = [];
  private failedAt: CheckId | undefined;

  get failed(): boolean {
    return this.failedAt !== undefined;
  }

  /** Runs `check` unless an earlier one failed. Returns its value, or undefined when it failed. */
  async run<T>(id: CheckId, check: () => Promise<T> | T): Promise<T | undefined> {
    if (this.failedAt) {
      this.results.push({ id, outcome: 'skipped', reason: `not run: ${this.failedAt} failed` });
      return undefined;
    }
    try {
      const value = await check();
      this.results.push({ id, outcome: 'ok' });
      return value;
    } catch (error) {
      this.failedAt = id;
      const code: ErrorCode = error instanceof ZzError ? error.code : 'ERR_CRYPTO_OPERATION';
      const reason = error instanceof ZzError ? error.message : 'Unexpected error during verification';
      this.results.push({ id, outcome: 'failed', code, reason });
      return undefined;
    }
  }

  /** Records a check that policy did not ask for. */
  skip(id: CheckId, reason: string): void {
    this.results.push({ id, outcome: 'skipped', reason });
  }

  /** Records a failure found outside `run` (for example, unreadable input). */
  fail(id: CheckId, error: ZzError): void {
    this.failedAt ??= id;
    this.results.push({ id, outcome: 'failed', code: error.code, reason: error.message });
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
