import { type DecodedJws, decodeJwsCompact, isZzError, ZzError } from '@zhengzhao/core';

/** How far a signed call's `iat` may be from the service's clock, seconds. */
export const SIGNED_TOKEN_MAX_SKEW_SECONDS = 120;
/** Upper bound for one signed token (a holder's approval carries a credential: 64 KiB). */
const MAX_TOKEN_LENGTH = 96 * 1024;

export interface SignedTokenExpectations {
  /** The JWS `typ` this kind of call uses. */
  readonly typ: string;
  /** The service's public URL: the token's `aud`. */
  readonly audience: string;
  readonly now: Date;
}

/** What every signed call carries besides its own fields. */
export interface SignedTokenClaims {
  readonly jti: string;
  readonly iat: number;
}

/**
 * Reads a compact JWS a party signed for one call to the sharing service (before its key is
 * known): `typ`, `aud` and a fresh `iat` (±120 s) and a `jti` (8–128 characters) for replay
 * protection. Anything else is `ERR_SHARE_AUTH_INVALID`; the caller then verifies the signature
 * with the party's key and records the `jti`.
 */
export function readSignedToken(token: unknown, expected: SignedTokenExpectations): DecodedJws & SignedTokenClaims {
  if (typeof token !== 'string' || token.length === 0) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'A signed token (compact JWS) is required');
  }
  let jws: DecodedJws;
  try {
    jws = decodeJwsCompact(token, MAX_TOKEN_LENGTH);
  } catch (error) {
    if (isZzError(error, 'ERR_INPUT_TOO_LARGE')) throw error;
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed token is not a compact JWS', { cause: error });
  }
  if (jws.header.typ !== expected.typ) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', `The signed token's typ must be ${expected.typ}`);
  }
  const { aud, iat, jti } = jws.payload;
  if (aud !== expected.audience) throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed token is for another service');
  if (typeof iat !== 'number' || !Number.isFinite(iat)) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed token has no iat');
  }
  if (Math.abs(iat - expected.now.getTime() / 1000) > SIGNED_TOKEN_MAX_SKEW_SECONDS) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed token is too old or from the future');
  }
  if (typeof jti !== 'string' || !/^[A-Za-z0-9_-]{8,128}$/.test(jti)) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed token needs a jti of 8–128 URL-safe characters');
  }
  return { ...jws, jti, iat };
}
