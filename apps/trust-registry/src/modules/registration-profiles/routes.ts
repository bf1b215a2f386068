import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from '../../context.js';
import { adminOf } from '../admin/admin-scope.js';
import { ID_PARAMS_SCHEMA } from '../admin/schema.js';
import type { TrustListPublisher } from '../trust-list/trust-list-publisher.js';
import {
  listRegistrationProfiles,
  type PutRegistrationProfileRequest,
  putRegistrationProfile,
} from './registration-profiles.js';
import {
  PUT_REGISTRATION_PROFILE_BODY_SCHEMA,
  REGISTRATION_PROFILE_RESULT_SCHEMA,
  REGISTRATION_PROFILES_SCHEMA,
} from './schema.js';

/** `GET /registration-profiles`: what relying parties may be registered for (public). */
export function registerRegistrationProfileRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.get(
    '/registration-profiles',
    {
      schema: {
        summary: 'Registration profiles: why relying parties ask, and the elements they may ask for',
        tags: ['relying parties'],
        response: { 200: REGISTRATION_PROFILES_SCHEMA },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { registration_profiles: await listRegistrationProfiles(context.db) };
    },
  );
}

/**
 * `PUT /admin/registration-profiles/:id` `{name, purpose, elements}` (admin scope): creates (201)
 * or replaces (200) a profile, its elements checked against the catalog, and publishes the list.
 */
export function registerRegistrationProfileAdminRoutes(scope: FastifyInstance, publisher: TrustListPublisher): void {
  scope.put(
    '/admin/registration-profiles/:id',
    {
      bodyLimit: 64 * 1024,
      config: { trustRegistryAudit: { action: 'registration_profile.put', targetType: 'registration_profile' } },
      schema: {
        summary: 'Create or replace a registration profile',
        tags: ['admin', 'relying parties'],
        params: ID_PARAMS_SCHEMA,
        body: PUT_REGISTRATION_PROFILE_BODY_SCHEMA,
        response: {
          200: REGISTRATION_PROFILE_RESULT_SCHEMA,
          201: REGISTRATION_PROFILE_RESULT_SCHEMA,
          ...problemResponses(400, 401, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { result, sequence } = await publisher.change({
        action: 'registration_profile.put',
        targetType: 'registration_profile',
        targetId: id,
        actor: adminOf(request).actor,
        apply: (tx, now) => putRegistrationProfile(tx, id, request.body as PutRegistrationProfileRequest, now),
      });
      return reply.code(result.created ? 201 : 200).send({ registration_profile: result.profile, sequence });
    },
  );
}
