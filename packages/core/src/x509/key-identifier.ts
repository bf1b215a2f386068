import type { PublicKey } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';

/**
 * The subject key identifier of a key: the leftmost 160 bits of SHA-256 over the
 * subjectPublicKey BIT STRING value (RFC 7093 §2 method 1; the SHA-1 of RFC 5280 §4.2.1.2 is not
 * in the Platform). Used for SubjectKeyIdentifier and AuthorityKeyIdentifier alike, both suites.
 */
export async function computeKeyIdentifier(platform: Platform, publicKey: PublicKey): Promise<Uint8Array> {
  const digest = await platform.digest('SHA-256', publicKey.point);
  return digest.slice(0, 20);
}
