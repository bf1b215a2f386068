import type { ErrorCode } from '../errors/catalogue.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import { type DecodedJws, decodeJwsCompact, verifyJws } from '../jose/jws-compact.js';
import { jwkToPublicKey } from '../keys/jwk.js';
import type { PublicKey, SuiteId } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITE_IDS, SUITES } from '../platform/suites.js';
import { PROOF_JWT_TYP } from './types.js';

/** Largest proof JWT accepted (8 KiB: a header with a JWK and three claims is ~400 characters). */
export const MAX_PROOF_JWT_LENGTH = 8 * 1024;

export interface VerifyProofJwtOptions {
  /** The Credential Issuer Identifier the proof must be addressed to (`aud`). */
  readonly audience: string;
  /** When given, the proof's `nonce` must equal it; otherwise the caller checks the returned nonce. */
  readonly nonce?: string;
  /** A proof without `nonce` is `ERR_OID4VCI_INVALID_NONCE`; default true (we run a nonce endpoint). */
  readonly requireNonce?: boolean;
  readonly now: Date;
  /** Oldest acceptable `iat`, in seconds before `now`. */
  readonly maxAgeSeconds: number;
  /** How far `iat` may lie in the future (clock skew); default 60 s. */
  readonly clockSkewSeconds?: number;
  /** Suites whose `alg` is accepted (ES256 → `ES256`, SM2 → `SM2SM3`). */
  readonly allowedSuites: readonly SuiteId[];
  /** Expected `iss` (client_id); undefined = anonymous pre-authorized access, `iss` must be absent. */
  readonly clientId?: string;
}

export interface VerifiedProofJwt {
  /** The device key from the `jwk` header: the key the credential gets bound to. */
  readonly publicKey: PublicKey;
  /** The proof's `nonce` claim (a `c_nonce`), when present. */
  readonly nonce?: string;
  readonly issuedAt: Date;
}

const PROOF: ErrorCode = 'ERR_OID4VCI_INVALID_PROOF';

function invalid(message: string, cause?: unknown): never {
  throw new ZzError(PROOF, message, cause === undefined ? undefined : { cause });
}

/**
 * Verifies a `jwt` key proof (OpenID4VCI 1.0 Appendix F.1, F.4) and returns the device key.
 * Order: shape, `typ`, `alg` (one of `allowedSuites`; `none` and HMAC refused), exactly one key
 * header and it is `jwk` of the same curve as `alg`, the signature, then `aud`, `iat`, `exp`,
 * `iss` and last `nonce`. Every failure is `ERR_OID4VCI_INVALID_PROOF` except a missing or
 * different nonce, `ERR_OID4VCI_INVALID_NONCE` (the wallet fetches a new nonce and retries).
 */
export async function verifyProofJwt(
  platform: Platform,
  jwt: unknown,
  options: VerifyProofJwtOptions,
): Promise<VerifiedProofJwt> {
  if (typeof jwt !== 'string' || jwt.length === 0) invalid('Proof must be a compact JWT string');
  if (jwt.length > MAX_PROOF_JWT_LENGTH) invalid(`Proof exceeds ${MAX_PROOF_JWT_LENGTH} characters`);
  let jws: DecodedJws;
  try {
    jws = decodeJwsCompact(jwt, MAX_PROOF_JWT_LENGTH);
  } catch (error) {
    invalid('Proof is not a compact JWS', error);
  }
  const { header, payload } = jws;
  if (header.typ !== PROOF_JWT_TYP) invalid(`Proof typ must be ${PROOF_JWT_TYP}`);
  const suite = SUITE_IDS.find((id) => SUITES[id].joseAlg === header.alg);
  if (suite === undefined || !options.allowedSuites.includes(suite)) invalid('Proof alg is not allowed');
  if (header.crit !== undefined) invalid('Proof crit is not supported');
  const keyHeaders = ['jwk', 'kid', 'x5c'].filter((name) => header[name] !== undefined);
  if (keyHeaders.length !== 1) invalid('Proof must carry exactly one of jwk, kid, x5c');
  if (keyHeaders[0] !== 'jwk') invalid('Proof key must be given as jwk');
  let publicKey: PublicKey;
  try {
    publicKey = jwkToPublicKey(header.jwk);
  } catch (error) {
    invalid('Proof jwk is not a public EC key', error);
  }
  if (publicKey.suite !== suite) invalid('Proof alg does not match the jwk curve');
  try {
    await verifyJws(platform, jws, publicKey);
  } catch (error) {
    if (isZzError(error) && error.status >= 500) throw error;
    invalid('Proof signature does not verify', error);
  }
  const issuedAt = checkClaims(payload, options);
  const nonce = payload.nonce;
  if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length === 0)) invalid('Proof nonce must be a string');
  if (nonce === undefined && (options.requireNonce ?? true)) {
    throw new ZzError('ERR_OID4VCI_INVALID_NONCE', 'Proof has no nonce');
  }
  if (options.nonce !== undefined && nonce !== options.nonce) {
    throw new ZzError('ERR_OID4VCI_INVALID_NONCE', 'Proof nonce is not the expected c_nonce');
  }
  return nonce === undefined ? { publicKey, issuedAt } : { publicKey, nonce, issuedAt };
}

function checkClaims(payload: Record<string, unknown>, options: VerifyProofJwtOptions): Date {
  const { aud, iat, exp, iss } = payload;
  const audOk = aud === options.audience || (Array.isArray(aud) && aud.length === 1 && aud[0] === options.audience);
  if (!audOk) invalid('Proof aud is not this credential issuer');
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat)) invalid('Proof iat must be an integer');
  const now = options.now.getTime() / 1000;
  if (iat > now + (options.clockSkewSeconds ?? 60)) invalid('Proof iat is in the future');
  if (iat < now - options.maxAgeSeconds) invalid('Proof is too old');
  if (exp !== undefined && (typeof exp !== 'number' || exp <= now)) invalid('Proof has expired');
  if (options.clientId === undefined ? iss !== undefined : iss !== options.clientId) {
    invalid('Proof iss does not match the client (omit it for anonymous access)');
  }
  return new Date(iat * 1000);
}
