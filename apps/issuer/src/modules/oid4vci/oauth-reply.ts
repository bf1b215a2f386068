import { ERROR_CATALOGUE, type ErrorCode, isZzError, OID4VCI_OAUTH_ERRORS, oauthErrorOf } from '@zhengzhao/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

interface FastifyLikeError {
  code?: unknown;
  statusCode?: unknown;
}

const FALLBACK_STATUS: Readonly<Record<string, number>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 413,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 415,
};

/**
 * Renders an error of an OAuth endpoint (token, nonce, credential) in OAuth's JSON format
 * (RFC 6749 §5.2, RFC 6750 §3, OpenID4VCI 1.0 §8.3.1.2) instead of problem details:
 * `{error, error_description}` with `Cache-Control: no-store`. An OpenID4VCI code keeps its own
 * `error`; malformed bodies, wrong media types and oversized bodies become the route's `fallback`
 * (`invalid_request` or `invalid_credential_request`) with 400 / 415 / 413; anything else is a
 * 500 `server_error` that carries nothing from the error (and is logged without personal data).
 * A 401 carries `WWW-Authenticate: Bearer` (with `error="invalid_token"` when a token was sent).
 */
export function sendOAuthError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  fallback: ErrorCode,
): FastifyReply {
  let code: ErrorCode;
  let status: number;
  let description: string;
  if (isZzError(error) && error.code in OID4VCI_OAUTH_ERRORS) {
    code = error.code;
    status = error.status;
    description = error.message;
  } else if (isZzError(error) && error.status < 500) {
    code = fallback;
    status = error.status === 413 ? 413 : 400;
    description = error.message;
  } else {
    const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
    const known = typeof e.code === 'string' ? FALLBACK_STATUS[e.code] : undefined;
    const clientError = typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500;
    if (known !== undefined || clientError) {
      code = fallback;
      status = known ?? 400;
      description =
        status === 413
          ? 'Request body is too large'
          : status === 415
            ? 'Unsupported media type'
            : ERROR_CATALOGUE[fallback].title;
    } else {
      request.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'oauth endpoint failed');
      return reply
        .code(500)
        .header('cache-control', 'no-store')
        .type('application/json')
        .send({ error: 'server_error', error_description: 'An internal error occurred' });
    }
  }
  if (status === 401) {
    const sent = typeof request.headers.authorization === 'string' && request.headers.authorization.length > 0;
    reply.header('www-authenticate', sent ? `Bearer error="${oauthErrorOf(code)}"` : 'Bearer');
  }
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type('application/json')
    .send({ error: oauthErrorOf(code), error_description: description });
}
