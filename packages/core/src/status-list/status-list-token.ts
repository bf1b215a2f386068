import { ZzError } from '../errors/zz-error.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { isSuiteId } from '../platform/suites.js';
import type { TrustSource } from '../trust/trust-source.js';
import type { IssuerInfo } from '../verify/report.js';
import { decompressStatusList } from './compress-status-list.js';
import { isStatusListBits, type StatusList, type StatusListBits } from './status-list.js';

/** JOSE `typ` of a status list JWT (draft-ietf-oauth-status-list §5.1). */
export const STATUS_LIST_JWT_TYP = 'statuslist+jwt';
/** Media types of the two token forms (draft §14.7), also the HTTP Content-Type (§8.1). */
export const STATUS_LIST_JWT_MEDIA_TYPE = 'application/statuslist+jwt';
export const STATUS_LIST_CWT_MEDIA_TYPE = 'application/statuslist+cwt';

/** CWT claim keys of a status list token (draft §5.2, RFC 8392 §4). */
export const STATUS_LIST_CWT_CLAIM = { sub: 2, exp: 4, iat: 6, statusList: 65533, ttl: 65534 } as const;

/** Default bound on the token itself (4 MiB), checked before any parsing. */
export const DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES = 4 * 1024 * 1024;

/**
 * Who may sign the list: a trust source that resolves the token's certificate chain (`x5c` /
 * `x5chain`) or key id, or one fixed key.
 */
export type StatusListTrust = TrustSource | { readonly publicKey: PublicKey };

export interface VerifyStatusListOptions {
  readonly trust: StatusListTrust;
  /** The `uri` of the credential's status reference: `sub` must equal it exactly (draft §8.3). */
  readonly expectedUri: string;
  readonly now: Date;
  /** Bound on the decompressed list (default 16 MiB). */
  readonly maxBytes?: number;
  /** Bound on the token (default 4 MiB). */
  readonly maxTokenBytes?: number;
}

/** A verified status list token. */
export interface VerifiedStatusList {
  readonly list: StatusList;
  readonly bits: StatusListBits;
  readonly uri: string;
  readonly iat: Date;
  readonly exp?: Date;
  /** Seconds the token may be cached before it is fetched again (draft §5.1 `ttl`). */
  readonly ttl?: number;
  /** The signer as the trust source named it; absent when a fixed key was given. */
  readonly issuer?: IssuerInfo;
}

/** Issuance inputs shared by the JWT and CWT forms. */
export interface IssueStatusListOptions {
  /** The list URI; becomes `sub` and must equal the credentials' `status_list.uri`. */
  readonly uri: string;
  readonly list: StatusList;
  readonly issuedAt: Date;
  readonly expiresAt?: Date;
  readonly ttlSeconds?: number;
  /** The DS certificate chain, DER, leaf first (`x5c` / `x5chain`). */
  readonly certificateChain?: readonly Uint8Array[];
}

/** The key to verify with: the fixed one, or the trust source's answer for the chain / kid. */
export async function resolveStatusListKey(
  trust: StatusListTrust,
  chain: readonly Uint8Array[],
  kid: Uint8Array | undefined,
  now: Date,
): Promise<{ publicKey: PublicKey; issuer?: IssuerInfo }> {
  if ('publicKey' in trust) {
    if (!isSuiteId(trust.publicKey?.suite)) throw new ZzError('ERR_CRYPTO_KEY_INVALID', 'Unknown key suite');
    return { publicKey: assertPublicKey(trust.publicKey) };
  }
  if (typeof trust?.resolveChain !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'trust must be a TrustSource');
  if (chain.length > 0) return await trust.resolveChain(chain, { now });
  if (kid !== undefined) return await trust.resolveKid(kid, { now });
  throw new ZzError('ERR_TRUST_CHAIN_MISSING', 'Status list token has no certificate chain or key id');
}

export function checkVerifyOptions(options: VerifyStatusListOptions): void {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'Options required');
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) {
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  }
  if (typeof options.expectedUri !== 'string' || options.expectedUri.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'expectedUri must be a non-empty string');
  }
  if (typeof options.trust !== 'object' || options.trust === null) {
    throw new ZzError('ERR_INPUT_INVALID', 'trust is required');
  }
}

/** Claims read from either token form, not yet checked. `lst` is already bytes. */
export interface RawStatusListClaims {
  readonly sub: unknown;
  readonly iat: unknown;
  readonly exp: unknown;
  readonly ttl: unknown;
  readonly bits: unknown;
  readonly lst: Uint8Array;
}

/**
 * Checks the claims of a token whose signature has been verified (draft §8.3): `sub` equals the
 * expected URI, `iat` is a NumericDate, `exp` has not passed, `ttl` is positive, `bits` is
 * allowed, and `lst` inflates within the bound.
 */
export async function finishStatusList(
  platform: Platform,
  claims: RawStatusListClaims,
  options: VerifyStatusListOptions,
  issuer: IssuerInfo | undefined,
): Promise<VerifiedStatusList> {
  if (typeof claims.sub !== 'string') throw malformed('sub must be a string');
  if (claims.sub !== options.expectedUri) {
    throw new ZzError('ERR_STATUS_LIST_URI_MISMATCH', 'Status list sub is not the referenced URI');
  }
  const iat = numericDate(claims.iat, 'iat');
  const exp = claims.exp === undefined ? undefined : numericDate(claims.exp, 'exp');
  if (exp !== undefined && options.now.getTime() >= exp.getTime()) {
    throw new ZzError('ERR_STATUS_LIST_EXPIRED', 'Status list token has expired');
  }
  let ttl: number | undefined;
  if (claims.ttl !== undefined) {
    if (typeof claims.ttl !== 'number' || !Number.isSafeInteger(claims.ttl) || claims.ttl < 1) {
      throw malformed('ttl must be a positive integer');
    }
    ttl = claims.ttl;
  }
  if (!isStatusListBits(claims.bits)) throw malformed('bits must be 1, 2, 4 or 8');
  const bits = claims.bits;
  const list = await decompressStatusList(
    platform,
    claims.lst,
    bits,
    options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes },
  );
  return {
    list,
    bits,
    uri: claims.sub,
    iat,
    ...(exp === undefined ? {} : { exp }),
    ...(ttl === undefined ? {} : { ttl }),
    ...(issuer === undefined ? {} : { issuer }),
  };
}

/** Seconds since the epoch for a NumericDate claim (whole seconds, RFC 7519 §2). */
export function toNumericDate(date: Date, what: string): number {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a valid Date`);
  }
  return Math.floor(date.getTime() / 1000);
}

export function checkIssueOptions(options: IssueStatusListOptions): void {
  if (typeof options.uri !== 'string' || options.uri.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'uri must be a non-empty string');
  }
  const iat = toNumericDate(options.issuedAt, 'issuedAt');
  if (options.expiresAt !== undefined && toNumericDate(options.expiresAt, 'expiresAt') <= iat) {
    throw new ZzError('ERR_INPUT_INVALID', 'expiresAt must be after issuedAt');
  }
  if (options.ttlSeconds !== undefined && (!Number.isSafeInteger(options.ttlSeconds) || options.ttlSeconds < 1)) {
    throw new ZzError('ERR_INPUT_INVALID', 'ttlSeconds must be a positive integer');
  }
  const chain = options.certificateChain;
  if (chain !== undefined && (!Array.isArray(chain) || chain.length === 0 || chain.some((c) => !isBytes(c)))) {
    throw new ZzError('ERR_INPUT_INVALID', 'certificateChain must be a non-empty array of DER certificates');
  }
}

function isBytes(value: unknown): boolean {
  return value instanceof Uint8Array && value.length > 0;
}

/** Largest NumericDate a Date can hold (±8.64e15 ms). */
const MAX_SECONDS = 8.64e12;

function numericDate(value: unknown, what: string): Date {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_SECONDS) {
    throw malformed(`${what} must be a NumericDate`);
  }
  return new Date(Math.floor(value * 1000));
}

export function malformed(message: string, cause?: unknown): ZzError {
  return new ZzError('ERR_STATUS_LIST_MALFORMED', message, cause === undefined ? undefined : { cause });
}
