import * as nodeCrypto from 'node:crypto';
import { createHash, randomFillSync } from 'node:crypto';
import { deflateSync, constants as zlib } from 'node:zlib';
import { type CryptoSuite, type DigestAlgorithm, type Platform, type SuiteId, ZzError } from '@zhengzhao/core';
import { createSm2Suite } from '@zhengzhao/crypto-sm';
import { createNodeEs256Suite } from './es256-suite.js';
import { inflateZlib } from './inflate-zlib.js';
import { createNodeSessionCrypto } from './node-session-crypto.js';

const HASH_NAMES: ReadonlyMap<DigestAlgorithm, string> = new Map([
  ['SHA-256', 'sha256'],
  ['SHA-384', 'sha384'],
  ['SHA-512', 'sha512'],
  ['SM3', 'sm3'],
]);

/** Node's native SM3 (OpenSSL), ≈ 1.6× the pure-TypeScript one on short inputs. */
function nodeSm3(data: Uint8Array): Uint8Array {
  return nodeDigest('sm3', data);
}

/**
 * `crypto.hash()` (Node ≥ 20.12) hashes in one call without a Hash object: the digest path of every
 * MSO and SD-JWT check. Older runtimes fall back to createHash.
 */
type OneShotHash = (algorithm: string, data: Uint8Array, encoding: 'buffer') => Buffer;
const oneShotHash = (nodeCrypto as unknown as { hash?: OneShotHash }).hash;

function nodeDigest(name: string, data: Uint8Array): Uint8Array {
  const digest = oneShotHash ? oneShotHash(name, data, 'buffer') : createHash(name).update(data).digest();
  return new Uint8Array(digest); // a copy: a small Buffer may be a view of a shared pool
}

// Random bytes are drawn from the OS in 4 KiB blocks: issuance asks for many small salts, and one
// system call per salt dominated its cost. Every request gets fresh bytes (a copy, never a view),
// and no byte is handed out twice.
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

function nodeRandomBytes(length: number): Uint8Array {
  if (!Number.isSafeInteger(length) || length < 0 || length > 2 ** 31 - 1) {
    throw new ZzError('ERR_INPUT_INVALID', 'Random length must be a non-negative integer');
  }
  if (length > POOL_SIZE / 4) return randomFillSync(new Uint8Array(length));
  if (poolOffset + length > POOL_SIZE) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const out = pool.slice(poolOffset, poolOffset + length);
  pool.fill(0, poolOffset, poolOffset + length);
  poolOffset += length;
  return out;
}

/**
 * The platform on node:crypto and node:zlib: synchronous, fast, with cached key objects.
 * ES256 runs on OpenSSL; SM2 runs on @zhengzhao/crypto-sm with OpenSSL's SM3, because OpenSSL
 * 3.0's SM2 cannot use the standard default user ID (see docs/adr/0002).
 */
export function createNodePlatform(): Platform {
  const suites = new Map<SuiteId, CryptoSuite>([
    ['ES256', createNodeEs256Suite()],
    ['SM2', createSm2Suite({ sm3: nodeSm3, randomBytes: nodeRandomBytes })],
  ]);
  return {
    suite(id) {
      const suite = suites.get(id);
      if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `Suite ${String(id)} is not available`);
      return suite;
    },
    digest(algorithm, data) {
      const name = HASH_NAMES.get(algorithm);
      if (!name) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'Unsupported digest algorithm');
      if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to digest must be bytes');
      return nodeDigest(name, data);
    },
    randomBytes: nodeRandomBytes,
    deflate(data, options) {
      if (!(data instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'Data to compress must be bytes');
      const strategy = options?.strategy === 'run-length' ? zlib.Z_RLE : zlib.Z_DEFAULT_STRATEGY;
      return new Uint8Array(deflateSync(data, { level: 9, strategy }));
    },
    inflate: inflateZlib,
    session: createNodeSessionCrypto(),
  };
}
