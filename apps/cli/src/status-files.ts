import {
  COSE_SIGN1_TAG,
  createInMemoryStatusResolver,
  decodeCbor,
  decodeJwsCompact,
  type Platform,
  STATUS_LIST_CWT_CLAIM,
  type StatusList,
  type StatusResolver,
  Tag,
  type TrustSource,
  verifyStatusListCwt,
  verifyStatusListJwt,
  ZzError,
} from '@zhengzhao/core';
import { UsageError } from './cli-error.js';
import { textOf } from './credential-file.js';
import { readInput } from './io.js';

/**
 * A status resolver over Token Status List tokens read from files (draft-ietf-oauth-status-list
 * §8.3): each token, JWT or CWT, is verified with `trust` at `now` against its own `sub` as the
 * list URI, so a credential's reference resolves only in a list signed by a trusted issuer. A
 * URI no given list covers is `ERR_STATUS_UNAVAILABLE` (the check fails rather than passes).
 * `undefined` when no file is given: the reports then say the status check was skipped.
 */
export async function statusResolverFromFiles(
  platform: Platform,
  trust: TrustSource,
  paths: readonly string[],
  now: Date,
): Promise<StatusResolver | undefined> {
  if (paths.length === 0) return undefined;
  const lists = new Map<string, StatusList>();
  for (const path of paths) {
    const bytes = readInput(path, 4 * 1024 * 1024);
    const text = textOf(bytes);
    if (text !== undefined && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text)) {
      const sub = decodeJwsCompact(text).payload.sub;
      if (typeof sub !== 'string') throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list JWT has no sub');
      lists.set(sub, (await verifyStatusListJwt(platform, text, { trust, expectedUri: sub, now })).list);
    } else {
      const sub = cwtSubject(bytes);
      lists.set(sub, (await verifyStatusListCwt(platform, bytes, { trust, expectedUri: sub, now })).list);
    }
  }
  return createInMemoryStatusResolver(lists);
}

/** The `sub` (claim 2) of a status list CWT, read before verification to know the expected URI. */
function cwtSubject(bytes: Uint8Array): string {
  let sub: unknown;
  try {
    const outer = decodeCbor(bytes);
    const payload =
      outer instanceof Tag && outer.tag === COSE_SIGN1_TAG && Array.isArray(outer.value) ? outer.value[2] : undefined;
    const claims = payload instanceof Uint8Array ? decodeCbor(payload) : undefined;
    sub = claims instanceof Map ? claims.get(STATUS_LIST_CWT_CLAIM.sub) : undefined;
  } catch {
    throw new UsageError('a --status-list file is neither a status list JWT nor a CWT');
  }
  if (typeof sub !== 'string') throw new ZzError('ERR_STATUS_LIST_MALFORMED', 'Status list token has no sub');
  return sub;
}
