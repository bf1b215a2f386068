import { bytesEqual } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { X509_OID } from '../x509/oids.js';
import { type ParsedCertificate, parseCertificate } from '../x509/parse-certificate.js';

/** Most certificates allowed below the trust anchor (DS + one intermediate). */
export const MAX_CHAIN_BELOW_ROOT = 2;
/** Longest chain accepted as input, root included; longer input is refused before parsing. */
const MAX_CHAIN_INPUT = MAX_CHAIN_BELOW_ROOT + 1;

export interface ValidateCertificateChainOptions {
  /** The moment of verification: every validity period is checked against it. */
  readonly now: Date;
  /** The extended key usage the leaf must carry; default id-mdlDS (ISO/IEC 18013-5 Annex B.1.4). */
  readonly leafExtendedKeyUsage?: string;
}

export interface ChainValidationResult {
  /** The end-entity certificate (chain[0]). */
  readonly leaf: ParsedCertificate;
  /** The trusted root the chain ends at. */
  readonly root: ParsedCertificate;
  /** The certificates below the root, leaf first. */
  readonly path: readonly ParsedCertificate[];
}

/**
 * Validates a certificate chain (DER, leaf first) up to one of `roots` at `now` (RFC 5280 §6.1,
 * reduced to the ISO/IEC 18013-5 Annex B profile). Checks, in order:
 * 1. the top of the chain is issued by a trusted root: issuer name = root subject, AKI = root
 *    SKI when both are present, signature verifies with the root key — or the top certificate is
 *    a trusted root itself (byte-identical, or self-issued with its name and key); any other
 *    self-issued top certificate is an unknown root (`ERR_TRUST_UNTRUSTED_ROOT`);
 * 2. at most two certificates below the root, and each CA's pathLenConstraint holds
 *    (`ERR_TRUST_CHAIN_LENGTH`);
 * 3. for each link from the root down: issuer name and key identifiers match and the signature
 *    verifies with the issuer key through `platform.suite(…).verify` (`ERR_TRUST_CHAIN_SIGNATURE`);
 *    the validity period holds at `now` (`ERR_TRUST_CERT_EXPIRED`, `ERR_TRUST_CERT_NOT_YET_VALID`);
 *    the issuer is a CA with keyCertSign; no unknown critical extension (`ERR_X509_PROFILE`);
 * 4. the leaf has digitalSignature and the required extended key usage and is no CA
 *    (`ERR_TRUST_KEY_USAGE`).
 */
export async function validateCertificateChain(
  platform: Platform,
  chain: readonly Uint8Array[],
  roots: readonly ParsedCertificate[],
  options: ValidateCertificateChainOptions,
): Promise<ChainValidationResult> {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a date');
  if (!Array.isArray(chain) || chain.length === 0) {
    throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'The certificate chain is empty');
  }
  if (chain.length > MAX_CHAIN_INPUT) throw new ZzError('ERR_TRUST_CHAIN_LENGTH', 'The certificate chain is too long');
  const parsed = chain.map((der) => parseCertificate(der));
  const top = parsed[parsed.length - 1] as ParsedCertificate;
  let path = parsed;
  let root = roots.find((candidate) => bytesEqual(candidate.der, top.der) || isSameAnchor(top, candidate));
  if (root) path = parsed.slice(0, -1);
  else if (bytesEqual(top.issuer.der, top.subject.der)) {
    throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'The chain ends at a root that is not trusted');
  } else root = await findIssuingRoot(platform, top, roots);
  if (path.length > MAX_CHAIN_BELOW_ROOT)
    throw new ZzError('ERR_TRUST_CHAIN_LENGTH', 'Too many certificates below the root');

  checkValidity(root, now);
  checkCertificateAuthority(root, path.length - 1);
  let issuer = root;
  for (let i = path.length - 1; i >= 0; i--) {
    const cert = path[i] as ParsedCertificate;
    await checkLink(platform, cert, issuer);
    checkValidity(cert, now);
    if (i > 0) checkCertificateAuthority(cert, i - 1);
    issuer = cert;
  }
  const leaf = (path[0] ?? root) as ParsedCertificate;
  checkLeaf(leaf, options.leafExtendedKeyUsage ?? X509_OID.mdlDocumentSigner);
  return { leaf, root, path };
}

/** A self-issued certificate with a trusted root's name and key (a re-issued root) is that root. */
function isSameAnchor(cert: ParsedCertificate, root: ParsedCertificate): boolean {
  return (
    bytesEqual(cert.issuer.der, cert.subject.der) &&
    bytesEqual(cert.subject.der, root.subject.der) &&
    cert.publicKey.suite === root.publicKey.suite &&
    bytesEqual(cert.publicKey.point, root.publicKey.point)
  );
}

async function findIssuingRoot(
  platform: Platform,
  top: ParsedCertificate,
  roots: readonly ParsedCertificate[],
): Promise<ParsedCertificate> {
  const candidates = roots.filter((root) => namesMatch(top, root) && keyIdsMatch(top, root));
  if (candidates.length === 0)
    throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT', 'The chain does not end at a trusted root');
  for (const root of candidates) {
    if (await signatureVerifies(platform, top, root)) return root;
  }
  throw new ZzError('ERR_TRUST_CHAIN_SIGNATURE', 'The top certificate signature does not verify with the trusted root');
}

async function checkLink(platform: Platform, cert: ParsedCertificate, issuer: ParsedCertificate): Promise<void> {
  if (!namesMatch(cert, issuer) || !keyIdsMatch(cert, issuer)) {
    throw new ZzError('ERR_TRUST_CHAIN_SIGNATURE', 'A certificate is not issued by the next one in the chain');
  }
  if (!(await signatureVerifies(platform, cert, issuer))) {
    throw new ZzError('ERR_TRUST_CHAIN_SIGNATURE', 'A certificate signature does not verify');
  }
  if (cert.unhandledCriticalExtensions.length > 0) {
    throw new ZzError('ERR_X509_PROFILE', 'A certificate has a critical extension this verifier does not know');
  }
}

async function signatureVerifies(
  platform: Platform,
  cert: ParsedCertificate,
  issuer: ParsedCertificate,
): Promise<boolean> {
  if (cert.signatureAlgorithm !== issuer.publicKey.suite) return false;
  const suite = platform.suite(cert.signatureAlgorithm);
  return (await suite.verify(issuer.publicKey.point, cert.tbsBytes, cert.signature)) === true;
}

function namesMatch(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  return bytesEqual(cert.issuer.der, issuer.subject.der);
}

function keyIdsMatch(cert: ParsedCertificate, issuer: ParsedCertificate): boolean {
  const aki = cert.authorityKeyIdentifier;
  const ski = issuer.subjectKeyIdentifier;
  return aki === undefined || ski === undefined || bytesEqual(aki, ski);
}

function checkValidity(cert: ParsedCertificate, now: Date): void {
  if (now.getTime() < cert.notBefore.getTime()) {
    throw new ZzError('ERR_TRUST_CERT_NOT_YET_VALID', 'A certificate in the chain is not yet valid');
  }
  if (now.getTime() > cert.notAfter.getTime()) {
    throw new ZzError('ERR_TRUST_CERT_EXPIRED', 'A certificate in the chain has expired');
  }
}

/** A CA must say so and may sign certificates; `below` counts the CA certificates under it. */
function checkCertificateAuthority(cert: ParsedCertificate, below: number): void {
  if (!cert.basicConstraints?.ca || !cert.keyUsage?.includes('keyCertSign')) {
    throw new ZzError('ERR_TRUST_KEY_USAGE', 'An issuing certificate is not a CA with keyCertSign');
  }
  const limit = cert.basicConstraints.pathLength;
  if (limit !== undefined && below > limit) {
    throw new ZzError('ERR_TRUST_CHAIN_LENGTH', 'The chain exceeds a CA path length constraint');
  }
  if (cert.unhandledCriticalExtensions.length > 0) {
    throw new ZzError('ERR_X509_PROFILE', 'A certificate has a critical extension this verifier does not know');
  }
}

function checkLeaf(leaf: ParsedCertificate, extendedKeyUsage: string): void {
  if (leaf.basicConstraints?.ca) throw new ZzError('ERR_TRUST_KEY_USAGE', 'The signing certificate is a CA');
  if (!leaf.keyUsage?.includes('digitalSignature')) {
    throw new ZzError('ERR_TRUST_KEY_USAGE', 'The signing certificate lacks digitalSignature');
  }
  if (!leaf.extendedKeyUsage?.includes(extendedKeyUsage)) {
    throw new ZzError('ERR_TRUST_KEY_USAGE', 'The signing certificate lacks the required extended key usage');
  }
}
