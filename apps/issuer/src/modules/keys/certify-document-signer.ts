import {
  bytesEqual,
  type CertificateName,
  type CertificateSubject,
  createDocumentSignerCertificate,
  type ParsedCertificate,
  type Platform,
  type PublicKey,
  parseCertificate,
  type Signer,
  validateCertificateChain,
  ZzError,
} from '@zhengzhao/core';

const DAY = 86_400_000;

/** The subject of a new DS certificate: the same names as the one it replaces. */
export function subjectOf(name: CertificateName): CertificateSubject {
  if (!name.country || !name.commonName) {
    throw new ZzError('ERR_ISSUER_KEY_ROTATION', 'The active DS certificate has no country or common name');
  }
  return {
    country: name.country,
    commonName: name.commonName,
    ...(name.stateOrProvince !== undefined ? { stateOrProvince: name.stateOrProvince } : {}),
    ...(name.locality !== undefined ? { locality: name.locality } : {}),
    ...(name.organization !== undefined ? { organization: name.organization } : {}),
  };
}

/**
 * A new document-signer certificate for `subjectPublicKey` under the IACA root (ISO/IEC 18013-5
 * Annex B.1.4, through core `createDocumentSignerCertificate`), valid from `now` for
 * `validityDays` (at most 457, the Annex B limit).
 */
export async function certifyDocumentSigner(options: {
  readonly platform: Platform;
  readonly rootSigner: Signer;
  readonly rootCertificate: ParsedCertificate;
  readonly subjectPublicKey: PublicKey;
  readonly subject: CertificateSubject;
  readonly now: Date;
  readonly validityDays: number;
}): Promise<Uint8Array> {
  const notBefore = new Date(Math.floor(options.now.getTime() / 1000) * 1000);
  return createDocumentSignerCertificate({
    platform: options.platform,
    issuerSigner: options.rootSigner,
    issuerCertificate: options.rootCertificate,
    subjectPublicKey: options.subjectPublicKey,
    subject: options.subject,
    notBefore,
    notAfter: new Date(notBefore.getTime() + options.validityDays * DAY),
  });
}

/**
 * Checks a DS certificate before it may sign: it holds `signer`'s public key (`ERR_CRYPTO_KEY_INVALID`),
 * uses the issuer's suite (`ERR_ISSUER_KEY_ROTATION`), and, when the root is known, its chain
 * validates to the root at `now` (the `ERR_TRUST_*` codes of `validateCertificateChain`); without a
 * root, at least its validity period holds at `now`.
 */
export async function checkDocumentSignerCertificate(
  platform: Platform,
  chain: readonly Uint8Array[],
  signer: Signer,
  options: { readonly suite: string; readonly root?: ParsedCertificate; readonly now: Date },
): Promise<ParsedCertificate> {
  const leaf = parseCertificate(chain[0] as Uint8Array);
  if (leaf.publicKey.suite !== signer.suite || !bytesEqual(leaf.publicKey.point, signer.publicKey.point)) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'The certificate does not hold the signer’s public key');
  }
  if (signer.suite !== options.suite) {
    throw new ZzError('ERR_ISSUER_KEY_ROTATION', `The new key must use the issuer’s suite ${options.suite}`);
  }
  if (options.root) {
    await validateCertificateChain(platform, chain, [options.root], { now: options.now });
  } else if (options.now < leaf.notBefore) {
    throw new ZzError('ERR_TRUST_CERT_NOT_YET_VALID', 'The DS certificate is not yet valid');
  } else if (options.now > leaf.notAfter) {
    throw new ZzError('ERR_TRUST_CERT_EXPIRED', 'The DS certificate has expired');
  }
  return leaf;
}

/** The root of a configured chain (its last certificate) when that is a CA, else undefined. */
export function rootOfChain(chain: readonly Uint8Array[]): ParsedCertificate | undefined {
  if (chain.length < 2) return undefined;
  const top = parseCertificate(chain[chain.length - 1] as Uint8Array);
  return top.basicConstraints?.ca ? top : undefined;
}
