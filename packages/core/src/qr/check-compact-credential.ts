import { chinaDateOf } from '../catalog/china-date.js';
import { getCredentialType } from '../catalog/credential-catalog.js';
import { getPaperQrPurpose, getQrPurpose } from '../catalog/qr-purposes.js';
import { type ValidatedClaims, validateClaims } from '../catalog/validate-claims.js';
import { verifyCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { checkSignedBeforeRevocation } from '../trust/check-signed-before-revocation.js';
import type { StatusResolver, TrustResolution, TrustSource } from '../trust/trust-source.js';
import { checkStatus } from '../verify/check-status.js';
import type { ReportBuilder } from '../verify/report.js';
import { PAPER_MAX_LIFETIME_SECONDS } from './paper-constants.js';
import type { CompactCredentialClaims, ParsedCompactCredential } from './parse-qr-credential.js';

export interface CheckCompactCredentialOptions {
  readonly trust: TrustSource;
  readonly now: Date;
  readonly futureSkewSeconds: number;
  readonly statusResolver?: StatusResolver;
  readonly expectedPurposes?: readonly string[];
  /** `device`: a phone purpose (`QR_PURPOSES`); `paper`: a paper purpose (`PAPER_QR_PURPOSES`). */
  readonly medium: 'device' | 'paper';
}

export interface CompactCredentialChecks {
  readonly resolution?: TrustResolution;
  /** True once the issuer signature verified: only then may the report say what the QR is. */
  readonly signed: boolean;
  readonly claims?: ValidatedClaims;
  readonly statusValue?: number;
}

/**
 * The checks every compact credential goes through, in order (docs/qr-format.md §5, §10):
 * trust_chain (kid → issuer key), issuer_signature, doc_type (type; a purpose of the medium's own
 * list, so a paper purpose never passes as a phone one or back; exactly its elements), validity
 * (iat, exp, card expiry; for paper also the five-year bound, and a compromised signer key
 * rejects every paper credential however it is dated) and status (for paper a status reference
 * and a resolver are REQUIRED: a five-year credential is never accepted unchecked).
 */
export async function checkCompactCredential(
  platform: Platform,
  report: ReportBuilder,
  credential: ParsedCompactCredential,
  options: CheckCompactCredentialOptions,
): Promise<CompactCredentialChecks> {
  const { now, trust, medium } = options;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  const cwt: CompactCredentialClaims = credential.claims;
  const resolution: TrustResolution | undefined = await report.run('trust_chain', () =>
    trust.resolveKid(credential.kid, { now, docType: cwt.typeId }),
  );
  const signed = await report.run('issuer_signature', async () => {
    if (!resolution) throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'No issuer key');
    await verifyCoseSign1(platform, credential.message, resolution.publicKey);
    return true;
  });
  const claims: ValidatedClaims | undefined = await report.run('doc_type', () => {
    const type = getCredentialType(cwt.typeId);
    const purpose =
      medium === 'paper' ? getPaperQrPurpose(type.typeId, cwt.purpose) : getQrPurpose(type.typeId, cwt.purpose);
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
    if (cwt.iat > nowSeconds + options.futureSkewSeconds)
      throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'Credential iat is in the future');
    if (cwt.exp <= nowSeconds) throw new ZzError('ERR_VALIDITY_EXPIRED', 'Credential has expired');
    if (medium === 'paper' && cwt.exp - cwt.iat > PAPER_MAX_LIFETIME_SECONDS) {
      throw new ZzError('ERR_QR_PAPER_LIFETIME', 'Paper credential lives longer than five years');
    }
    const compromised = medium === 'paper' && resolution?.revoked?.code === 'ERR_TRUST_KEY_COMPROMISED';
    checkSignedBeforeRevocation(resolution, compromised ? now : new Date(cwt.iat * 1000), now);
    const cardExpiry = claims?.expiry_date;
    if (typeof cardExpiry === 'string' && cardExpiry < chinaDateOf(now)) {
      throw new ZzError('ERR_VALIDITY_EXPIRED', 'The identity card has expired');
    }
  });
  const statusValue =
    medium === 'paper' && (!cwt.status || !options.statusResolver)
      ? await report.run('status', (): undefined => {
          if (!cwt.status)
            throw new ZzError('ERR_QR_PAPER_STATUS_REQUIRED', 'Paper credential has no status reference');
          throw new ZzError('ERR_STATUS_UNAVAILABLE', 'A paper credential is accepted only after a status check');
        })
      : await checkStatus(report, { resolver: options.statusResolver, reference: () => cwt.status, now });
  return {
    ...(resolution && { resolution }),
    signed: signed === true,
    ...(claims && { claims }),
    ...(statusValue !== undefined && { statusValue }),
  };
}
