import { verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import type { StatusResolver, TrustSource } from '../trust/trust-source.js';
import { ReportBuilder, type VerificationReport } from '../verify/report.js';
import { checkCompactCredential } from './check-compact-credential.js';
import { paperQrFromPayload } from './decode-paper-qr.js';
import { deviceQrFromPayload } from './decode-qr.js';
import { decodeQrPayload } from './decode-qr-payload.js';
import type { QrCredentialClaims } from './parse-qr-credential.js';
import { QR_DEFAULT_FRESHNESS_SECONDS, QR_DEFAULT_FUTURE_SKEW_SECONDS } from './qr-constants.js';
import { verifyPaperPresentation } from './verify-paper-presentation.js';

export interface VerifyQrOptions {
  readonly trust: TrustSource;
  readonly now: Date;
  /** How old the device proof may be, in seconds (default 120). */
  readonly freshnessSeconds?: number;
  /** How far ahead of `now` the device proof (and `iat`) may be dated, in seconds (default 10). */
  readonly futureSkewSeconds?: number;
  /** Checks the Token Status List entry when given; otherwise the status check is skipped. */
  readonly statusResolver?: StatusResolver;
  /** Purposes this counter accepts (for example `['hotel', 'hotel_with_portrait']`); any when absent. */
  readonly expectedPurposes?: readonly string[];
}

/**
 * Verifies a `ZZ1:` offline QR (docs/qr-format.md §5). Text that does not decode as a ZZ1
 * presentation throws its ZzError (see `decodeQr`); a decodable QR always yields a report whose
 * checks run in this order, a failure skipping the rest: trust_chain (kid → issuer key),
 * issuer_signature, doc_type (type, purpose, catalog schema), validity (iat, exp, card expiry),
 * status, device_binding (device signature with the cnf key over the exact credential bytes),
 * freshness. Claims appear only in a valid report, as `{ [typeId]: claims }`.
 *
 * A QR whose proof slot is `null` is a paper credential (§10, ADR 0010) and is verified as one:
 * a paper purpose, no `cnf`, a REQUIRED status check, device_binding and freshness skipped with
 * their reason, and `presentation: 'paper'` in the report. `null` beside a device-bound
 * credential (a phone QR with its proof stripped) throws `ERR_QR_DEVICE_PROOF_MISSING`.
 */
export async function verifyQr(
  platform: Platform,
  text: string,
  options: VerifyQrOptions,
): Promise<VerificationReport> {
  const { now, trust } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  const freshness = options.freshnessSeconds ?? QR_DEFAULT_FRESHNESS_SECONDS;
  const skew = options.futureSkewSeconds ?? QR_DEFAULT_FUTURE_SKEW_SECONDS;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const payload = await decodeQrPayload(platform, text);
  if (payload.proof === null) {
    return verifyPaperPresentation(platform, paperQrFromPayload(payload), { ...options, futureSkewSeconds: skew });
  }
  const qr = deviceQrFromPayload(payload);
  const { credential } = qr;
  const cwt: QrCredentialClaims = credential.claims;
  const report = new ReportBuilder();

  const { resolution, claims, statusValue } = await checkCompactCredential(platform, report, credential, {
    trust,
    now,
    futureSkewSeconds: skew,
    medium: 'device',
    ...(options.statusResolver && { statusResolver: options.statusResolver }),
    ...(options.expectedPurposes && { expectedPurposes: options.expectedPurposes }),
  });
  await report.run('device_binding', async () => {
    try {
      await verifyCoseSign1(platform, qr.deviceProof, cwt.holderPublicKey, { externalAad: credential.bytes });
    } catch (error) {
      if (isZzError(error, 'ERR_COSE_SIGNATURE_INVALID')) {
        throw new ZzError('ERR_QR_DEVICE_SIGNATURE_INVALID', 'Device signature does not verify for this credential');
      }
      throw error;
    }
  });
  await report.run('freshness', () => {
    if (qr.timestamp > nowSeconds + skew) throw new ZzError('ERR_FRESHNESS_FUTURE', 'QR is dated in the future');
    if (nowSeconds - qr.timestamp > freshness)
      throw new ZzError('ERR_FRESHNESS_STALE', 'QR is older than the freshness window');
  });

  return report.finish({
    format: 'zz1-qr',
    ...(resolution && !report.failed ? { credentialType: cwt.typeId, issuer: resolution.issuer } : {}),
    ...(claims ? { claims: { [cwt.typeId]: { ...claims } } } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  });
}
