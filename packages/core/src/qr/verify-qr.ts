import { chinaDateOf } from '../catalog/china-date.js';
import { getCredentialType } from '../catalog/credential-catalog.js';
import { getQrPurpose } from '../catalog/qr-purposes.js';
import { type ValidatedClaims, validateClaims } from '../catalog/validate-claims.js';
import { verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { checkSignedBeforeRevocation } from '../trust/check-signed-before-revocation.js';
import type { StatusResolver, TrustResolution, TrustSource } from '../trust/trust-source.js';
import { checkStatus } from '../verify/check-status.js';
import { ReportBuilder, type VerificationReport } from '../verify/report.js';
import { decodeQr } from './decode-qr.js';
import type { QrCredentialClaims } from './parse-qr-credential.js';
import { QR_DEFAULT_FRESHNESS_SECONDS, QR_DEFAULT_FUTURE_SKEW_SECONDS } from './qr-constants.js';

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
 * Verifies a `ZZ1:` offline QR (docs/qr-format.md §6). Text that does not decode as a ZZ1
 * presentation throws its ZzError (see `decodeQr`); a decodable QR always yields a report whose
 * checks run in this order, a failure skipping the rest: trust_chain (kid → issuer key),
 * issuer_signature, doc_type (type, purpose, catalog schema), validity (iat, exp, card expiry),
 * status, device_binding (device signature with the cnf key over the exact credential bytes),
 * freshness. Claims appear only in a valid report, as `{ [typeId]: claims }`.
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
  const qr = await decodeQr(platform, text);
  const { credential } = qr;
  const cwt: QrCredentialClaims = credential.claims;
  const report = new ReportBuilder();

  const resolution: TrustResolution | undefined = await report.run('trust_chain', () =>
    trust.resolveKid(credential.kid, { now, docType: cwt.typeId }),
  );
  await report.run('issuer_signature', async () => {
    if (!resolution) throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'No issuer key');
    await verifyCoseSign1(platform, credential.message, resolution.publicKey);
  });
  const claims: ValidatedClaims | undefined = await report.run('doc_type', () => {
    const type = getCredentialType(cwt.typeId);
    const purpose = getQrPurpose(type.typeId, cwt.purpose);
    if (options.expectedPurposes && !options.expectedPurposes.includes(purpose.id)) {
      throw new ZzError('ERR_DOCTYPE_UNEXPECTED', 'QR purpose is not one this verifier accepts');
    }
    const validated = validateClaims(type.typeId, cwt.claims);
    const present = Object.keys(validated);
    if (present.length !== purpose.elements.length || !purpose.elements.every((id) => id in validated)) {
      throw new ZzError('ERR_CATALOG_SCHEMA', 'Claims are not exactly the elements of the purpose set');
    }
    return validated;
  });
  await report.run('validity', () => {
    if (cwt.iat > nowSeconds + skew) throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'Credential iat is in the future');
    if (cwt.exp <= nowSeconds) throw new ZzError('ERR_VALIDITY_EXPIRED', 'Credential has expired');
    checkSignedBeforeRevocation(resolution, new Date(cwt.iat * 1000), now);
    const cardExpiry = claims?.expiry_date;
    if (typeof cardExpiry === 'string' && cardExpiry < chinaDateOf(now)) {
      throw new ZzError('ERR_VALIDITY_EXPIRED', 'The identity card has expired');
    }
  });
  const statusValue = await checkStatus(report, { resolver: options.statusResolver, reference: () => cwt.status, now });
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
