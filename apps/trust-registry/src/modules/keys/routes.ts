import type { FastifyInstance } from 'fastify';
import { ifNoneMatchHits } from '../../http/conditional.js';
import type { RegistryKeys } from './registry-keys.js';

/** Media type of a PEM bundle (RFC 8555 §9.1). */
export const PEM_MEDIA_TYPE = 'application/pem-certificate-chain';

/**
 * `GET /root.pem`: the national root certificate, the one thing verifiers and wallets pin
 * (compare its SHA-256 with the value published out of band before pinning it).
 */
export function registerRootRoutes(app: FastifyInstance, keys: RegistryKeys): void {
  const etag = `"root-${keys.root.sha256}"`;
  app.get(
    '/root.pem',
    {
      schema: {
        summary: 'The national root certificate (PEM): pin it to verify trust lists and reader certificates',
        tags: ['trust list'],
        response: {
          200: { description: `${PEM_MEDIA_TYPE}: one PEM certificate`, type: 'string' },
          304: { description: 'Not modified' },
        },
      },
    },
    async (request, reply) => {
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=86400')
        .header('x-certificate-sha256', keys.root.sha256);
      if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return reply.type(PEM_MEDIA_TYPE).send(keys.root.pem);
    },
  );
}
