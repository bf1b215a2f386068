import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../../context.js';
import { adminOf } from '../admin/admin-scope.js';
import type { TrustListPublisher } from '../trust-list/trust-list-publisher.js';
import { listCatalog, setAuthorityKinds } from './catalog.js';
import { AUTHORITY_KINDS_BODY_SCHEMA, CATALOG_RESULT_SCHEMA, CATALOG_SCHEMA, TYPE_PARAMS_SCHEMA } from './schema.js';

/** `GET /catalog`: every credential type with its namespace, elements and authority kinds (public). */
export function registerCatalogRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.get(
    '/catalog',
    {
      schema: {
        summary: 'The credential catalog: types, their elements and the kinds of authority that may issue them',
        tags: ['catalog'],
        response: { 200: CATALOG_SCHEMA },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { credential_types: await listCatalog(context.db) };
    },
  );
}

/** `PUT /admin/catalog/:typeId` `{authority_kinds}`: which kinds of authority may issue a type (admin scope). */
export function registerCatalogAdminRoutes(scope: FastifyInstance, publisher: TrustListPublisher): void {
  scope.put(
    '/admin/catalog/:typeId',
    {
      bodyLimit: 16 * 1024,
      config: { trustRegistryAudit: { action: 'catalog.set_authority_kinds', targetType: 'credential_type' } },
      schema: {
        summary: 'Set the kinds of authority that may issue a credential type',
        tags: ['admin', 'catalog'],
        params: TYPE_PARAMS_SCHEMA,
        body: AUTHORITY_KINDS_BODY_SCHEMA,
        response: { 200: CATALOG_RESULT_SCHEMA, ...problemResponses(400, 401, 404, 413, 415) },
      },
    },
    async (request) => {
      const { typeId } = request.params as { typeId: string };
      const { authority_kinds } = request.body as { authority_kinds: string[] };
      const { result, sequence } = await publisher.change({
        action: 'catalog.set_authority_kinds',
        targetType: 'credential_type',
        targetId: typeId,
        actor: adminOf(request).actor,
        apply: (tx, now) => setAuthorityKinds(tx, typeId, authority_kinds, now),
      });
      return { credential_type: result, sequence };
    },
  );
}
