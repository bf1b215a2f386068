import { decodeBase64url, encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import { SUITE_IDS, SUITES } from '../platform/suites.js';
import { publicKeyFromCoordinates, publicKeyX, publicKeyY } from './public-key.js';

/** A public EC JWK (RFC 7518 §6.2.1). SM2 keys use `crv: "SM2"` (ADR 0002). */
export interface EcPublicJwk {
  kty: 'EC';
  crv: string;
  x: string;
  y: string;
  kid?: string;
  alg?: string;
  use?: string;
}

/** A private EC JWK: the public members plus `d`. */
export interface EcPrivateJwk extends EcPublicJwk {
  d: string;
}

export function publicKeyToJwk(key: PublicKey): EcPublicJwk {
  return {
    kty: 'EC',
    crv: SUITES[key.suite].jwkCurve,
    x: encodeBase64url(publicKeyX(key)),
    y: encodeBase64url(publicKeyY(key)),
  };
}

/** Reads a public EC JWK; a JWK that carries `d` is refused where a public key is expected. */
export function jwkToPublicKey(jwk: unknown): PublicKey {
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'JWK must be an object');
  }
  const { kty, crv, x, y, d } = jwk as Record<string, unknown>;
  if (kty !== 'EC') throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'JWK kty must be EC');
  if (d !== undefined) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Expected a public JWK but it carries d');
  const suite = SUITE_IDS.find((id) => SUITES[id].jwkCurve === crv);
  if (!suite) throw new ZzError('ERR_CRYPTO_UNSUPPORTED_ALG', 'JWK curve is not supported');
  if (typeof x !== 'string' || typeof y !== 'string')
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'JWK x and y must be strings');
  return publicKeyFromCoordinates(suite, decodeBase64url(x), decodeBase64url(y));
}

/** RFC 7638 JWK thumbprint input for an EC key (members in lexicographic order). */
export function jwkThumbprintInput(jwk: EcPublicJwk): string {
  return JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y });
}
