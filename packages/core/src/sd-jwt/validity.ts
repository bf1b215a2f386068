import { ZzError } from '../errors/zz-error.js';
import type { JsonObject } from '../jose/jws-compact.js';

/** Seconds since the epoch (RFC 7519 §2 NumericDate) of a Date, rounded down. */
export function numericDate(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** Throws `ERR_INPUT_INVALID` unless `value` is a Date holding a real time. */
export function assertDate(value: unknown, what: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a valid Date`);
  }
}

/**
 * Checks `exp`, `nbf` and `iat` of a JWT payload against `now` (RFC 7519 §4.1.4–§4.1.6,
 * RFC 9901 §7.1 step 8), allowing `skewSeconds` of clock difference: expired at or after `exp`
 * (`ERR_VALIDITY_EXPIRED`), before `nbf` or issued in the future (`ERR_VALIDITY_NOT_YET_VALID`).
 * A present claim that is not a number fails with `ERR_JWT_CLAIM_INVALID`.
 */
export function checkJwtValidity(payload: JsonObject, now: Date, skewSeconds: number): void {
  const at = now.getTime() / 1000;
  const exp = timeClaim(payload, 'exp');
  const nbf = timeClaim(payload, 'nbf');
  const iat = timeClaim(payload, 'iat');
  if (exp !== undefined && at >= exp + skewSeconds) throw new ZzError('ERR_VALIDITY_EXPIRED', 'Credential has expired');
  if (nbf !== undefined && at + skewSeconds < nbf) {
    throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'Credential is not valid before nbf');
  }
  if (iat !== undefined && at + skewSeconds < iat) {
    throw new ZzError('ERR_VALIDITY_NOT_YET_VALID', 'Credential is issued in the future');
  }
}

function timeClaim(payload: JsonObject, name: string): number | undefined {
  if (!Object.hasOwn(payload, name)) return undefined;
  const value = payload[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ZzError('ERR_JWT_CLAIM_INVALID', `${name} must be a NumericDate`);
  }
  return value;
}
