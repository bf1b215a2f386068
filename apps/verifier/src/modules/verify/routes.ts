import { problemResponses, type RateLimitSettings, rateLimitConfig } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { ApiKeyAuthenticator } from '../auth/api-keys.js';
import { renderReport } from './render-report.js';
import { parseVerifyRequest, VERIFY_REQUEST_SCHEMA, VERIFY_RESPONSE_SCHEMA } from './schema.js';
import type { VerifyService } from './service.js';

export interface VerifyRoutesOptions {
  readonly service: VerifyService;
  readonly authenticator: ApiKeyAuthenticator;
  /** Budget per API key. */
  readonly rateLimit: RateLimitSettings;
  /** Largest body in bytes (→ 413). */
  readonly bodyLimit: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key id that authenticated this request (`POST /verify`). */
    integrationId?: string;
  }
}

/**
 * `POST /verify` for back-office integrations (bearer API key, rate-limited per key): a
 * presentation in, the verification report out (200 whether valid or not); bad input as RFC 9457
 * problems: 400 malformed or undecodable, 401 no or unknown key, 413 too large, 415 not JSON,
 * 429 over budget. Neither the body nor the claims are logged.
 */
export function registerVerifyRoutes(app: FastifyInstance, options: VerifyRoutesOptions): void {
  const { authenticator, service } = options;
  app.post(
    '/verify',
    {
      bodyLimit: options.bodyLimit,
      onRequest: async (request, reply) => {
        try {
          request.integrationId = authenticator.authenticate(request.headers.authorization);
        } catch (error) {
          reply.header('www-authenticate', 'Bearer realm="verifier"');
          throw error;
        }
      },
      config: {
        rateLimit: rateLimitConfig(options.rateLimit, (request) => `key:${request.integrationId ?? request.ip}`),
      },
      schema: {
        summary: 'Verify a presentation (ZZ1 QR, SD-JWT VC, mdoc DeviceResponse) and return the report',
        description:
          'Send `Authorization: Bearer <API key>`. The report is 200 whether the presentation is valid or not.',
        tags: ['verify'],
        body: VERIFY_REQUEST_SCHEMA,
        response: { 200: VERIFY_RESPONSE_SCHEMA, ...problemResponses(400, 401, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const report = await service.verify(parseVerifyRequest(request.body));
      request.log.info(
        { integration: request.integrationId, valid: report.valid, format: report.format },
        'presentation verified',
      );
      return reply
        .header('cache-control', 'no-store')
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(renderReport(report)));
    },
  );
}
