import {
  bytesEqual,
  certificateKid,
  createStaticTrustSource,
  decodeCertificatePemChain,
  type Platform,
  parseCertificate,
  type TrustResolution,
  type TrustSource,
  ZzError,
} from '@zhengzhao/core';

export interface WalletTrustOptions {
  readonly platform: Platform;
  /** IACA roots (PEM) configured by the wallet's publisher; when given, chains must end at one. */
  readonly trustAnchorsPem?: readonly string[];
  /** Document-signer certificates (DER) that came with credentials the wallet holds. */
  readonly pinned: readonly Uint8Array[];
  /**
   * Receive mode: accept the leaf of ANY chain (trust on first use of what the issuer sent over
   * TLS, only when no anchors are configured). Otherwise the leaf must be a pinned certificate.
   */
  readonly acceptUnpinned?: boolean;
}

/**
 * The wallet's trust for its own credentials and their status lists. With `trustAnchorsPem`
 * it is a static trust source over those roots (full chain validation, kid lookup among the
 * pinned document signers). Without anchors the wallet has no root to validate against: it
 * pins the document-signer certificates that came with its credentials over TLS and accepts a
 * status list only when it is signed by one of them (README.md "Trust").
 */
export function createWalletTrustSource(options: WalletTrustOptions): TrustSource {
  const { platform, pinned } = options;
  const anchors = (options.trustAnchorsPem ?? []).flatMap((pem) => decodeCertificatePemChain(pem));
  if (anchors.length > 0) return createStaticTrustSource({ platform, roots: anchors, documentSigners: pinned });

  const resolveLeaf = (der: Uint8Array, now: Date): TrustResolution => {
    const leaf = parseCertificate(der);
    if (now < leaf.notBefore) throw new ZzError('ERR_TRUST_CERT_NOT_YET_VALID', 'The document signer is not yet valid');
    if (now > leaf.notAfter) throw new ZzError('ERR_TRUST_CERT_EXPIRED', 'The document signer has expired');
    return {
      publicKey: leaf.publicKey,
      validity: { notBefore: leaf.notBefore, notAfter: leaf.notAfter },
      issuer: {
        name: leaf.subject.display,
        suite: leaf.publicKey.suite,
        ...(leaf.subject.country !== undefined && { country: leaf.subject.country }),
      },
    };
  };

  return {
    async resolveChain(chain, query) {
      const leaf = chain[0];
      if (!(leaf instanceof Uint8Array)) throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'Empty certificate chain');
      if (!options.acceptUnpinned && !pinned.some((der) => bytesEqual(der, leaf))) {
        throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'Signed by a document signer this wallet does not know');
      }
      return resolveLeaf(leaf, query.now);
    },
    async resolveKid(kid, query) {
      for (const der of pinned) {
        if (bytesEqual(await certificateKid(platform, der), kid)) return resolveLeaf(der, query.now);
      }
      throw new ZzError('ERR_TRUST_KID_UNKNOWN', 'No pinned document signer has this kid');
    },
  };
}
