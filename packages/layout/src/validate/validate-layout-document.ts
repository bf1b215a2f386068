import { ERROR_CATALOGUE, type ErrorCode, type Platform, type TrustSource, ZzError } from '@zhengzhao/core';
import { checkPdfEnvelope, MAX_LAYOUT_DOCUMENT_BYTES } from './check-pdf-envelope.js';
import { type CredentialReportLike, LayoutReportBuilder, type LayoutValidationReport } from './layout-report.js';
import { type LocatedSignature, locateSignature } from './locate-signature.js';
import { readDrawnQr } from './read-drawn-qr.js';
import { readEmbeddedCredential } from './read-embedded-credential.js';
import { resolveSignerTrust } from './resolve-signer-trust.js';
import { type VerifiedPdfSignature, verifyPdfSignature } from './verify-pdf-signature.js';

export interface ValidateLayoutOptions<R extends CredentialReportLike> {
  readonly platform: Platform;
  /** Trusts the document signer's chain (the issuing authorities' IACA roots). */
  readonly trust: TrustSource;
  readonly now: Date;
  /**
   * Verifies the embedded credential string (the caller's verifier SDK, with status): its report
   * is kept in the result; `valid: false` fails CREDENTIAL.VERIFIED with the first failed code.
   */
  readonly verifyCredential: (credential: string) => Promise<R>;
  /** Largest document accepted (default 20 MiB). */
  readonly maxBytes?: number;
}

/**
 * Validates a signed layout document (证照校验) into a report of named checks, in order, each
 * run only when the ones before passed: PDF.STRUCTURE (one signature covering the whole file,
 * nothing after it), PDF.SIGNATURE (PAdES/CMS, allowed algorithm, digest, signature),
 * PDF.SIGNER_TRUST (`trust.resolveChain` at `now`), CREDENTIAL.EMBEDDED (the credential.*
 * attachment), CREDENTIAL.QR (the drawn QR reads back as the same credential; skipped when the
 * page has no QR block) and CREDENTIAL.VERIFIED (`verifyCredential`). Input that is not a PDF at
 * all throws `ERR_PDF_MALFORMED`; larger than `maxBytes`, `ERR_INPUT_TOO_LARGE`.
 */
export async function validateLayoutDocument<R extends CredentialReportLike>(
  bytes: Uint8Array,
  options: ValidateLayoutOptions<R>,
): Promise<LayoutValidationReport<R>> {
  const { platform, trust, now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  if (typeof trust?.resolveChain !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'A trust source is required');
  if (typeof options.verifyCredential !== 'function') {
    throw new ZzError('ERR_INPUT_INVALID', 'A verifyCredential callback is required');
  }
  checkPdfEnvelope(bytes, options.maxBytes ?? MAX_LAYOUT_DOCUMENT_BYTES);

  const report = new LayoutReportBuilder();
  const located = await report.run('PDF.STRUCTURE', () => locateSignature(bytes));
  const signature = await report.run('PDF.SIGNATURE', () =>
    verifyPdfSignature(platform, bytes, located as LocatedSignature),
  );
  const resolution = await report.run('PDF.SIGNER_TRUST', () =>
    resolveSignerTrust(trust, signature as VerifiedPdfSignature, located?.signingTime, now),
  );
  const embedded = await report.run('CREDENTIAL.EMBEDDED', () =>
    readEmbeddedCredential((located as LocatedSignature).document),
  );
  const drawn = embedded && located ? readDrawnQr(located.document, embedded.credential) : undefined;
  if (drawn && !drawn.present) report.skip('CREDENTIAL.QR', 'the page has no QR block');
  else {
    await report.run('CREDENTIAL.QR', () => {
      if (drawn?.text !== embedded?.credential) {
        throw new ZzError(
          'ERR_LAYOUT_CREDENTIAL_MISMATCH',
          drawn?.text === undefined ? 'The QR code does not decode' : undefined,
        );
      }
    });
  }
  let credentialReport: R | undefined;
  await report.run('CREDENTIAL.VERIFIED', async () => {
    credentialReport = await options.verifyCredential((embedded as { credential: string }).credential);
    if (!credentialReport.valid) {
      const failed = credentialReport.checks?.find((check) => check.outcome === 'failed');
      const code =
        failed?.code !== undefined && failed.code in ERROR_CATALOGUE ? (failed.code as ErrorCode) : undefined;
      throw new ZzError(
        code ?? 'ERR_LAYOUT_CREDENTIAL_INVALID',
        `The embedded credential is not valid${failed ? ` (${failed.id} failed)` : ''}`,
      );
    }
  });
  return report.finish<R>({
    ...(resolution && { signer: resolution.issuer }),
    ...(located?.signingTime && { signingTime: located.signingTime }),
    ...(embedded && {
      credential: { attachmentName: embedded.name, ...(credentialReport && { report: credentialReport }) },
    }),
  });
}
