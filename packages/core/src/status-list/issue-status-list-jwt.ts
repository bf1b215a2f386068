import { encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';
import { type JsonObject, signJwsCompact } from '../jose/jws-compact.js';
import { encodeX5c } from '../jose/x5c.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { compressStatusList } from './compress-status-list.js';
import { StatusList } from './status-list.js';
import {
  checkIssueOptions,
  type IssueStatusListOptions,
  STATUS_LIST_JWT_TYP,
  toNumericDate,
} from './status-list-token.js';

export interface IssueStatusListJwtOptions extends IssueStatusListOptions {
  /** JOSE `kid` header, if the verifiers resolve keys by id. */
  readonly kid?: string;
}

/**
 * Issues a Status List Token in JWT form (draft-ietf-oauth-status-list §5.1): header
 * `{alg, typ: "statuslist+jwt", x5c?}`, claims `sub` (the list URI), `iat`, `exp`, `ttl` and
 * `status_list: {bits, lst}` where `lst` is base64url without padding of the ZLIB-compressed
 * byte array (§4.2). `x5c` is standard base64 DER, leaf first (RFC 7515 §4.1.6).
 */
export async function issueStatusListJwt(
  platform: Platform,
  signer: Signer,
  options: IssueStatusListJwtOptions,
): Promise<string> {
  if (!(options?.list instanceof StatusList)) throw new ZzError('ERR_INPUT_INVALID', 'list must be a StatusList');
  checkIssueOptions(options);
  if (options.kid !== undefined && (typeof options.kid !== 'string' || options.kid.length === 0)) {
    throw new ZzError('ERR_INPUT_INVALID', 'kid must be a non-empty string');
  }
  const lst = encodeBase64url(await compressStatusList(platform, options.list));
  const payload: JsonObject = {
    sub: options.uri,
    iat: toNumericDate(options.issuedAt, 'issuedAt'),
    ...(options.expiresAt === undefined ? {} : { exp: toNumericDate(options.expiresAt, 'expiresAt') }),
    ...(options.ttlSeconds === undefined ? {} : { ttl: options.ttlSeconds }),
    status_list: { bits: options.list.bits, lst },
  };
  return await signJwsCompact(
    signer,
    {
      typ: STATUS_LIST_JWT_TYP,
      ...(options.kid === undefined ? {} : { kid: options.kid }),
      ...(options.certificateChain === undefined ? {} : { x5c: encodeX5c(options.certificateChain) }),
    },
    payload,
  );
}
