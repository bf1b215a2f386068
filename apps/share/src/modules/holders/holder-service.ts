import {
  decodeBase64url,
  encodeBase64url,
  isZzError,
  jwkToPublicKey,
  type PublicKey,
  publicKeyToJwk,
  SHARE_HOLDER_CALL_TYP,
  verifyJws,
  ZzError,
} from '@zhengzhao/core';
import { newShareId, type ShareContext } from '../../context.js';
import { readSignedToken } from '../../http/signed-token.js';
import { useTokenOnce } from '../../http/used-tokens.js';
import { findHolderById, type HolderRow, insertHolder } from './holder-repository.js';

/** JWS `typ` of a holder's signed call (`Authorization: ZZ-Holder <jws>`). */
export const HOLDER_CALL_TYP = SHARE_HOLDER_CALL_TYP;
const AUTH_SCHEME = 'ZZ-Holder ';

export interface RegisteredHolder {
  readonly holder_id: string;
  /** The share code the holder gives an agency, so that it can address requests to them. */
  readonly handle: string;
}

/** An authenticated holder: its row and public key. */
export interface AuthenticatedHolder {
  readonly row: HolderRow;
  readonly publicKey: PublicKey;
  /** The 32-byte reference the access log uses for this holder. */
  readonly logRef: Uint8Array;
}

/**
 * Registers a wallet with the sharing service: its public key (EC JWK, P-256 or SM2) signs its
 * calls and consents from now on. Returns a random id and share code; nothing about the person.
 */
export async function registerHolder(context: ShareContext, body: { public_jwk: unknown }): Promise<RegisteredHolder> {
  let key: PublicKey;
  try {
    key = jwkToPublicKey(body.public_jwk);
  } catch (error) {
    throw new ZzError('ERR_INPUT_INVALID', 'public_jwk must be an EC public key (P-256 or SM2)', { cause: error });
  }
  const row: HolderRow = {
    id: newShareId(context.platform, 'hld'),
    handle: shareCode(context.platform.randomBytes(10)),
    public_jwk: JSON.stringify(publicKeyToJwk(key)),
    log_ref: encodeBase64url(context.platform.randomBytes(32)),
    registered_at: context.clock().getTime(),
  };
  await insertHolder(context, row);
  return { holder_id: row.id, handle: row.handle };
}

/**
 * Authenticates a holder's call: `Authorization: ZZ-Holder <jws>`, a JWS of `typ`
 * `zz-share-holder+jwt` signed with the registered key over `{sub, aud, htm, htu, iat, jti}`,
 * `htm`/`htu` the method and path of this very call, used once. Otherwise `ERR_SHARE_AUTH_INVALID`.
 */
export async function authenticateHolder(
  context: ShareContext,
  authorization: string | undefined,
  call: { method: string; path: string },
): Promise<AuthenticatedHolder> {
  if (typeof authorization !== 'string' || !authorization.startsWith(AUTH_SCHEME)) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'A ZZ-Holder authorization is required');
  }
  const now = context.clock();
  const token = readSignedToken(authorization.slice(AUTH_SCHEME.length), {
    typ: HOLDER_CALL_TYP,
    audience: context.publicUrl,
    now,
  });
  const { sub, htm, htu } = token.payload;
  if (htm !== call.method || htu !== call.path) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed call is for another method or path');
  }
  const row = typeof sub === 'string' ? await findHolderById(context, sub) : undefined;
  if (!row) throw new ZzError('ERR_SHARE_AUTH_INVALID', 'Unknown holder');
  const publicKey = jwkToPublicKey(JSON.parse(row.public_jwk));
  try {
    await verifyJws(context.platform, token, publicKey);
  } catch (error) {
    if (isZzError(error)) throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The holder signature does not verify');
    throw error;
  }
  await useTokenOnce(context.db, `holder:${row.id}`, token.jti, now);
  return { row, publicKey, logRef: decodeBase64url(row.log_ref) };
}

/** Crockford base32 of random bytes, grouped by four: easy to read out or type (16 characters). */
function shareCode(bytes: Uint8Array): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return (out.match(/.{1,4}/g) ?? []).join('-');
}
