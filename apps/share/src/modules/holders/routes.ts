import { type RateLimitSettings, rateLimitConfig } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { ShareContext } from '../../context.js';
import { registerHolder } from './holder-service.js';

const REGISTER_BODY_SCHEMA = {
  type: 'object',
  properties: {
    public_jwk: { type: 'object', maxProperties: 16, description: 'EC public key (P-256 or SM2) as a JWK' },
  },
  required: ['public_jwk'],
  additionalProperties: false,
} as const;

/** `POST /holders` `{public_jwk}`: a wallet registers for sharing and gets its share code (201). */
export function registerHolderRoutes(app: FastifyInstance, context: ShareContext, rateLimit: RateLimitSettings): void {
  app.post(
    '/holders',
    {
      bodyLimit: 8 * 1024,
      // registration is open (a wallet has no account yet): bounded per client address
      config: { rateLimit: rateLimitConfig(rateLimit, (request) => request.ip) },
      schema: { summary: 'Register a wallet for sharing', tags: ['holder'], body: REGISTER_BODY_SCHEMA },
    },
    async (request, reply) =>
      reply.code(201).send(await registerHolder(context, request.body as { public_jwk: unknown })),
  );
}
