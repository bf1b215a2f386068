import { STATUS_LIST_CWT_MEDIA_TYPE } from '@zhengzhao/core';
import type { HttpApp } from '@zhengzhao/server-kit';
import { problemResponses } from '@zhengzhao/server-kit';
import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import type { StatusListForm, StatusListPublisher } from './status-list-publisher.js';
import type { StatusLists } from './status-lists.js';

/** The form a request asks for: CWT when `Accept` names `application/statuslist+cwt`, else JWT. */
export function statusListFormOf(accept: string | undefined): StatusListForm {
  if (typeof accept !== 'string') return 'jwt';
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  const cwt = types.indexOf(STATUS_LIST_CWT_MEDIA_TYPE);
  const jwt = types.indexOf('application/statuslist+jwt');
  return cwt >= 0 && (jwt < 0 || cwt < jwt) ? 'cwt' : 'jwt';
}

/**
 * `GET /status/:shard` (draft-ietf-oauth-status-list §8.1): the shard's Status List Token,
 * JWT by default or CWT on `Accept: application/statuslist+cwt`, with the same media type back,
 * a strong `ETag` (304 on a matching `If-None-Match`), `Cache-Control: max-age=<ttl>` and
 * `Vary: Accept`. The list is public and fetched whole: the URL carries no credential index.
 */
export function registerStatusRoutes(
  app: HttpApp,
  publisher: StatusListPublisher,
  lists: StatusLists,
  db: Kysely<IssuerDatabase>,
): void {
  app.get(
    '/status/:shard',
    {
      schema: {
        summary: 'Token Status List of one shard (signed JWT or CWT)',
        tags: ['status'],
        params: {
          type: 'object',
          properties: { shard: { type: 'integer', minimum: 1, maximum: 1_000_000 } },
          required: ['shard'],
          additionalProperties: false,
        },
        response: {
          200: {
            description: 'application/statuslist+jwt (compact JWS) or application/statuslist+cwt (COSE_Sign1 bytes)',
          },
          304: { description: 'Not modified (If-None-Match matched the ETag)' },
          ...problemResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const { shard } = request.params as { shard: number };
      const form = statusListFormOf(request.headers.accept);
      // a shard opened by another process since start-up
      if (!lists.has(shard)) await lists.refreshShards(db);
      const token = await publisher.publish(shard, form);
      reply
        .header('etag', token.etag)
        .header('cache-control', `public, max-age=${token.ttlSeconds}`)
        .header('vary', 'Accept');
      const ifNoneMatch = request.headers['if-none-match'];
      if (typeof ifNoneMatch === 'string' && ifNoneMatch.split(',').some((t) => t.trim() === token.etag)) {
        return reply.code(304).send();
      }
      reply.type(token.mediaType);
      return reply.send(typeof token.body === 'string' ? token.body : Buffer.from(token.body));
    },
  );
}
