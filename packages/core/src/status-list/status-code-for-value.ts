import type { ErrorCode } from '../errors/catalogue.js';
import { STATUS_INVALID, STATUS_SUSPENDED, STATUS_VALID } from './status-list.js';

/**
 * The error code a verification pipeline reports for a status value (draft-ietf-oauth-status-list
 * §7.1): `undefined` for VALID (0); INVALID (1) → `ERR_STATUS_REVOKED`; SUSPENDED (2) →
 * `ERR_STATUS_SUSPENDED`; anything else (3, application-specific values, or not a status value
 * at all) → `ERR_STATUS_UNKNOWN_VALUE`, so unknown values fail closed.
 */
export function statusCodeForValue(value: number): ErrorCode | undefined {
  if (value === STATUS_VALID) return undefined;
  if (value === STATUS_INVALID) return 'ERR_STATUS_REVOKED';
  if (value === STATUS_SUSPENDED) return 'ERR_STATUS_SUSPENDED';
  return 'ERR_STATUS_UNKNOWN_VALUE';
}
