import {
  isZzError,
  MAX_OID4VP_RESPONSE_LENGTH,
  OID4VP_REQUEST_OBJECT_TYP,
  type Oid4vpResponseMode,
} from '@zhengzhao/core';
import { problemResponses, type RateLimitSettings, rateLimitConfig } from '@zhengzhao/server-kit';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  CREATE_SESSION_SCHEMA,
  CREATED_SESSION_SCHEMA,
  ID_PARAMS_SCHEMA,
  renderCreatedSession,
  renderSessionView,
  SESSION_QUERY_SCHEMA,
  SESSION_VIEW_SCHEMA,
} from './schema.js';
import type { PresentationService } from './service.js';
import type { PresentationFlow } from './session-store.js';

export interface Oid4vpRoutesOptions {
  readonly service: PresentationService;
  readonly clock: () => Date;
  /** Budget per client address for creating sessions. */
  readonly sessionRateLimit: RateLimitSettings;
  /** Budget per client address for polling and for wallet responses. */
  readonly pollRateLimit: RateLimitSettings;
}

const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
const json = (reply: FastifyReply, status: number, body: unknown) =>
  noStore(reply).code(status).type('application/json; charset=utf-8').send(JSON.stringify(body));

/**
 * The OpenID4VP 1.0 verifier endpoints:
 * - `POST /oid4vp/sessions` — the page starts a presentation (purpose preset, flow, response mode);
 * - `GET /oid4vp/requests/:requestId` — the signed Request Object (`application/oauth-authz-req+jwt`);
 * - `POST /oid4vp/responses/:requestId` — the wallet's `direct_post` / `direct_post.jwt` form;
 * - `GET /oid4vp/sessions/:sessionId` — the page polls (`?response_code=` after a same-device redirect).
 * Errors are RFC 9457 problems; nothing of a request or response body is logged.
 */
export async function registerOid4vpRoutes(app: FastifyInstance, options: Oid4vpRoutesOptions): Promise<void> {
  const { service, clock } = options;
  const byAddress = (request: { ip: string }) => `ip:${request.ip}`;

  app.post<{ Body: { purpose: string; flow: PresentationFlow; response_mode: Oid4vpResponseMode } }>(
    '/oid4vp/sessions',
    {
      bodyLimit: 1024,
      config: { rateLimit: rateLimitConfig(options.sessionRateLimit, byAddress) },
      schema: {
        summary: 'Start an OpenID4VP presentation session (the QR code and the same-device link)',
        tags: ['oid4vp'],
        body: CREATE_SESSION_SCHEMA,
        response: { 201: CREATED_SESSION_SCHEMA, ...problemResponses(400, 415, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body ?? {};
      const created = await service.createSession({
        purpose: body.purpose ?? 'login',
        flow: body.flow ?? 'cross_device',
        responseMode: body.response_mode ?? 'direct_post.jwt',
      });
      return json(reply, 201, renderCreatedSession(created, clock()));
    },
  );

  app.get<{ Params: { requestId: string } }>(
    '/oid4vp/requests/:requestId',
    {
      config: { rateLimit: rateLimitConfig(options.pollRateLimit, byAddress) },
      schema: {
        summary: 'The signed Request Object (OpenID4VP 1.0 §5, RFC 9101) for request_uri',
        tags: ['oid4vp'],
        params: ID_PARAMS_SCHEMA('requestId'),
        response: problemResponses(400, 404, 429),
      },
    },
    async (request, reply) =>
      noStore(reply)
        .type(`application/${OID4VP_REQUEST_OBJECT_TYP}`)
        .send(service.requestObject(request.params.requestId)),
  );

  app.get<{ Params: { sessionId: string }; Querystring: { response_code?: string } }>(
    '/oid4vp/sessions/:sessionId',
    {
      config: { rateLimit: rateLimitConfig(options.pollRateLimit, byAddress) },
      schema: {
        summary: 'Poll a presentation session; a verified result (purpose elements only) is handed out once',
        tags: ['oid4vp'],
        params: ID_PARAMS_SCHEMA('sessionId'),
        querystring: SESSION_QUERY_SCHEMA,
        response: { 200: SESSION_VIEW_SCHEMA, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request, reply) =>
      json(reply, 200, renderSessionView(service.readSession(request.params.sessionId, request.query.response_code))),
  );

  // The wallet posts a form: only this route accepts application/x-www-form-urlencoded.
  await app.register(async (wallet) => {
    wallet.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: MAX_OID4VP_RESPONSE_LENGTH },
      (_request, body, done) => done(null, body),
    );
    wallet.removeContentTypeParser('application/json');
    wallet.post<{ Params: { requestId: string }; Body: string }>(
      '/oid4vp/responses/:requestId',
      {
        bodyLimit: MAX_OID4VP_RESPONSE_LENGTH,
        config: { rateLimit: rateLimitConfig(options.pollRateLimit, byAddress) },
        schema: {
          summary: 'Response endpoint (OpenID4VP 1.0 §8.2 direct_post, §8.3 direct_post.jwt)',
          tags: ['oid4vp'],
          consumes: ['application/x-www-form-urlencoded'],
          params: ID_PARAMS_SCHEMA('requestId'),
          response: {
            200: { type: 'object', properties: { redirect_uri: { type: 'string' } } },
            ...problemResponses(400, 413, 415, 429),
          },
        },
      },
      async (request, reply) => {
        let redirectUri: string | undefined;
        try {
          ({ redirectUri } = await service.acceptResponse(request.params.requestId, request.body));
        } catch (error) {
          request.log.info({ code: isZzError(error) ? error.code : 'internal' }, 'presentation response refused');
          throw error;
        }
        request.log.info({ sameDevice: redirectUri !== undefined }, 'presentation verified');
        return json(reply, 200, redirectUri === undefined ? {} : { redirect_uri: redirectUri });
      },
    );
  });
}
