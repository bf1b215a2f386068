import {
  bytesEqual,
  decodeBase64url,
  type EcPrivateJwk,
  type ExportableSigner,
  encodeBase64url,
  jwkToPublicKey,
  type Platform,
  type PublicKey,
  publicKeyToJwk,
  type Signer,
  ZzError,
} from '@zhengzhao/core';
import { UsageError } from './cli-error.js';
import { readJsonFile } from './io.js';

/** A holder device key as a private JWK (RFC 7517; SM2 keys use `crv: "SM2"`, ADR 0002). */
export function holderPrivateJwk(signer: ExportableSigner): EcPrivateJwk {
  return { ...publicKeyToJwk(signer.publicKey), d: encodeBase64url(signer.exportPrivateScalar()) };
}

function readJwkObject(path: string): Record<string, unknown> {
  const jwk = readJsonFile(path);
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) throw new UsageError(`${path} is not a JWK`);
  return jwk as Record<string, unknown>;
}

/** The public key of a JWK file; a private JWK is accepted and only its public part is used. */
export function readHolderPublicKey(path: string): PublicKey {
  const { d: _private, ...publicPart } = readJwkObject(path);
  return jwkToPublicKey(publicPart);
}

/** The device key of a private JWK file, checked to match its own `x` and `y`. */
export async function readHolderSigner(platform: Platform, path: string): Promise<Signer> {
  const jwk = readJwkObject(path);
  const { d, ...publicPart } = jwk;
  if (typeof d !== 'string') {
    throw new UsageError(`${path} is a public key; presenting needs the private device key (with "d")`);
  }
  const publicKey = jwkToPublicKey(publicPart);
  let scalar: Uint8Array;
  try {
    scalar = decodeBase64url(d);
  } catch (error) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'JWK d is not base64url', { cause: error });
  }
  const signer = await platform.suite(publicKey.suite).importSigner(scalar);
  if (!bytesEqual(signer.publicKey.point, publicKey.point)) {
    throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'JWK d does not belong to its x and y');
  }
  return { suite: signer.suite, publicKey: signer.publicKey, sign: (data) => signer.sign(data) };
}
