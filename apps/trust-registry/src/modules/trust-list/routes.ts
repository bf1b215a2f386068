import { TRUST_LIST_COSE_MEDIA_TYPE, TRUST_LIST_JWS_MEDIA_TYPE } from '@zhengzhao/core';
import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptPrefers, ifNoneMatchHits } from '../../http/conditional.js';
import type { TrustListPublisher } from './trust-list-publisher.js';

/** `Cache-Control` of the trust list: verifiers re-check within five minutes, caches may share it. */
export const TRUST_LIST_CACHE_CONTROL = 'public, max-age=300';

type Form = 'jws' | 'cose';

/**
 * The signed trust list, newest version:
 * - `GET /trust-list`: the JWS (`application/zz-trust-list+jwt`), or the COSE_Sign1 bytes when
 *   `Accept` prefers `application/zz-trust-list+cose` (`Vary: Accept`);
 * - `GET /trust-list.jwt`, `GET /trust-list.cose`: one form each.
 * Each answer has a strong ETag naming the version and form (304 on a matching
 * `If-None-Match`) and `Cache-Control: public, max-age=300`; the `Zz-Trust-List-Sequence`
 * header tells the sequence without parsing. Verify with core `verifyTrustList` against
 * `/root.pem`.
 */
export function registerTrustListRoutes(app: FastifyInstance, publisher: TrustListPublisher): void {
  const send = async (request: FastifyRequest, reply: FastifyReply, form: Form) => {
    const list = await publisher.latest();
    const etag = form === 'jws' ? list.jwsEtag : list.coseEtag;
    reply
      .header('etag', etag)
      .header('cache-control', TRUST_LIST_CACHE_CONTROL)
      .header('zz-trust-list-sequence', String(list.sequence));
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) return reply.code(304).send();
    if (form === 'jws') return reply.type(TRUST_LIST_JWS_MEDIA_TYPE).send(list.jws);
    return reply.type(TRUST_LIST_COSE_MEDIA_TYPE).send(Buffer.from(list.cose));
  };
  const response = (description: string) => ({
    200: { description },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    ...problemResponses(503),
  });

  app.get(
    '/trust-list',
    {
      schema: {
        summary: 'The signed national trust list (JWS, or COSE on Accept: application/zz-trust-list+cose)',
        tags: ['trust list'],
        response: response(`${TRUST_LIST_JWS_MEDIA_TYPE} (compact JWS) or ${TRUST_LIST_COSE_MEDIA_TYPE} (COSE_Sign1)`),
      },
    },
    async (request, reply) => {
      reply.header('vary', 'Accept');
      const cose = acceptPrefers(request.headers.accept, TRUST_LIST_COSE_MEDIA_TYPE, TRUST_LIST_JWS_MEDIA_TYPE);
      return send(request, reply, cose ? 'cose' : 'jws');
    },
  );
  app.get(
    '/trust-list.jwt',
    {
      schema: {
        summary: 'The signed national trust list as a compact JWS',
        tags: ['trust list'],
        response: response(TRUST_LIST_JWS_MEDIA_TYPE),
      },
    },
    (request, reply) => send(request, reply, 'jws'),
  );
  app.get(
    '/trust-list.cose',
    {
      schema: {
        summary: 'The signed national trust list as a COSE_Sign1',
        tags: ['trust list'],
        response: response(TRUST_LIST_COSE_MEDIA_TYPE),
      },
    },
    (request, reply) => send(request, reply, 'cose'),
  );
}
