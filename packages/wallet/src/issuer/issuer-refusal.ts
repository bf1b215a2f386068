import { type ErrorCode, ZzError } from '@zhengzhao/core';

/**
 * A `ZzError` for an issuer's refusal (an HTTP error answer with RFC 9457 problem details): the
 * code as the issuer sent it (or `ERR_WALLET_SYNC_FAILED`), the HTTP status, and the
 * `Retry-After` delay in seconds when the answer carried one (RFC 9110 §10.2.3, delay-seconds
 * form) — a locked-out activation (`ERR_OID4VCI_ACTIVATION_LOCKED`, 429) says when to try again.
 */
export class IssuerRefusal extends ZzError {
  readonly httpStatus: number;
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, httpStatus: number, retryAfterSeconds?: number) {
    super(code, `The issuer answered ${httpStatus}`);
    this.httpStatus = httpStatus;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** At most a day: a larger Retry-After is not believed (and not shown to the holder). */
const MAX_RETRY_AFTER = 86_400;

/** The `Retry-After` header in delay seconds, or undefined (an HTTP date or junk is ignored). */
export function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || !/^[0-9]{1,6}$/.test(value.trim())) return undefined;
  const seconds = Number(value.trim());
  return seconds <= MAX_RETRY_AFTER ? seconds : undefined;
}

/**
 * How many seconds the issuer asked the holder to wait before trying again (the `Retry-After` of
 * a refusal such as `ERR_OID4VCI_ACTIVATION_LOCKED`), or undefined when it did not say.
 */
export function retryAfterSeconds(error: unknown): number | undefined {
  return error instanceof IssuerRefusal ? error.retryAfterSeconds : undefined;
}
