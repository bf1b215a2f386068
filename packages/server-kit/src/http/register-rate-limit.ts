import rateLimit from '@fastify/rate-limit';
import { ZzError } from '@zhengzhao/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A request budget: at most `max` requests per `windowMs`. */
export interface RateLimitSettings {
  readonly max: number;
  readonly windowMs: number;
}

/**
 * Installs `@fastify/rate-limit` for the routes that opt in (`config.rateLimit`), with an
 * in-memory store (one process). An exceeded budget is a 429 problem document
 * (`ERR_HTTP_TOO_MANY_REQUESTS`) with `Retry-After` in seconds (RFC 9110 §10.2.3) and the
 * `x-ratelimit-*` headers. Register before the routes.
 */
export async function registerRateLimit(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ZzError('ERR_HTTP_TOO_MANY_REQUESTS', `Rate limit exceeded; retry in ${Math.ceil(context.ttl / 1000)} s`),
  });
}

/** The route `config.rateLimit` for a budget and a key (API key id, client address…). */
export function rateLimitConfig(
  settings: RateLimitSettings,
  keyOf: (request: FastifyRequest) => string,
): { max: number; timeWindow: number; keyGenerator: (request: FastifyRequest) => string } {
  if (!Number.isSafeInteger(settings.max) || settings.max < 1 || !Number.isSafeInteger(settings.windowMs)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'Rate limits need a positive max and windowMs');
  }
  return { max: settings.max, timeWindow: settings.windowMs, keyGenerator: keyOf };
}
