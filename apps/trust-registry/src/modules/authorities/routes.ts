import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import { parseInstant } from '../../http/parse-instant.js';
import { adminOf } from '../admin/admin-scope.js';
import { EFFECTIVE_AT_BODY_SCHEMA, ID_PARAMS_SCHEMA } from '../admin/schema.js';
import type { AuthorityService, EnrolAuthorityRequest } from './authority-service.js';
import {
  AUTHORITY_ENTRY_SCHEMA,
  AUTHORITY_RESULT_SCHEMA,
  COMPROMISED_KEY_BODY_SCHEMA,
  DOCUMENT_SIGNER_BODY_SCHEMA,
  ENROL_AUTHORITY_BODY_SCHEMA,
} from './schema.js';

/** Largest enrolment body: 8 IACA and 64 document-signer PEMs fit. */
const ENROL_BODY_LIMIT = 1024 * 1024;
const SMALL_BODY_LIMIT = 32 * 1024;
const CHANGE_ERRORS = problemResponses(400, 401, 404, 409, 413, 415);

/** `GET /authorities/:id`: an authority's current trust-list entry (public). */
export function registerAuthorityRoutes(app: FastifyInstance, authorities: AuthorityService): void {
  app.get(
    '/authorities/:id',
    {
      schema: {
        summary: 'An issuing authority’s entry as the next trust list carries it',
        tags: ['authorities'],
        params: ID_PARAMS_SCHEMA,
        response: { 200: AUTHORITY_ENTRY_SCHEMA, ...problemResponses(400, 404) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      return authorities.entry((request.params as { id: string }).id);
    },
  );
}

/**
 * Enrolment of issuing authorities (Zhengzhao issue 6 §1), inside the admin scope:
 * - `POST /admin/authorities`: enrol (201);
 * - `POST /admin/authorities/:id/document-signers` `{pem}`: add a document signer (201);
 * - `POST /admin/authorities/:id/compromised-keys` `{certificate_pem, since}` (201);
 * - `POST /admin/authorities/:id/withdraw` `{at?}` (200).
 * Each answers with the authority's entry and the sequence of the trust list that publishes it.
 */
export function registerAuthorityAdminRoutes(scope: FastifyInstance, authorities: AuthorityService): void {
  scope.post(
    '/admin/authorities',
    {
      bodyLimit: ENROL_BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'authority.enrol', targetType: 'authority' } },
      schema: {
        summary: 'Enrol an issuing authority: IACA roots, document signers, credential types, status lists',
        tags: ['admin', 'authorities'],
        body: ENROL_AUTHORITY_BODY_SCHEMA,
        response: { 201: AUTHORITY_RESULT_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { result, sequence } = await authorities.enrol(request.body as EnrolAuthorityRequest, adminOf(request));
      return reply.code(201).send({ authority: result, sequence });
    },
  );

  scope.post(
    '/admin/authorities/:id/document-signers',
    {
      bodyLimit: SMALL_BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'authority.add_document_signer', targetType: 'authority' } },
      schema: {
        summary: 'Add a document signer (key rotation); the previous ones stay listed',
        tags: ['admin', 'authorities'],
        params: ID_PARAMS_SCHEMA,
        body: DOCUMENT_SIGNER_BODY_SCHEMA,
        response: { 201: AUTHORITY_RESULT_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { pem } = request.body as { pem: string };
      const { result, sequence } = await authorities.addDocumentSigner(id, pem, adminOf(request));
      return reply.code(201).send({ authority: result, sequence });
    },
  );

  scope.post(
    '/admin/authorities/:id/compromised-keys',
    {
      bodyLimit: SMALL_BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'authority.declare_compromised_key', targetType: 'authority' } },
      schema: {
        summary: 'Declare a key compromised: what it signed from `since` on is refused',
        tags: ['admin', 'authorities'],
        params: ID_PARAMS_SCHEMA,
        body: COMPROMISED_KEY_BODY_SCHEMA,
        response: { 201: AUTHORITY_RESULT_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as { certificate_pem: string; since: string };
      const since = parseInstant(body.since, 'since');
      const { result, sequence } = await authorities.declareCompromisedKey(
        id,
        { certificatePem: body.certificate_pem, since },
        adminOf(request),
      );
      return reply.code(201).send({ authority: result, sequence });
    },
  );

  scope.post(
    '/admin/authorities/:id/withdraw',
    {
      bodyLimit: SMALL_BODY_LIMIT,
      config: { trustRegistryAudit: { action: 'authority.withdraw', targetType: 'authority' } },
      schema: {
        summary: 'Withdraw an authority: credentials it signed from `at` (default now) on are refused',
        tags: ['admin', 'authorities'],
        params: ID_PARAMS_SCHEMA,
        body: EFFECTIVE_AT_BODY_SCHEMA,
        response: { 200: AUTHORITY_RESULT_SCHEMA, ...CHANGE_ERRORS },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      const { at } = request.body as { at?: string };
      const { result, sequence } = await authorities.withdraw(
        id,
        at === undefined ? undefined : parseInstant(at, 'at'),
        adminOf(request),
      );
      return { authority: result, sequence };
    },
  );
}
