import { ZzError } from '../errors/zz-error.js';
import type { JsonObject } from '../jose/jws-compact.js';
import type { StatusReference } from '../trust/trust-source.js';
import { isJsonObject } from './json.js';

/** True when the payload points into a Token Status List (`status.status_list`). */
export function hasStatusListReference(payload: JsonObject): boolean {
  return isJsonObject(payload.status) && Object.hasOwn(payload.status, 'status_list');
}

/**
 * Reads `"status": {"status_list": {"idx": n, "uri": "…"}}` (draft-ietf-oauth-status-list §6.1).
 * A malformed reference fails with `ERR_JWT_CLAIM_INVALID`.
 */
export function readStatusListReference(payload: JsonObject): StatusReference {
  const status = payload.status;
  const list = isJsonObject(status) ? status.status_list : undefined;
  if (!isJsonObject(list)) throw new ZzError('ERR_JWT_CLAIM_INVALID', 'status.status_list must be an object');
  const { idx, uri } = list;
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) {
    throw new ZzError('ERR_JWT_CLAIM_INVALID', 'status_list.idx must be a non-negative integer');
  }
  if (typeof uri !== 'string' || uri.length === 0) {
    throw new ZzError('ERR_JWT_CLAIM_INVALID', 'status_list.uri must be a string');
  }
  return { idx, uri };
}
