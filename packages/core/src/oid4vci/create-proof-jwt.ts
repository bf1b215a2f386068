import { ZzError } from '../errors/zz-error.js';
import { signJwsCompact } from '../jose/jws-compact.js';
import { publicKeyToJwk } from '../keys/jwk.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { PROOF_JWT_TYP } from './types.js';

export interface CreateProofJwtOptions {
  /** The wallet's device key: its public key goes in the `jwk` header. */
  readonly signer: Signer;
  /** The Credential Issuer Identifier (`aud`). */
  readonly audience: string;
  /** The `c_nonce` from the nonce endpoint; omitted only when the issuer has none. */
  readonly nonce?: string;
  readonly now: Date;
  /** `iss` = the client_id; leave undefined for anonymous pre-authorized access (§F.1). */
  readonly clientId?: string;
}

/**
 * Creates a `jwt` key proof (OpenID4VCI 1.0 Appendix F.1): header `typ: openid4vci-proof+jwt`,
 * `alg` of the signer's suite and the device key as `jwk` (never `kid` or `x5c` here); claims
 * `aud`, `iat` (seconds) and `nonce`, and `iss` only when a client id is given.
 */
export async function createProofJwt(platform: Platform, options: CreateProofJwtOptions): Promise<string> {
  const { signer, audience, nonce, now, clientId } = options;
  if (typeof audience !== 'string' || audience.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'Proof audience must be the credential issuer identifier');
  }
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  if (nonce !== undefined && (typeof nonce !== 'string' || nonce.length === 0)) {
    throw new ZzError('ERR_INPUT_INVALID', 'Proof nonce must be a non-empty string');
  }
  platform.suite(signer.suite);
  const payload: Record<string, unknown> = { aud: audience, iat: Math.floor(now.getTime() / 1000) };
  if (nonce !== undefined) payload.nonce = nonce;
  if (clientId !== undefined) payload.iss = clientId;
  return signJwsCompact(signer, { typ: PROOF_JWT_TYP, jwk: publicKeyToJwk(signer.publicKey) }, payload);
}
