import { createHash, randomBytes } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { type CryptoSuite, type DigestAlgorithm, type Platform, type SuiteId, ZzError } from '@zhengzhao/core';
import { createNodeEs256Suite } from './es256-suite.js';

const HASH_NAMES: Record<DigestAlgorithm, string> = {
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  SM3: 'sm3',
};

/** The platform on node:crypto and node:zlib: synchronous, fast, with cached key objects. */
export function createNodePlatform(): Platform {
  const suites = new Map<SuiteId, CryptoSuite>([['ES256', createNodeEs256Suite()]]);
  return {
    suite(id) {
      const suite = suites.get(id);
      if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `Suite ${id} is not available`);
      return suite;
    },
    digest(algorithm, data) {
      const name = HASH_NAMES[algorithm];
      if (!name) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Unsupported digest algorithm');
      return new Uint8Array(createHash(name).update(data).digest());
    },
    randomBytes(length) {
      return new Uint8Array(randomBytes(length));
    },
    deflate(data) {
      return new Uint8Array(deflateSync(data, { level: 9 }));
    },
    inflate(data, maxOutputLength) {
      try {
        return new Uint8Array(inflateSync(data, { maxOutputLength }));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') {
          throw new ZzError('ERR_COMPRESSION_LIMIT', `Data inflates beyond ${maxOutputLength} bytes`, { cause: error });
        }
        throw new ZzError('ERR_COMPRESSION_MALFORMED', 'Data is not valid ZLIB', { cause: error });
      }
    },
  };
}
