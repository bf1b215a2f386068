import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { compressStatusList } from './compress-status-list.js';
import { StatusList } from './status-list.js';
import {
  checkIssueOptions,
  type IssueStatusListOptions,
  STATUS_LIST_CWT_CLAIM,
  STATUS_LIST_CWT_MEDIA_TYPE,
  toNumericDate,
} from './status-list-token.js';

export interface IssueStatusListCwtOptions extends IssueStatusListOptions {
  /** COSE `kid` (label 4, unprotected), e.g. ADR 0004's 8-byte DS certificate id. */
  readonly kid?: Uint8Array;
}

/**
 * Issues a Status List Token in CWT form (draft-ietf-oauth-status-list §5.2): a tagged
 * COSE_Sign1 (18, no CWT tag 61) with protected `{1: alg, 16: "application/statuslist+cwt"}`,
 * `x5chain` (33, RFC 9360) and `kid` unprotected, and the claims map
 * `{2: sub, 6: iat, 4: exp, 65534: ttl, 65533: {"bits": n, "lst": bstr}}` where `lst` is the raw
 * ZLIB bytes. Encoded deterministically (RFC 8949 §4.2.1).
 */
export async function issueStatusListCwt(
  platform: Platform,
  signer: Signer,
  options: IssueStatusListCwtOptions,
): Promise<Uint8Array> {
  if (!(options?.list instanceof StatusList)) throw new ZzError('ERR_INPUT_INVALID', 'list must be a StatusList');
  checkIssueOptions(options);
  if (options.kid !== undefined && (!(options.kid instanceof Uint8Array) || options.kid.length === 0)) {
    throw new ZzError('ERR_INPUT_INVALID', 'kid must be a non-empty byte string');
  }
  const lst = await compressStatusList(platform, options.list);
  const claims = new Map<number, CborValue>([
    [STATUS_LIST_CWT_CLAIM.sub, options.uri],
    [STATUS_LIST_CWT_CLAIM.iat, toNumericDate(options.issuedAt, 'issuedAt')],
  ]);
  if (options.expiresAt !== undefined) {
    claims.set(STATUS_LIST_CWT_CLAIM.exp, toNumericDate(options.expiresAt, 'expiresAt'));
  }
  if (options.ttlSeconds !== undefined) claims.set(STATUS_LIST_CWT_CLAIM.ttl, options.ttlSeconds);
  claims.set(
    STATUS_LIST_CWT_CLAIM.statusList,
    new Map<CborValue, CborValue>([
      ['bits', options.list.bits],
      ['lst', lst],
    ]),
  );

  const unprotectedHeaders = new Map<number, CborValue>();
  const chain = options.certificateChain;
  if (chain !== undefined) {
    unprotectedHeaders.set(COSE_HEADER.x5chain, chain.length === 1 ? (chain[0] as Uint8Array) : [...chain]);
  }
  if (options.kid !== undefined) unprotectedHeaders.set(COSE_HEADER.kid, options.kid);

  const message = await signCoseSign1(signer, {
    payload: encodeCbor(claims),
    protectedHeaders: new Map([[COSE_HEADER.typ, STATUS_LIST_CWT_MEDIA_TYPE]]),
    unprotectedHeaders,
  });
  return encodeCoseSign1(message, { tagged: true });
}
