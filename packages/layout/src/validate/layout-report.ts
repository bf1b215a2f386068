import { CheckRunner, type IssuerInfo, type NamedCheckResult } from '@zhengzhao/core';

/**
 * The named checks of a layout-document validation, in the order they run (the order is a
 * security property: the file's integrity, its signature and the signer's trust come before
 * anything is read from it; then the embedded credential).
 */
export const LAYOUT_CHECK_IDS = [
  'PDF.STRUCTURE',
  'PDF.SIGNATURE',
  'PDF.SIGNER_TRUST',
  'CREDENTIAL.EMBEDDED',
  'CREDENTIAL.QR',
  'CREDENTIAL.VERIFIED',
] as const;

export type LayoutCheckId = (typeof LAYOUT_CHECK_IDS)[number];

export type LayoutCheckResult = NamedCheckResult<LayoutCheckId>;

/** What the caller's credential verifier returns: any report with `valid` and named checks will do. */
export interface CredentialReportLike {
  readonly valid: boolean;
  readonly checks?: readonly { readonly id: string; readonly outcome: string; readonly code?: string }[];
}

export interface LayoutValidationReport<R extends CredentialReportLike = CredentialReportLike> {
  /** True only when every check passed (or was skipped by policy). */
  readonly valid: boolean;
  /** The document signer as the trust source resolved it. */
  readonly signer?: IssuerInfo;
  /** The claimed signing time (/M), when present. */
  readonly signingTime?: Date;
  /** The embedded credential's attachment name and the caller's report on it. */
  readonly credential?: { readonly attachmentName: string; readonly report?: R };
  readonly checks: readonly LayoutCheckResult[];
}

/** Collects checks in order; a failure marks every later check skipped (core's `CheckRunner`). */
export class LayoutReportBuilder extends CheckRunner<LayoutCheckId> {
  constructor() {
    super({ code: 'ERR_PDF_MALFORMED', reason: 'Unexpected error while reading the document' });
  }

  finish<R extends CredentialReportLike>(
    base: Omit<LayoutValidationReport<R>, 'valid' | 'checks'>,
  ): LayoutValidationReport<R> {
    return { valid: !this.failed, ...base, checks: this.results };
  }
}
