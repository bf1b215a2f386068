import type { HttpApp } from '@zhengzhao/server-kit';
import { encodeCardEvent } from '../encode-card-event.js';
import type { RegistryStore } from '../registry-store.js';
import type { RegistryAuth } from './registry-auth.js';
import { eventsQuery } from './registry-schemas.js';

/**
 * `GET /events?after=<position>&limit=` — the outbox as a pull feed for issuers (issuer token):
 * `{"entries":[{"position":n,"event":<encodeCardEvent JSON>}…],"last_position":m}`, in position
 * order. A consumer stores `last_position` and asks again with `after=last_position`; events are
 * the same JSON the webhook signs, so one decoder (`decodeCardEvent`) serves both paths.
 */
export function registerEventRoutes(app: HttpApp, deps: { store: RegistryStore; auth: RegistryAuth }): void {
  app.get<{ Querystring: { after: number; limit: number } }>(
    '/events',
    {
      onRequest: deps.auth.require('issuer'),
      schema: {
        summary: 'Card events after a position, in order (issuer)',
        tags: ['events'],
        querystring: eventsQuery,
      },
    },
    async (request, reply) => {
      const { after, limit } = request.query;
      const entries = await deps.store.readOutbox(after, limit);
      const last = entries.at(-1)?.position ?? after;
      const items = entries.map((e) => `{"position":${e.position},"event":${encodeCardEvent(e.event)}}`);
      return reply
        .type('application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(`{"entries":[${items.join(',')}],"last_position":${last}}`);
    },
  );
}
