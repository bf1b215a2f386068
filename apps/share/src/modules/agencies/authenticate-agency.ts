import {
  type DecodedJws,
  decodeX5c,
  type RegisteredRelyingParty,
  SHARE_AGENCY_CALL_TYP,
  verifyJws,
  ZzError,
} from '@zhengzhao/core';
import type { ShareContext } from '../../context.js';
import { readSignedToken, type SignedTokenClaims } from '../../http/signed-token.js';
import { useTokenOnce } from '../../http/used-tokens.js';

/** JWS `typ` of an agency's signed call (a request for a licence, or a retrieval). */
export const AGENCY_CALL_TYP = SHARE_AGENCY_CALL_TYP;

export interface AuthenticatedAgencyCall {
  readonly agency: RegisteredRelyingParty;
  readonly token: DecodedJws & SignedTokenClaims;
}

/**
 * Authenticates an agency's signed call: a JWS of `typ` `zz-share-request+jwt` whose `x5c` is
 * its access certificate chain from the national trust registry. The chain must validate to the
 * national root, the trust list must hold the agency (not de-registered, this certificate still
 * named), the signature must verify with the leaf key, and the `jti` must be new. Trust failures
 * keep their `ERR_TRUST_*` / `ERR_READER_*` code; a replay is `ERR_SHARE_REPLAY`.
 */
export async function authenticateAgency(context: ShareContext, signed: unknown): Promise<AuthenticatedAgencyCall> {
  const now = context.clock();
  const token = readSignedToken(signed, { typ: AGENCY_CALL_TYP, audience: context.publicUrl, now });
  let chain: Uint8Array[];
  try {
    chain = decodeX5c(token.header.x5c);
  } catch (error) {
    throw new ZzError('ERR_SHARE_AUTH_INVALID', 'The signed call carries no valid x5c chain', { cause: error });
  }
  const authenticated = await context.verifier.authenticateRelyingParty(chain);
  if (!authenticated) throw new ZzError('ERR_TRUST_LIST_MISSING', 'The sharing service holds no national trust list');
  await verifyJws(context.platform, token, authenticated.publicKey);
  await useTokenOnce(context.db, `agency:${authenticated.party.id}`, token.jti, now);
  return { agency: authenticated.party, token };
}
