import { decodeBase64url } from '../bytes/base64url.js';
import { decodeJwsCompact, verifyJws } from '../jose/jws-compact.js';
import { decodeX5c } from '../jose/x5c.js';
import type { Platform } from '../platform/platform.js';
import { suiteByJoseAlg } from '../platform/suites.js';
import {
  checkVerifyOptions,
  DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES,
  finishStatusList,
  malformed,
  resolveStatusListKey,
  STATUS_LIST_JWT_MEDIA_TYPE,
  STATUS_LIST_JWT_TYP,
  type VerifiedStatusList,
  type VerifyStatusListOptions,
} from './status-list-token.js';

/**
 * Verifies a Status List Token in JWT form (draft-ietf-oauth-status-list §5.1, §8.3), in this
 * order: size, structure, `typ`, `alg` on the allow-list (no `none`, no HMAC), issuer key (from
 * `x5c` through the trust source, or the given key), signature; then the claims: `sub` equals
 * `expectedUri` exactly, `exp` not passed, `bits` allowed, and `lst` inflated within `maxBytes`.
 */
export async function verifyStatusListJwt(
  platform: Platform,
  token: string,
  options: VerifyStatusListOptions,
): Promise<VerifiedStatusList> {
  checkVerifyOptions(options);
  const jws = decodeJwsCompact(token, options.maxTokenBytes ?? DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES);
  const typ = typeof jws.header.typ === 'string' ? jws.header.typ.toLowerCase() : undefined;
  if (typ !== STATUS_LIST_JWT_TYP && typ !== STATUS_LIST_JWT_MEDIA_TYPE) throw malformed('typ must be statuslist+jwt');
  suiteByJoseAlg(jws.header.alg);
  const chain = jws.header.x5c === undefined ? [] : decodeX5c(jws.header.x5c);
  const { publicKey, issuer } = await resolveStatusListKey(options.trust, chain, undefined, options.now);
  await verifyJws(platform, jws, publicKey);

  const statusList = jws.payload.status_list;
  if (typeof statusList !== 'object' || statusList === null || Array.isArray(statusList)) {
    throw malformed('status_list must be an object');
  }
  const { bits, lst, aggregation_uri: aggregationUri } = statusList as Record<string, unknown>;
  if (typeof lst !== 'string' || lst.length === 0) throw malformed('lst must be a base64url string');
  if (aggregationUri !== undefined && typeof aggregationUri !== 'string') {
    throw malformed('aggregation_uri must be a string');
  }
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(lst);
  } catch (error) {
    throw malformed('lst is not base64url without padding', error);
  }
  const { sub, iat, exp, ttl } = jws.payload;
  return await finishStatusList(platform, { sub, iat, exp, ttl, bits, lst: bytes }, options, issuer);
}
