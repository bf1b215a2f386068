import { ERROR_CATALOGUE, type ErrorCode } from './catalogue.js';

/**
 * The one error class of the platform. `code` is stable and machine-readable; `message` is for
 * people and never carries personal data, credential bytes or secrets.
 */
export class ZzError extends Error {
  override readonly name = 'ZzError';
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERROR_CATALOGUE[code].title, options);
    this.code = code;
  }

  /** HTTP status for this error (RFC 9457 problem details at the edge). */
  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }
}

/** True when `error` is a ZzError, optionally with the given code. */
export function isZzError(error: unknown, code?: ErrorCode): error is ZzError {
  return error instanceof ZzError && (code === undefined || error.code === code);
}

/**
 * Runs `fn` and turns any non-ZzError it throws (library errors, RangeError from a stack
 * overflow, TypeError on a wrong shape) into a ZzError with `code`. Decoders wrap third-party
 * parsers with this so that bad input always ends in a typed error.
 */
export function rethrowAs<T>(code: ErrorCode, message: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ZzError) throw error;
    throw new ZzError(code, message, { cause: error });
  }
}
