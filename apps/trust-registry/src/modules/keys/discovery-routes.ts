import type { FastifyInstance } from 'fastify';
import type { RegistryKeys } from './registry-keys.js';

/** Path of the registry's discovery document. */
export const DISCOVERY_PATH = '/.well-known/zz-trust-registry';

/**
 * `GET /.well-known/zz-trust-registry`: where everything is, under the public URL, and the
 * SHA-256 of the national root — compare it with the value published out of band before pinning
 * `/root.pem`.
 */
export function registerDiscoveryRoutes(app: FastifyInstance, keys: RegistryKeys, publicUrl: string): void {
  const base = publicUrl.replace(/\/+$/, '');
  const document = {
    trust_list: `${base}/trust-list`,
    trust_list_jwt: `${base}/trust-list.jwt`,
    trust_list_cose: `${base}/trust-list.cose`,
    root_certificate: `${base}/root.pem`,
    root_certificate_sha256: keys.root.sha256,
    catalog: `${base}/catalog`,
    registration_profiles: `${base}/registration-profiles`,
    relying_parties: `${base}/relying-parties/{id}`,
    authorities: `${base}/authorities/{id}`,
  };
  app.get(
    DISCOVERY_PATH,
    {
      schema: {
        summary: 'Where the trust list, the national root and the catalog are',
        tags: ['trust list'],
        response: {
          200: {
            type: 'object',
            properties: Object.fromEntries(Object.keys(document).map((key) => [key, { type: 'string' }])),
            required: Object.keys(document),
          },
        },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return document;
    },
  );
}
