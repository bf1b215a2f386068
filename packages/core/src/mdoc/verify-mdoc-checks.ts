import { bytesEqual } from '../bytes/bytes.js';
import { type CoseSign1, coseKid, coseX5Chain, verifyCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { DigestAlgorithm, SuiteId } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { checkSignedBeforeRevocation } from '../trust/check-signed-before-revocation.js';
import type { StatusResolver, TrustResolution, TrustSource } from '../trust/trust-source.js';
import { checkStatus } from '../verify/check-status.js';
import type { ReportBuilder } from '../verify/report.js';
import { wrapTag24 } from './embedded-bytes.js';
import { parseMobileSecurityObject } from './parse-mobile-security-object.js';
import type { MdocIssuerSigned, MobileSecurityObject } from './types.js';

/** Digest algorithms each suite may use for MSO value digests (§9.1.2.5; SM2 pairs with SM3). */
const DIGESTS_FOR_SUITE: Readonly<Record<SuiteId, readonly DigestAlgorithm[]>> = {
  ES256: ['SHA-256', 'SHA-384', 'SHA-512'],
  SM2: ['SM3'],
};

export interface IssuerChecksOptions {
  readonly trust: TrustSource;
  readonly now: Date;
  readonly expectedDocType?: string;
  readonly statusResolver?: StatusResolver;
}

export interface IssuerChecksResult {
  readonly resolution?: TrustResolution;
  readonly mso?: MobileSecurityObject;
  readonly statusValue?: number;
}

/**
 * The issuer-side checks of ISO/IEC 18013-5 §9.3.1, in order: trust_chain, issuer_signature,
 * digests, doc_type, validity, status. A failed check skips the rest (ReportBuilder).
 */
export async function runIssuerChecks(
  report: ReportBuilder,
  platform: Platform,
  docType: string,
  issuerSigned: MdocIssuerSigned,
  options: IssuerChecksOptions,
): Promise<IssuerChecksResult> {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  const issuerAuth = issuerSigned.issuerAuth;
  const resolution = await report.run('trust_chain', () => resolveIssuer(issuerAuth, options.trust, now, docType));
  const mso = await report.run('issuer_signature', async () => {
    await verifyCoseSign1(platform, issuerAuth, (resolution as TrustResolution).publicKey);
    return parseMobileSecurityObject(issuerAuth.payload as Uint8Array);
  });
  await report.run('digests', () =>
    checkDigests(platform, issuerSigned, mso as MobileSecurityObject, (resolution as TrustResolution).publicKey.suite),
  );
  await report.run('doc_type', () => {
    const signedType = (mso as MobileSecurityObject).docType;
    if (signedType !== docType) throw new ZzError('ERR_MDOC_DOCTYPE_MISMATCH', 'Document docType differs from the MSO');
    if (options.expectedDocType !== undefined && signedType !== options.expectedDocType) {
      throw new ZzError('ERR_DOCTYPE_UNEXPECTED', 'docType is not the one requested');
    }
  });
  await report.run('validity', () => {
    const { validityInfo } = mso as MobileSecurityObject;
    checkValidity(validityInfo, now, (resolution as TrustResolution).validity);
    checkSignedBeforeRevocation(resolution, validityInfo.signed, now);
  });
  const statusValue = await checkStatus(report, {
    resolver: options.statusResolver,
    reference: () => mso?.status,
    now,
  });
  return {
    ...(resolution ? { resolution } : {}),
    ...(mso ? { mso } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  };
}

/** x5chain (label 33, leaf first) → `trust.resolveChain`; else kid → `trust.resolveKid`. */
async function resolveIssuer(issuerAuth: CoseSign1, trust: TrustSource, now: Date, docType: string) {
  const chain = coseX5Chain(issuerAuth);
  if (chain.length > 0) return trust.resolveChain(chain, { now, docType });
  const kid = coseKid(issuerAuth);
  if (kid) return trust.resolveKid(kid, { now, docType });
  throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'IssuerAuth has neither x5chain nor kid');
}

/**
 * Each disclosed item is hashed over its received IssuerSignedItemBytes (`D8 18 <len>` + the
 * embedded bytes as received, never re-encoded) and compared with `valueDigests[ns][digestID]`
 * (§9.3.1 step 4).
 */
async function checkDigests(
  platform: Platform,
  issuerSigned: MdocIssuerSigned,
  mso: MobileSecurityObject,
  suite: SuiteId,
): Promise<void> {
  const algorithm = mso.digestAlgorithm;
  if (!DIGESTS_FOR_SUITE[suite].includes(algorithm)) {
    throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `MSO digestAlgorithm does not fit the ${suite} suite`);
  }
  for (const [ns, items] of Object.entries(issuerSigned.nameSpaces)) {
    const digests = mso.valueDigests.get(ns);
    for (const item of items) {
      const expected = digests?.get(item.digestID);
      if (!expected) throw new ZzError('ERR_MDOC_DIGEST_MISSING', 'An item has no digest in the MSO');
      const pending = platform.digest(algorithm, wrapTag24(item.bytes));
      const actual = pending instanceof Promise ? await pending : pending;
      if (!bytesEqual(actual, expected))
        throw new ZzError('ERR_MDOC_DIGEST_MISMATCH', 'An item does not match its digest');
    }
  }
}

/**
 * validFrom ≤ now ≤ validUntil, the MSO not signed in the future, and signed while the document
 * signer's certificate was valid (ISO 18013-5 §9.3.1 step 6, §9.3.3).
 */
function checkValidity(
  validity: MobileSecurityObject['validityInfo'],
  now: Date,
  signerValidity: TrustResolution['validity'],
): void {
  const at = now.getTime();
  const signed = validity.signed.getTime();
  if (at < validity.validFrom.getTime()) throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'MSO is not yet valid');
  if (at > validity.validUntil.getTime()) throw new ZzError('ERR_VALIDITY_EXPIRED', 'MSO has expired');
  if (signed > at) throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'MSO is signed in the future');
  if (signerValidity && (signed < signerValidity.notBefore.getTime() || signed > signerValidity.notAfter.getTime())) {
    throw new ZzError(
      'ERR_VALIDITY_NOT_YET_VALID',
      "MSO was signed outside the document signer certificate's validity",
    );
  }
}
