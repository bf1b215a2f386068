import { ERROR_CATALOGUE, type ErrorCode, isZzError } from '@zhengzhao/core';

/** Base of the `type` URI of every problem: `https://zhengzhao.dev/problems/<code>`. */
export const PROBLEM_TYPE_BASE = 'https://zhengzhao.dev/problems/';

/** The media type of problem responses (RFC 9457 §3). */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

/** One failing field of a schema validation (its path, never its value). */
export interface ProblemFieldError {
  /** Where: `body`, `querystring`, `params` or `headers`. */
  in: string;
  /** JSON Pointer (RFC 6901) to the field inside that part, e.g. `/holder/given_name`. */
  pointer: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `type`, `pattern`. */
  keyword: string;
}

/**
 * An RFC 9457 problem details object, extended with the stable `code` of the error catalogue
 * (and `errors` for validation failures). `instance` is `urn:uuid:<request id>`, never the request
 * URL (which may carry an identity number).
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ErrorCode;
  errors?: ProblemFieldError[];
}

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

interface AjvLikeError {
  instancePath?: unknown;
  keyword?: unknown;
  params?: { missingProperty?: unknown; additionalProperty?: unknown };
}

/** Builds a problem for a catalogue code (RFC 9457 §3.1). */
export function problemFor(code: ErrorCode, detail?: string, requestId?: string): ProblemDetails {
  const entry = ERROR_CATALOGUE[code];
  const problem: ProblemDetails = {
    type: `${PROBLEM_TYPE_BASE}${code}`,
    title: entry.title,
    status: entry.status,
    detail: detail ?? entry.title,
    code,
  };
  if (requestId !== undefined) problem.instance = `urn:uuid:${requestId}`;
  return problem;
}

/**
 * Maps any error to problem details: a ZzError to its catalogue status and code; Fastify's
 * schema validation to 400 `ERR_INPUT_INVALID` with field paths; body limits to 413, unknown
 * media types to 415, malformed JSON to `ERR_ENCODING_JSON`; anything else to a 500 that carries
 * nothing from the error. `internal` tells the caller to log the error.
 */
export function toProblemDetails(error: unknown, requestId?: string): { problem: ProblemDetails; internal: boolean } {
  if (isZzError(error)) {
    // ZzError messages carry no personal data by contract; 5xx details still stay generic.
    const detail = error.status >= 500 ? undefined : error.message;
    return { problem: problemFor(error.code, detail, requestId), internal: error.status >= 500 };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (Array.isArray(e.validation)) {
    const part = typeof e.validationContext === 'string' ? e.validationContext : 'request';
    const errors = e.validation.slice(0, 20).map((v: AjvLikeError) => fieldError(part, v));
    const where = errors.map((f) => `${f.in}${f.pointer}`).join(', ');
    const problem = problemFor('ERR_INPUT_INVALID', `Invalid field(s): ${where}`, requestId);
    problem.errors = errors;
    return { problem, internal: false };
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return {
        problem: problemFor('ERR_INPUT_TOO_LARGE', 'Request body is larger than allowed', requestId),
        internal: false,
      };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        problem: problemFor('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', 'Send application/json', requestId),
        internal: false,
      };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { problem: problemFor('ERR_ENCODING_JSON', 'Request body is not valid JSON', requestId), internal: false };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status === 404) return { problem: problemFor('ERR_HTTP_NOT_FOUND', undefined, requestId), internal: false };
  if (status === 413) return { problem: problemFor('ERR_INPUT_TOO_LARGE', undefined, requestId), internal: false };
  if (status === 415) {
    return { problem: problemFor('ERR_HTTP_UNSUPPORTED_MEDIA_TYPE', undefined, requestId), internal: false };
  }
  if (status >= 400 && status < 500) {
    return { problem: problemFor('ERR_INPUT_INVALID', 'Request is not valid', requestId), internal: false };
  }
  return { problem: problemFor('ERR_SERVER_INTERNAL', 'An internal error occurred', requestId), internal: true };
}

function fieldError(part: string, v: AjvLikeError): ProblemFieldError {
  let pointer = typeof v.instancePath === 'string' ? v.instancePath : '';
  const extra = v.params?.missingProperty ?? v.params?.additionalProperty;
  if (typeof extra === 'string') pointer = `${pointer}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return { in: part, pointer, keyword: typeof v.keyword === 'string' ? v.keyword : 'invalid' };
}
