import { ZzError } from '../errors/zz-error.js';
import type { StatusReference } from '../trust/trust-source.js';

/** Longest status list URI accepted in a credential. */
export const MAX_STATUS_URI_LENGTH = 2048;

/**
 * Reads a credential's status reference (draft-ietf-oauth-status-list §6): the value of the JOSE
 * `status` claim, of CWT claim 65535, or of the mdoc MSO `status` — all
 * `{ "status_list": { "idx": uint, "uri": tstr, ...} }` — from a parsed JSON object or a decoded
 * CBOR Map. Types are strict: `idx` a non-negative safe integer (not a string, float or bigint),
 * `uri` an absolute URI. Other members (such as mdoc's `certificate`) are ignored.
 * Fails with `ERR_STATUS_REFERENCE_MALFORMED`.
 */
export function parseStatusReference(value: unknown): StatusReference {
  const statusList = member(value, 'status_list', 'status');
  if (statusList === undefined) throw malformed('status has no status_list');
  const idx = member(statusList, 'idx', 'status_list');
  const uri = member(statusList, 'uri', 'status_list');
  if (typeof idx !== 'number' || !Number.isSafeInteger(idx) || idx < 0) {
    throw malformed('status_list.idx must be a non-negative integer');
  }
  if (typeof uri !== 'string' || uri.length === 0 || uri.length > MAX_STATUS_URI_LENGTH || !isAbsoluteUri(uri)) {
    throw malformed('status_list.uri must be an absolute URI');
  }
  return { idx, uri };
}

function member(container: unknown, key: string, what: string): unknown {
  if (container instanceof Map) return container.get(key);
  if (isPlainObject(container)) return Object.hasOwn(container, key) ? container[key] : undefined;
  throw malformed(`${what} must be a map or an object`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

function isAbsoluteUri(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && URL.canParse(text);
}

function malformed(message: string): ZzError {
  return new ZzError('ERR_STATUS_REFERENCE_MALFORMED', message);
}
