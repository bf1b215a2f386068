import { type CryptoSuite, type DigestAlgorithm, type Platform, type SuiteId, ZzError } from '@zhengzhao/core';
import { createSm2Suite, sm3 } from '@zhengzhao/crypto-sm';
import { bufferSource, webCrypto } from './buffer-source.js';
import { deflateWithStreams, inflateWithStreams } from './compression-streams.js';
import { createWebEs256Suite } from './web-es256-suite.js';
import { webRandomBytes } from './web-random-bytes.js';
import { createWebSessionCrypto } from './web-session-crypto.js';

const SUBTLE_DIGESTS: ReadonlySet<DigestAlgorithm> = new Set(['SHA-256', 'SHA-384', 'SHA-512']);

/**
 * The platform on web standards only — WebCrypto (`crypto.subtle`, `getRandomValues`) and
 * Compression Streams — for browsers, workers and any runtime that has them (Node ≥ 20 too).
 * ES256 runs on WebCrypto; SM2 and SM3, which no browser has, run on @zhengzhao/crypto-sm.
 */
export function createWebPlatform(): Platform {
  webCrypto(); // fail early, with a typed error, outside a secure context
  const suites = new Map<SuiteId, CryptoSuite>([
    ['ES256', createWebEs256Suite()],
    ['SM2', createSm2Suite({ sm3, randomBytes: webRandomBytes })],
  ]);
  return {
    suite(id) {
      const suite = suites.get(id);
      if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `Suite ${String(id)} is not available`);
      return suite;
    },
    async digest(algorithm, data) {
      if (algorithm !== 'SM3' && !SUBTLE_DIGESTS.has(algorithm)) {
        throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Unsupported digest algorithm');
      }
      if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to digest must be bytes');
      if (algorithm === 'SM3') return sm3(data);
      return new Uint8Array(await webCrypto().subtle.digest(algorithm, bufferSource(data)));
    },
    randomBytes: webRandomBytes,
    deflate: deflateWithStreams,
    inflate: inflateWithStreams,
    session: createWebSessionCrypto(),
  };
}
