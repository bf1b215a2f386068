import { ZzError } from '../errors/zz-error.js';
import type { Oid4vpAuthorizationRequest } from './request-types.js';

/** `vp_token` (OpenID4VP 1.0 §8.1): query id → presentations (mdoc: b64url DeviceResponse; SD-JWT: SD-JWT+KB). */
export type Oid4vpVpToken = Record<string, string[]>;

const MAX_PRESENTATION_LENGTH = 512 * 1024;

/**
 * Checks a vp_token against the request's DCQL query: known query ids only, non-empty arrays of
 * strings, a single item unless the query has `multiple: true`, and every required query (or
 * credential set) answered. Fails with `ERR_OID4VP_RESPONSE_INVALID`.
 */
export function checkVpToken(value: unknown, request: Oid4vpAuthorizationRequest): Oid4vpVpToken {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('vp_token must be a JSON object');
  const token: Oid4vpVpToken = {};
  const queries = request.dcqlQuery.credentials;
  for (const [id, presentations] of Object.entries(value as Record<string, unknown>)) {
    const query = queries.find((entry) => entry.id === id);
    if (!query) fail('vp_token names a query the request did not make');
    if (!Array.isArray(presentations) || presentations.length === 0) fail('vp_token values must be non-empty arrays');
    if (presentations.length > 1 && !query.multiple) fail('vp_token has several presentations for a single query');
    for (const item of presentations) {
      if (typeof item !== 'string' || item.length === 0 || item.length > MAX_PRESENTATION_LENGTH) {
        fail('vp_token presentations must be strings');
      }
    }
    Object.defineProperty(token, id, {
      value: [...presentations],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  const answered = (id: string) => Object.hasOwn(token, id);
  const sets = request.dcqlQuery.credential_sets;
  if (!sets) {
    if (!queries.every((query) => answered(query.id))) fail('vp_token does not answer every credential query');
  } else {
    for (const set of sets) {
      if (set.required !== false && !set.options.some((option) => option.every(answered))) {
        fail('vp_token does not satisfy a required credential set');
      }
    }
  }
  return token;
}

function fail(message: string): never {
  throw new ZzError('ERR_OID4VP_RESPONSE_INVALID', message);
}
