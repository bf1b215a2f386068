import { problemResponses, type RateLimitSettings, rateLimitConfig } from '@zhengzhao/server-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ShareContext } from '../../context.js';
import { authenticateHolder } from '../holders/holder-service.js';
import type { ApproveBody, ShareService } from './share-service.js';

const SIGNED_BODY_SCHEMA = {
  type: 'object',
  properties: {
    request: {
      type: 'string',
      minLength: 1,
      maxLength: 96 * 1024,
      description: 'Compact JWS, typ zz-share-request+jwt, x5c = the agency access certificate chain',
    },
  },
  required: ['request'],
  additionalProperties: false,
} as const;

const APPROVE_BODY_SCHEMA = {
  type: 'object',
  properties: {
    consent: {
      type: 'string',
      minLength: 1,
      maxLength: 16 * 1024,
      description: 'Compact JWS, typ zz-share-consent+jwt, signed with the holder key',
    },
    credential: {
      type: 'string',
      minLength: 1,
      maxLength: 64 * 1024,
      description: 'SD-JWT VC with only the consented disclosures',
    },
    layout_document: {
      type: 'string',
      maxLength: 6 * 1024 * 1024,
      description: 'base64 of the signed layout document (PDF)',
    },
  },
  required: ['consent', 'credential'],
  additionalProperties: false,
} as const;

const ID_PARAMS = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
  required: ['id'],
} as const;

/** The holder making this call (`Authorization: ZZ-Holder <jws>` over its method and path). */
export function holderOf(context: ShareContext, request: FastifyRequest) {
  return authenticateHolder(context, request.headers.authorization, {
    method: request.method,
    path: request.url,
  });
}

/**
 * - `POST /agency/requests` `{request: jws}`: an agency asks for a holder's licence (201);
 * - `POST /agency/retrievals` `{request: jws}`: it retrieves what the holder released (200);
 * - `GET /holder/requests`, `POST /holder/requests/:id/approve|refuse`, `GET /holder/consents`,
 *   `POST /holder/consents/:id/revoke`: the holder's side, each call signed by the holder key.
 */
export function registerShareRoutes(
  app: FastifyInstance,
  context: ShareContext,
  service: ShareService,
  agencyRateLimit: RateLimitSettings,
): void {
  // every refused agency call is logged: bounded per client address, so the log cannot be flooded
  const agencyLimit = rateLimitConfig(agencyRateLimit, (request) => request.ip);
  app.post(
    '/agency/requests',
    {
      bodyLimit: 128 * 1024,
      config: { rateLimit: agencyLimit },
      schema: {
        summary: 'Ask for a holder’s licence for the registered purpose',
        tags: ['agency'],
        body: SIGNED_BODY_SCHEMA,
        ...{ response: problemResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => {
      const result = await service.request((request.body as { request: string }).request);
      return reply.code(201).send(result);
    },
  );
  app.post(
    '/agency/retrievals',
    {
      bodyLimit: 128 * 1024,
      config: { rateLimit: agencyLimit },
      schema: {
        summary: 'Retrieve what the holder released for a request',
        tags: ['agency'],
        body: SIGNED_BODY_SCHEMA,
      },
    },
    async (request) => service.retrieve((request.body as { request: string }).request),
  );

  app.get(
    '/holder/requests',
    { schema: { summary: 'Requests waiting for the holder', tags: ['holder'] } },
    async (request) => ({ requests: await service.pending(await holderOf(context, request)) }),
  );
  app.post(
    '/holder/requests/:id/approve',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        summary: 'Approve with a signed consent and the release',
        tags: ['holder'],
        params: ID_PARAMS,
        body: APPROVE_BODY_SCHEMA,
      },
    },
    async (request) =>
      service.approve(
        await holderOf(context, request),
        (request.params as { id: string }).id,
        request.body as ApproveBody,
      ),
  );
  app.post(
    '/holder/requests/:id/refuse',
    { schema: { summary: 'Refuse: nothing is released', tags: ['holder'], params: ID_PARAMS } },
    async (request) => {
      await service.refuse(await holderOf(context, request), (request.params as { id: string }).id);
      return { request_id: (request.params as { id: string }).id, state: 'refused' };
    },
  );
  app.get('/holder/consents', { schema: { summary: 'The holder’s consents', tags: ['holder'] } }, async (request) => ({
    consents: await service.consents(await holderOf(context, request)),
  }));
  app.post(
    '/holder/consents/:id/revoke',
    { schema: { summary: 'Revoke a consent now', tags: ['holder'], params: ID_PARAMS } },
    async (request) => service.revoke(await holderOf(context, request), (request.params as { id: string }).id),
  );
}
