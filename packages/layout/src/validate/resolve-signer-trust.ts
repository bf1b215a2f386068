import {
  bytesEqual,
  checkSignedBeforeRevocation,
  type TrustResolution,
  type TrustSource,
  ZzError,
} from '@zhengzhao/core';
import type { VerifiedPdfSignature } from './verify-pdf-signature.js';

/**
 * PDF.SIGNER_TRUST: the CMS certificates (signer first) resolve through `trust` at `now` to the
 * signer's key (an issuing authority's document signer chains to its trusted IACA root; the
 * trust source's codes — `ERR_TRUST_UNTRUSTED_ROOT`, `ERR_TRUST_CERT_EXPIRED`, … — are kept).
 * The claimed signing time (/M), when given, must lie in the chain's validity and before any
 * revocation of the key (`checkSignedBeforeRevocation`); without one, `now` counts.
 */
export async function resolveSignerTrust(
  trust: TrustSource,
  signature: VerifiedPdfSignature,
  signingTime: Date | undefined,
  now: Date,
): Promise<TrustResolution> {
  const resolution = await trust.resolveChain(signature.certificates, { now });
  if (
    resolution.publicKey.suite !== signature.signer.publicKey.suite ||
    !bytesEqual(resolution.publicKey.point, signature.signer.publicKey.point)
  ) {
    throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'The trusted chain does not end at the key that signed');
  }
  const validity = resolution.validity;
  if (signingTime && validity && (signingTime < validity.notBefore || signingTime > validity.notAfter)) {
    throw new ZzError(
      signingTime < validity.notBefore ? 'ERR_TRUST_CERT_NOT_YET_VALID' : 'ERR_TRUST_CERT_EXPIRED',
      'The document was signed outside the signer certificate validity',
    );
  }
  checkSignedBeforeRevocation(resolution, signingTime, now);
  return resolution;
}
