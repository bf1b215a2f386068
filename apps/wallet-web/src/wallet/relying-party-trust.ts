import {
  createStaticTrustSource,
  decodeCertificatePemChain,
  type Platform,
  type TrustSource,
  X509_OID,
} from '@zhengzhao/core';
import type { AppConfig } from './app-config.js';

/**
 * The trust source for relying parties (readers and online verifiers) from the configured PEM
 * roots. A PEM that does not parse is skipped: one bad entry must not stop every presentation.
 * With no roots every relying party is untrusted, which the UI refuses by default. The leaf must
 * carry id-mdlReaderAuth (ISO/IEC 18013-5 Annex B.1.7): the same relying-party certificate
 * authenticates a proximity reader and signs an OpenID4VP request (`x509_san_dns:`).
 */
export function relyingPartyTrust(platform: Platform, config: AppConfig): TrustSource {
  const roots = config.relyingPartyTrustAnchorsPem.flatMap((pem) => {
    try {
      return decodeCertificatePemChain(pem);
    } catch {
      return [];
    }
  });
  try {
    return createStaticTrustSource({ platform, roots, leafExtendedKeyUsage: X509_OID.mdlReaderAuth });
  } catch {
    return createStaticTrustSource({ platform, roots: [], leafExtendedKeyUsage: X509_OID.mdlReaderAuth });
  }
}
