import { createHmac } from 'node:crypto';
import { encodeBase64url, ZzError } from '@zhengzhao/core';

/** Injected randomness: `length` cryptographically random bytes (`platform.randomBytes`). */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * Keyed hashing of every secret before it touches the database: HMAC-SHA-256 over the purpose
 * and the parts, as hex. The short codes (8-digit activation code, 6-digit tx_code) would be
 * brute-forced from a plain hash, so the key matters: without a configured key a fixed
 * development key is used (set `secretHashKey` in production). The tx_code is additionally bound
 * to the pre-authorized code, which is never stored.
 */
export interface SecretHasher {
  hash(purpose: string, ...parts: string[]): string;
}

const DEVELOPMENT_KEY = 'zhengzhao-oid4vci-development-key';

export function createSecretHasher(key: string | Uint8Array = DEVELOPMENT_KEY): SecretHasher {
  return {
    hash(purpose, ...parts) {
      return createHmac('sha256', key)
        .update(JSON.stringify([purpose, ...parts]))
        .digest('hex');
    },
  };
}

/** A high-entropy bearer secret (pre-authorized code, access token, c_nonce): 32 random bytes, base64url. */
export function randomToken(random: RandomBytes, length = 32): string {
  return encodeBase64url(random(length));
}

/** `digits` uniformly random decimal digits (rejection sampling over 32-bit words). */
export function randomDigits(random: RandomBytes, digits: number): string {
  if (!Number.isSafeInteger(digits) || digits < 1 || digits > 9)
    throw new ZzError('ERR_INPUT_INVALID', 'digits must be 1 to 9');
  const modulus = 10 ** digits;
  const limit = Math.floor(0x1_0000_0000 / modulus) * modulus;
  for (;;) {
    const b = random(4);
    const n = (((b[0] ?? 0) << 24) | ((b[1] ?? 0) << 16) | ((b[2] ?? 0) << 8) | (b[3] ?? 0)) >>> 0;
    if (n < limit) return String(n % modulus).padStart(digits, '0');
  }
}
