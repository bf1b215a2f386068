import { CborReader } from '../cbor/shape.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import { SUITE_IDS, SUITES } from '../platform/suites.js';
import { publicKeyFromCoordinates, publicKeyX, publicKeyY } from './public-key.js';

/** COSE_Key labels (RFC 9052 §7, RFC 9053 §7.1). */
export const COSE_KEY = { kty: 1, kid: 2, alg: 3, crv: -1, x: -2, y: -3, d: -4 } as const;
export const COSE_KTY_EC2 = 2;

const read = new CborReader('ERR_CRYPTO_KEY_INVALID');

/**
 * An EC2 COSE_Key for the public key: `{1: 2, -1: crv, -2: x, -3: y}` (ISO 18013-5 §9.1.5.2).
 * P-256 is crv 1; SM2 uses the private-use curve value of ADR 0002.
 */
export function publicKeyToCoseKey(key: PublicKey): Map<number, number | Uint8Array> {
  return new Map<number, number | Uint8Array>([
    [COSE_KEY.kty, COSE_KTY_EC2],
    [COSE_KEY.crv, SUITES[key.suite].coseCurve],
    [COSE_KEY.x, publicKeyX(key)],
    [COSE_KEY.y, publicKeyY(key)],
  ]);
}

/** Reads an EC2 COSE_Key (uncompressed coordinates) into a PublicKey. */
export function coseKeyToPublicKey(value: unknown): PublicKey {
  const map = read.map(value, 'COSE_Key');
  if (map.get(COSE_KEY.kty) !== COSE_KTY_EC2) read.fail('COSE_Key kty must be EC2 (2)');
  if (map.has(COSE_KEY.d)) read.fail('COSE_Key must not carry a private key');
  const crv = map.get(COSE_KEY.crv);
  const suite = SUITE_IDS.find((id) => SUITES[id].coseCurve === crv);
  if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', `COSE_Key curve ${String(crv)} is not supported`);
  const x = read.bytes(read.required(map, COSE_KEY.x, 'COSE_Key'), 'COSE_Key x');
  const y = read.bytes(read.required(map, COSE_KEY.y, 'COSE_Key'), 'COSE_Key y');
  return publicKeyFromCoordinates(suite, x, y);
}
