import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import { parseInstant } from '../../http/parse-instant.js';
import { adminOf } from '../admin/admin-scope.js';
import { EFFECTIVE_AT_BODY_SCHEMA, ID_PARAMS_SCHEMA } from '../admin/schema.js';
import type { RegisterRelyingPartyRequest, RelyingPartyService } from './relying-party-service.js';
import {
  ISSUE_CERTIFICATE_BODY_SCHEMA,
  ISSUED_CERTIFICATE_SCHEMA,
  REGISTER_RELYING_PARTY_BODY_SCHEMA,
  RELYING_PARTY_ENTRY_SCHEMA,
  RELYING_PARTY_RESULT_SCHEMA,
} from './schema.js';

const BODY_LIMIT = 64 * 1024;
const CHANGE_ERRORS = problemResponses(400, 401, 404, 409, 413, 415);

/** `GET /relying-parties/:id`: a registered relying party, its registration and certificates (public). */
export function registerRelyingPartyRoutes(app: FastifyInstance, parties: RelyingPartyService): void {
  app.get(
    '/relying-parties/:id',
    {
      schema: {
        summary: 'A registered relying party: who, why, which elements, its certificates',
        tags: ['relying parties'],
        params: ID_PARAMS_SCHEMA,
        response: { 200: RELYING_PARTY_ENTRY_SCHEMA, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return parties.entry((request.params as { id: string }).id);
    },
  );
}

/**
 * Relying-party registration, inside the admin scope:
 * - `POST /admin/relying-parties`: register and issue the first reader / access certificate (201);
 * - `POST /admin/relying-parties/:id/certificates` `{public_key_jwk}`: another certificate (201);
 * - `POST /admin/relying-parties/:id/deregister` `{at?}` (200).
 */
export function registerRelyingPartyAdminRoutes(scope: FastifyInstance, parties: RelyingPartyService): void {
  scope.post(
    '/admin/relying-parties',
    {
      bodyLimit: BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'relying_party.register', targetType: 'relying_party' } },
      schema: {
        summary: 'Register a relying party and issue its reader / access certificate',
        tags: ['admin', 'relying parties'],
        body: REGISTER_RELYING_PARTY_BODY_SCHEMA,
        response: { 201: ISSUED_CERTIFICATE_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { result, sequence } = await parties.register(
        request.body as RegisterRelyingPartyRequest,
        adminOf(request),
      );
      return reply.code(201).send({ ...result, sequence });
    },
  );

  scope.post(
    '/admin/relying-parties/:id/certificates',
    {
      bodyLimit: BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'relying_party.issue_certificate', targetType: 'relying_party' } },
      schema: {
        summary: 'Issue another reader / access certificate for a new or renewed key',
        tags: ['admin', 'relying parties'],
        params: ID_PARAMS_SCHEMA,
        body: ISSUE_CERTIFICATE_BODY_SCHEMA,
        response: { 201: ISSUED_CERTIFICATE_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { public_key_jwk } = request.body as { public_key_jwk: unknown };
      const { result, sequence } = await parties.issueCertificate(id, public_key_jwk, adminOf(request));
      return reply.code(201).send({ ...result, sequence });
    },
  );

  scope.post(
    '/admin/relying-parties/:id/deregister',
    {
      bodyLimit: BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'relying_party.deregister', targetType: 'relying_party' } },
      schema: {
        summary: 'De-register a relying party: wallets refuse its requests from `at` (default now) on',
        tags: ['admin', 'relying parties'],
        params: ID_PARAMS_SCHEMA,
        body: EFFECTIVE_AT_BODY_SCHEMA,
        response: { 200: RELYING_PARTY_RESULT_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { at } = request.body as { at?: string };
      const { result, sequence } = await parties.deregister(
        id,
        at === undefined ? undefined : parseInstant(at, 'at'),
        adminOf(request),
      );
      return { relying_party: result, sequence };
    },
  );
}
