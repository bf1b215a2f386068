import { BoundedCache, bytesKey } from '../cache/bounded-cache.js';
import { CborReader } from '../cbor/shape.js';
import { ZzError } from '../errors/zz-error.js';
import { COSE_KEY, COSE_KTY_EC2, coseKeyToPublicKey } from '../keys/cose-key.js';
import { publicKeyFromCoordinates, publicKeyX } from '../keys/public-key.js';
import type { PublicKey, SuiteId } from '../platform/crypto-suite.js';
import { SUITE_IDS, SUITES } from '../platform/suites.js';

/**
 * EC2 COSE_Keys with point compression (RFC 9053 §7.1.1: `-3` may be a boolean, the sign bit of
 * y): the holder key in a QR credential's `cnf` costs 32 bytes less. Both curves have p ≡ 3
 * (mod 4), so y = (x³ + ax + b)^((p+1)/4) mod p.
 */
const CURVES: Record<SuiteId, { p: bigint; a: bigint; b: bigint }> = {
  ES256: {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: 0xffffffff00000001000000000000000000000000fffffffffffffffffffffffcn,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  SM2: {
    p: 0xfffffffeffffffffffffffffffffffffffffffff00000000ffffffffffffffffn,
    a: 0xfffffffeffffffffffffffffffffffffffffffff00000000fffffffffffffffcn,
    b: 0x28e9fa9e9d9f5e344d5a9e4bcf6509a7f39789f515ab8f92ddbcbd414d940e93n,
  },
};

const read = new CborReader('ERR_CRYPTO_KEY_INVALID');

function toBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  return n;
}

function toBytes32(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let v = n;
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/**
 * Decompression costs a 256-bit modular exponentiation (about 0.1 ms in JS BigInt, as much as
 * an ECDSA verify on node:crypto), so recent results are memoised: a pure function of its
 * input, bounded like the adapters' key caches.
 */
const memo = new BoundedCache<string, PublicKey>(1024);

/** Recovers the uncompressed point from x and the parity of y; off-curve x is `ERR_CRYPTO_KEY_INVALID`. */
export function decompressPoint(suite: SuiteId, x: Uint8Array, yOdd: boolean): PublicKey {
  if (x.length !== 32) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'x must be 32 bytes');
  const known = memo.getOrCreate(`${suite}:${yOdd ? 3 : 2}:${bytesKey(x)}`, () =>
    computeDecompressedPoint(suite, x, yOdd),
  );
  return { suite: known.suite, point: new Uint8Array(known.point) };
}

function computeDecompressedPoint(suite: SuiteId, x: Uint8Array, yOdd: boolean): PublicKey {
  const { p, a, b } = CURVES[suite];
  const xn = toBigInt(x);
  if (x.length !== 32 || xn >= p) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'x is not a field element');
  const rhs = (((xn * xn) % p) * xn + a * xn + b) % p;
  let y = modPow(rhs, (p + 1n) / 4n, p);
  if ((y * y) % p !== rhs) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'x is not on the curve');
  if ((y & 1n) === 1n) {
    if (!yOdd) y = p - y;
  } else if (yOdd) y = p - y;
  return publicKeyFromCoordinates(suite, x, toBytes32(y));
}

/** `{1: 2, -1: crv, -2: x, -3: sign bit of y}`. */
export function publicKeyToCompressedCoseKey(key: PublicKey): Map<number, number | boolean | Uint8Array> {
  const yOdd = ((key.point[64] as number) & 1) === 1;
  return new Map<number, number | boolean | Uint8Array>([
    [COSE_KEY.kty, COSE_KTY_EC2],
    [COSE_KEY.crv, SUITES[key.suite].coseCurve],
    [COSE_KEY.x, publicKeyX(key)],
    [COSE_KEY.y, yOdd],
  ]);
}

/** Reads an EC2 COSE_Key whose y is either the coordinate (bstr) or the sign bit (bool). */
export function coseKeyToPublicKeyCompressed(value: unknown): PublicKey {
  const map = read.map(value, 'COSE_Key');
  const y = map.get(COSE_KEY.y);
  if (typeof y !== 'boolean') return coseKeyToPublicKey(map);
  if (map.get(COSE_KEY.kty) !== COSE_KTY_EC2) read.fail('COSE_Key kty must be EC2 (2)');
  if (map.has(COSE_KEY.d)) read.fail('COSE_Key must not carry a private key');
  const crv = map.get(COSE_KEY.crv);
  const suite = SUITE_IDS.find((id) => SUITES[id].coseCurve === crv);
  if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'COSE_Key curve is not supported');
  return decompressPoint(suite, read.bytes(read.required(map, COSE_KEY.x, 'COSE_Key'), 'COSE_Key x'), y);
}
