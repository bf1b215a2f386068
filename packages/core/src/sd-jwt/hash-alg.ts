import { encodeBase64url } from '../bytes/base64url.js';
import { utf8Encode } from '../bytes/utf8.js';
import { ZzError } from '../errors/zz-error.js';
import type { Awaitable, DigestAlgorithm, SuiteId } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITES } from '../platform/suites.js';

/**
 * `_sd_alg` values (RFC 9901 §4.1.1: names from the IANA "Named Information Hash Algorithm"
 * registry) and the platform digest behind each. `sm3` is not registered; the SM2 suite uses it.
 */
const SD_ALGS: Readonly<Record<string, DigestAlgorithm>> = {
  'sha-256': 'SHA-256',
  'sha-384': 'SHA-384',
  'sha-512': 'SHA-512',
  sm3: 'SM3',
};

/** An `_sd_alg` name this implementation understands. */
export type SdAlg = 'sha-256' | 'sha-384' | 'sha-512' | 'sm3';

/** The platform digest for an `_sd_alg` value; anything else fails with `ERR_SDJWT_HASH_ALG`. */
export function digestAlgorithmOfSdAlg(sdAlg: unknown): DigestAlgorithm {
  const algorithm = typeof sdAlg === 'string' && Object.hasOwn(SD_ALGS, sdAlg) ? SD_ALGS[sdAlg] : undefined;
  if (!algorithm) throw new ZzError('ERR_SDJWT_HASH_ALG', '_sd_alg is not supported');
  return algorithm;
}

/** The `_sd_alg` an issuer uses by default with a suite: sha-256 for ES256, sm3 for SM2. */
export function defaultSdAlgOf(suite: SuiteId): SdAlg {
  return SUITES[suite].digestAlgorithm === 'SM3' ? 'sm3' : 'sha-256';
}

/**
 * `base64url(H(ASCII(text)))` — the digest of a disclosure as sent (RFC 9901 §4.2.3) or the
 * `sd_hash` of a presentation (§4.3.1). Synchronous when the platform's digest is.
 */
export function hashText(platform: Platform, algorithm: DigestAlgorithm, text: string): Awaitable<string> {
  const digest = platform.digest(algorithm, utf8Encode(text));
  return digest instanceof Promise ? digest.then(encodeBase64url) : encodeBase64url(digest);
}

/** Hashes every text; returns a promise only when the platform answers asynchronously. */
export function hashTexts(
  platform: Platform,
  algorithm: DigestAlgorithm,
  texts: readonly string[],
): Awaitable<string[]> {
  const out: Awaitable<string>[] = [];
  let pending = false;
  for (const text of texts) {
    const digest = hashText(platform, algorithm, text);
    pending ||= digest instanceof Promise;
    out.push(digest);
  }
  return pending ? Promise.all(out) : (out as string[]);
}
