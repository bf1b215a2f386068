import { ZzError } from '@zhengzhao/core';

/**
 * An RFC 3339 instant from a request body (the schema's `date-time` format already checked its
 * form and calendar); `ERR_INPUT_INVALID` if it still does not parse (a leap second).
 */
export function parseInstant(value: string, field: string): Date {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new ZzError('ERR_INPUT_INVALID', `${field} is not an RFC 3339 instant`);
  return new Date(ms);
}
