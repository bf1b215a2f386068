import { ZzError } from '../errors/zz-error.js';
import { type DecodedJws, decodeJwsCompact, type JsonObject, signJwsCompact, verifyJws } from '../jose/jws-compact.js';
import { jwkToPublicKey } from '../keys/jwk.js';
import type { DigestAlgorithm, PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { hashText } from './hash-alg.js';
import { isJsonObject } from './json.js';
import { numericDate } from './validity.js';

/** `typ` of a Key Binding JWT (RFC 9901 §4.3). */
export const KB_JWT_TYP = 'kb+jwt';
/** Default maximum age of a KB-JWT `iat`, in seconds. */
export const DEFAULT_KB_MAX_AGE_SECONDS = 300;
/** Default tolerance for a KB-JWT `iat` in the future, in seconds. */
export const DEFAULT_KB_FUTURE_SKEW_SECONDS = 60;

export interface CreateKeyBindingJwtOptions {
  /** `JWT~D1~…~Dn~` exactly as presented. */
  readonly sdHashInput: string;
  readonly digestAlgorithm: DigestAlgorithm;
  readonly audience: string;
  readonly nonce: string;
  readonly now: Date;
}

/** Signs a KB-JWT (RFC 9901 §4.3): header `typ: kb+jwt`, claims `iat`, `aud`, `nonce`, `sd_hash`. */
export async function createKeyBindingJwt(
  platform: Platform,
  signer: Signer,
  options: CreateKeyBindingJwtOptions,
): Promise<string> {
  const sdHash = await hashText(platform, options.digestAlgorithm, options.sdHashInput);
  return signJwsCompact(
    signer,
    { typ: KB_JWT_TYP },
    { iat: numericDate(options.now), aud: options.audience, nonce: options.nonce, sd_hash: sdHash },
  );
}

/**
 * The holder key from `cnf.jwk` (RFC 7800 §3.2). No `cnf` fails with `ERR_DEVICE_BINDING_MISSING`;
 * an unusable key with `ERR_SDJWT_KB_INVALID`.
 */
export function holderKeyOf(payload: JsonObject): PublicKey {
  const cnf = payload.cnf;
  if (cnf === undefined) throw new ZzError('ERR_DEVICE_BINDING_MISSING', 'Credential has no cnf key');
  if (!isJsonObject(cnf) || !isJsonObject(cnf.jwk)) throw new ZzError('ERR_SDJWT_KB_INVALID', 'cnf has no jwk');
  try {
    return jwkToPublicKey(cnf.jwk);
  } catch (error) {
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'cnf.jwk is not a usable key', { cause: error });
  }
}

export interface VerifyKeyBindingJwtOptions {
  readonly holderKey: PublicKey;
  readonly sdHashInput: string;
  readonly digestAlgorithm: DigestAlgorithm;
  /** Expected `aud`; when undefined, `aud` must only be a string. */
  readonly audience?: string;
  /** Expected `nonce`; when undefined, `nonce` must only be a string. */
  readonly nonce?: string;
  readonly now: Date;
  readonly maxAgeSeconds?: number;
  readonly futureSkewSeconds?: number;
}

/**
 * Verifies a KB-JWT as RFC 9901 §7.3 says: `typ` is `kb+jwt`, the signature verifies with the
 * holder key (its `alg` must be the key's suite), `sd_hash` matches the presentation, `aud` and
 * `nonce` equal the expected values, and `iat` lies within `maxAgeSeconds` before `now` and no
 * more than `futureSkewSeconds` after it. Every failure is `ERR_SDJWT_KB_INVALID`.
 */
export async function verifyKeyBindingJwt(
  platform: Platform,
  keyBindingJwt: string,
  options: VerifyKeyBindingJwtOptions,
): Promise<JsonObject> {
  let kb: DecodedJws;
  try {
    kb = decodeJwsCompact(keyBindingJwt);
    if (kb.header.typ !== KB_JWT_TYP) throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT typ is not kb+jwt');
    await verifyJws(platform, kb, options.holderKey);
  } catch (error) {
    if (error instanceof ZzError && error.code === 'ERR_SDJWT_KB_INVALID') throw error;
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT is malformed or its signature does not verify', { cause: error });
  }
  const { iat, aud, nonce, sd_hash: sdHash } = kb.payload;
  if (typeof aud !== 'string' || (options.audience !== undefined && aud !== options.audience)) {
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT aud is not the expected audience');
  }
  if (typeof nonce !== 'string' || (options.nonce !== undefined && nonce !== options.nonce)) {
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT nonce is not the expected nonce');
  }
  if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT has no iat');
  const at = options.now.getTime() / 1000;
  if (iat < at - (options.maxAgeSeconds ?? DEFAULT_KB_MAX_AGE_SECONDS)) {
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT is too old');
  }
  if (iat > at + (options.futureSkewSeconds ?? DEFAULT_KB_FUTURE_SKEW_SECONDS)) {
    throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT is dated in the future');
  }
  const expected = await hashText(platform, options.digestAlgorithm, options.sdHashInput);
  if (sdHash !== expected) throw new ZzError('ERR_SDJWT_KB_INVALID', 'KB-JWT sd_hash does not match the presentation');
  return kb.payload;
}
