import { decodeCbor } from '../cbor/decode.js';
import { Tag } from '../cbor/tags.js';
import { COSE_HEADER, COSE_SIGN1_TAG } from '../cose/headers.js';
import { coseKid, coseSuiteOf, coseX5Chain, parseCoseSign1, verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import { MAX_X5C_CERTIFICATES } from '../jose/x5c.js';
import type { Platform } from '../platform/platform.js';
import {
  checkVerifyOptions,
  DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES,
  finishStatusList,
  malformed,
  resolveStatusListKey,
  STATUS_LIST_CWT_CLAIM,
  STATUS_LIST_CWT_MEDIA_TYPE,
  type VerifiedStatusList,
  type VerifyStatusListOptions,
} from './status-list-token.js';

/**
 * Verifies a Status List Token in CWT form (draft-ietf-oauth-status-list §5.2, §8.3), in this
 * order: size, a tagged COSE_Sign1 (COSE_Mac0 is not accepted), protected `typ` (16)
 * `application/statuslist+cwt`, a protected `alg` of a known suite, issuer key (x5chain or kid through the
 * trust source, or the given key), signature; then the claims as for the JWT form.
 */
export async function verifyStatusListCwt(
  platform: Platform,
  token: Uint8Array,
  options: VerifyStatusListOptions,
): Promise<VerifiedStatusList> {
  checkVerifyOptions(options);
  if (!(token instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'CWT must be a Uint8Array');
  const maxTokenBytes = options.maxTokenBytes ?? DEFAULT_MAX_STATUS_LIST_TOKEN_BYTES;
  if (token.length > maxTokenBytes) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Status list token is too large');
  const outer = decodeOrMalformed(token, maxTokenBytes, 'Status list token is not CBOR');
  if (!(outer instanceof Tag) || outer.tag !== COSE_SIGN1_TAG) {
    throw malformed('Status list CWT must be a tagged COSE_Sign1 (18)');
  }
  const message = parseCoseSign1(outer);
  if (message.protectedHeaders.get(COSE_HEADER.typ) !== STATUS_LIST_CWT_MEDIA_TYPE) {
    throw malformed('Protected typ must be application/statuslist+cwt');
  }
  if (typeof message.protectedHeaders.get(COSE_HEADER.alg) !== 'number') {
    throw new ZzError('ERR_COSE_ALG_MISMATCH', 'Status list CWT must carry alg in its protected header');
  }
  coseSuiteOf(message);
  const chain = coseX5Chain(message);
  if (chain.length > MAX_X5C_CERTIFICATES) throw new ZzError('ERR_COSE_MALFORMED', 'x5chain is too long');
  const { publicKey, issuer } = await resolveStatusListKey(options.trust, chain, coseKid(message), options.now);
  await verifyCoseSign1(platform, message, publicKey);

  if (message.payload === null) throw malformed('Status list CWT has no payload');
  const claims = decodeOrMalformed(message.payload, maxTokenBytes, 'CWT claims are not CBOR');
  if (!(claims instanceof Map)) throw malformed('CWT claims must be a map');
  const statusList = claims.get(STATUS_LIST_CWT_CLAIM.statusList);
  if (!(statusList instanceof Map)) throw malformed('status_list (65533) must be a map');
  const lst = statusList.get('lst');
  if (!(lst instanceof Uint8Array)) throw malformed('lst must be a byte string');
  const aggregationUri = statusList.get('aggregation_uri');
  if (aggregationUri !== undefined && typeof aggregationUri !== 'string') {
    throw malformed('aggregation_uri must be a text string');
  }
  return await finishStatusList(
    platform,
    {
      sub: claims.get(STATUS_LIST_CWT_CLAIM.sub),
      iat: claims.get(STATUS_LIST_CWT_CLAIM.iat),
      exp: claims.get(STATUS_LIST_CWT_CLAIM.exp),
      ttl: claims.get(STATUS_LIST_CWT_CLAIM.ttl),
      bits: statusList.get('bits'),
      lst,
    },
    options,
    issuer,
  );
}

function decodeOrMalformed(bytes: Uint8Array, maxBytes: number, message: string): unknown {
  try {
    return decodeCbor(bytes, { maxBytes });
  } catch (error) {
    if (isZzError(error, 'ERR_CBOR_MALFORMED')) throw malformed(message, error);
    throw error;
  }
}
