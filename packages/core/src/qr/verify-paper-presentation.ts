import type { Platform } from '../platform/platform.js';
import { ReportBuilder, type VerificationReport } from '../verify/report.js';
import { checkCompactCredential } from './check-compact-credential.js';
import type { DecodedPaperQr } from './decode-paper-qr.js';
import type { VerifyQrOptions } from './verify-qr.js';

/** Why a paper report skips the holder checks: what the clerk must do instead. */
export const PAPER_DEVICE_BINDING_REASON =
  'paper credential: not bound to a phone; compare the holder with the portrait in the QR or with the identity card';
export const PAPER_FRESHNESS_REASON = 'paper credential: a printed QR is static, it has no presentation time';

/** Skips `id` with the paper reason, or as "not run" after an earlier failure. */
async function skipForPaper(report: ReportBuilder, id: 'device_binding' | 'freshness', reason: string): Promise<void> {
  if (report.failed) await report.run(id, () => undefined);
  else report.skip(id, reason);
}

/**
 * Verifies a decoded paper QR (docs/qr-format.md §10, ADR 0010); `verifyQr` calls it when the
 * proof slot is `null`. The credential checks are the phone QR's (`checkCompactCredential`,
 * medium `paper`: a paper purpose, ≤ 5 years, status REQUIRED); `device_binding` and `freshness`
 * are skipped with the reason the clerk must act on, and once the issuer signature verified the
 * report says `presentation: 'paper'`, so no paper card is ever shown as device-bound.
 */
export async function verifyPaperPresentation(
  platform: Platform,
  qr: DecodedPaperQr,
  options: VerifyQrOptions & { readonly futureSkewSeconds: number },
): Promise<VerificationReport> {
  const { credential } = qr;
  const report = new ReportBuilder();
  const checked = await checkCompactCredential(platform, report, credential, {
    trust: options.trust,
    now: options.now,
    futureSkewSeconds: options.futureSkewSeconds,
    medium: 'paper',
    ...(options.statusResolver && { statusResolver: options.statusResolver }),
    ...(options.expectedPurposes && { expectedPurposes: options.expectedPurposes }),
  });
  await skipForPaper(report, 'device_binding', PAPER_DEVICE_BINDING_REASON);
  await skipForPaper(report, 'freshness', PAPER_FRESHNESS_REASON);
  const { resolution, claims, statusValue } = checked;
  const typeId = credential.claims.typeId;
  return report.finish({
    format: 'zz1-qr',
    ...(checked.signed && { presentation: 'paper' as const }),
    ...(resolution && !report.failed ? { credentialType: typeId, issuer: resolution.issuer } : {}),
    ...(claims ? { claims: { [typeId]: { ...claims } } } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  });
}
