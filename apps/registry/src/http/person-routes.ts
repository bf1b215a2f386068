import type { HttpApp } from '@zhengzhao/server-kit';
import type { FastifyRequest } from 'fastify';
import type { CancellationReason, CardEvent, LostReason } from '../card-event.js';
import { CARD_NUMBER_PATTERN } from '../card-number.js';
import type { Registry } from '../create-registry.js';
import { generatePortrait } from '../generate-portrait.js';
import type { PersonRecord, RegistryStore } from '../registry-store.js';
import type { RegistryDirectory } from '../service/registry-directory.js';
import { eventReceiptOf, personDetailOf, personSummaryOf } from './person-view.js';
import type { RegistryAuth } from './registry-auth.js';
import {
  addressBody,
  cancelBody,
  emptyBody,
  eventReceiptSchema,
  lostBody,
  nameBody,
  personDetailSchema,
  personIdParams,
  personListSchema,
  searchQuery,
} from './registry-schemas.js';

export interface PersonRoutesDeps {
  readonly registry: Registry;
  readonly store: RegistryStore & RegistryDirectory;
  readonly auth: RegistryAuth;
  /** Called after every committed event (wakes the delivery loop). */
  readonly onEvent: (event: CardEvent) => void;
}

const UUID_LIKE = /^[A-Za-z0-9-]{1,64}$/;
const TAGS = ['persons'];

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/**
 * The clerk's API (every route needs a clerk bearer token):
 * - `GET /persons?q=` — find by internal person id or current card number (0 or 1 result);
 *   without `q`, a page of persons in id order (`after`, `limit`) for the demo;
 * - `GET /persons/:id`, `GET /persons/:id/portrait` (image/jpeg);
 * - `POST /persons/:id/{card,address,name,renew,lost,cancel}` — one card operation each,
 *   answering with the emitted event's id and sequence.
 */
export function registerPersonRoutes(app: HttpApp, deps: PersonRoutesDeps): void {
  const { registry, store, auth, onEvent } = deps;
  const clerk = auth.require('clerk');

  app.get<{ Querystring: { q?: string; after?: string; limit: number } }>(
    '/persons',
    {
      onRequest: clerk,
      schema: {
        summary: 'Find a person by person id or card number (clerk)',
        tags: TAGS,
        querystring: searchQuery,
        response: { 200: personListSchema },
      },
    },
    async (request) => {
      const { q, after, limit } = request.query;
      let persons: readonly PersonRecord[];
      if (q === undefined) {
        persons = await store.listPersons({ limit, ...(after !== undefined ? { afterPersonId: after } : {}) });
      } else {
        const term = q.trim();
        const found = CARD_NUMBER_PATTERN.test(term.toUpperCase())
          ? await store.findPersonByCardNumber(term.toUpperCase())
          : UUID_LIKE.test(term)
            ? await store.getPerson(term)
            : undefined;
        persons = found ? [found] : [];
      }
      return { persons: persons.map(personSummaryOf) };
    },
  );

  app.get<{ Params: { id: string } }>(
    '/persons/:id',
    {
      onRequest: clerk,
      schema: {
        summary: 'A person record with the card state (clerk)',
        tags: TAGS,
        params: personIdParams,
        response: { 200: personDetailSchema },
      },
    },
    async (request) => personDetailOf(await registry.getPerson(request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    '/persons/:id/portrait',
    {
      onRequest: clerk,
      schema: { summary: 'The person’s portrait, image/jpeg (clerk)', tags: TAGS, params: personIdParams },
    },
    async (request, reply) => {
      const person = await registry.getPerson(request.params.id);
      return reply
        .type('image/jpeg')
        .header('cache-control', 'no-store')
        .send(Buffer.from(generatePortrait(person)));
    },
  );

  const operation = <B>(
    path: string,
    summary: string,
    body: { readonly type: 'object' },
    run: (id: string, body: B) => Promise<CardEvent>,
  ) => {
    app.post<{ Params: { id: string }; Body: B }>(
      `/persons/:id/${path}`,
      {
        onRequest: clerk,
        // operations without fields (issue, renew) may be posted without a body
        preValidation: async (request) => {
          if (request.body === undefined || request.body === null) request.body = {} as B;
        },
        schema: {
          summary: `${summary} (clerk)`,
          tags: TAGS,
          params: personIdParams,
          body,
          response: { 200: eventReceiptSchema },
        },
      },
      async (request) => {
        const event = await run(request.params.id, request.body as B);
        onEvent(event);
        const caller = auth.callerOf(request as IdRequest);
        request.log.info(
          { personId: event.personId, eventType: event.type, sequence: event.sequence, clerk: caller?.fingerprint },
          'card event committed',
        );
        return eventReceiptOf(event);
      },
    );
  };

  operation('card', 'Issue a card: first issue, or the replacement of a lost one', emptyBody, (id) =>
    registry.issueCard(id),
  );
  operation<{ address: { region_code: string; city: string; district: string; street: string } }>(
    'address',
    'Change the resident address (a new card)',
    addressBody,
    (id, body) =>
      registry.changeAddress(id, {
        regionCode: body.address.region_code,
        city: body.address.city,
        district: body.address.district,
        street: body.address.street,
      }),
  );
  operation<{ family_name: string; given_name: string }>('name', 'Change the name (a new card)', nameBody, (id, body) =>
    registry.changeName(id, { familyName: body.family_name, givenName: body.given_name }),
  );
  operation('renew', 'Renew or exchange the card', emptyBody, (id) => registry.renewCard(id));
  operation<{ reason?: LostReason }>('lost', 'Report the card lost or stolen', lostBody, (id, body) =>
    registry.reportLost(id, body.reason ?? 'lost'),
  );
  operation<{ reason: CancellationReason }>(
    'cancel',
    'Cancel the record (death, emigration…)',
    cancelBody,
    (id, body) => registry.cancelCard(id, body.reason),
  );
}
