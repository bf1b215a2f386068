import { type JsonObject, type JwsHeader, verifyJws } from '../jose/jws-compact.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { type DecodedSdJwt, type DecodeSdJwtOptions, decodeSdJwt } from './decode-sd-jwt.js';
import { type ProcessedSdJwt, processSdJwtDisclosures } from './process-disclosures.js';
import { assertDate, checkJwtValidity } from './validity.js';

export interface VerifySdJwtOptions extends DecodeSdJwtOptions {
  /** The issuer key, already trusted by the caller. */
  readonly publicKey: PublicKey;
  /** When given, `exp`, `nbf` and `iat` are checked against it (RFC 9901 §7.1 step 8). */
  readonly now?: Date;
  /** Clock skew allowed for the time checks (default 60 s). */
  readonly clockSkewSeconds?: number;
}

export interface VerifiedSdJwt extends ProcessedSdJwt {
  readonly header: JwsHeader;
  /** The Issuer-signed JWT payload as signed (with `_sd`, `_sd_alg`). */
  readonly payload: JsonObject;
  readonly decoded: DecodedSdJwt;
}

/**
 * The RFC 9901 core, without SD-JWT VC policy: decodes an SD-JWT, verifies the Issuer-signed
 * JWT with `publicKey` (strict `alg`: `none`, HMAC and algorithm switches are refused) and
 * processes its disclosures (§7.1). A Key Binding JWT, if present, is neither required nor
 * checked here: see `verifySdJwtVc` for the full policy.
 */
export async function verifySdJwt(
  platform: Platform,
  input: string | DecodedSdJwt,
  options: VerifySdJwtOptions,
): Promise<VerifiedSdJwt> {
  const decoded = typeof input === 'string' ? decodeSdJwt(input, options) : input;
  await verifyJws(platform, decoded.jwt, options.publicKey);
  const processed = await processSdJwtDisclosures(platform, decoded.jwt.payload, decoded.disclosures);
  if (options.now !== undefined) {
    assertDate(options.now, 'now');
    checkJwtValidity(decoded.jwt.payload, options.now, options.clockSkewSeconds ?? 60);
  }
  return { ...processed, header: decoded.jwt.header, payload: decoded.jwt.payload, decoded };
}
