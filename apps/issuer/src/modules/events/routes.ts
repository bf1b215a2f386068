import { ZzError } from '@zhengzhao/core';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '@zhengzhao/registry';
import type { HttpApp } from '@zhengzhao/server-kit';
import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { EventIntake } from './event-intake.js';

export interface RegistryEventRoutesOptions {
  readonly intake: EventIntake;
  /** The HMAC secret shared with the registry (≥ 16 bytes). */
  readonly webhookSecret: string;
  readonly toleranceSeconds: number;
  /** Largest accepted body in bytes. */
  readonly bodyLimit: number;
  readonly clock: () => Date;
}

/**
 * `POST /events/registry`: the registry's webhook (at-least-once). The raw body is verified
 * against the `Zz-Signature` HMAC header before anything is parsed (401
 * `ERR_WEBHOOK_SIGNATURE_INVALID` / `ERR_WEBHOOK_TIMESTAMP_STALE`), then parsed (400
 * `ERR_REGISTRY_EVENT_MALFORMED`) and committed to the inbox; 200 once committed, also for a
 * duplicate, so the sender moves on.
 */
export async function registerRegistryEventRoutes(app: HttpApp, options: RegistryEventRoutesOptions): Promise<void> {
  await app.register(async (scope: FastifyInstance) => {
    // keep the exact bytes: the HMAC covers them, not a re-serialisation
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: options.bodyLimit },
      (_r, body, done) => done(null, body),
    );
    scope.post(
      '/events/registry',
      {
        bodyLimit: options.bodyLimit,
        schema: {
          summary: 'Receive a population-registry card event (HMAC-signed webhook)',
          tags: ['events'],
          headers: {
            type: 'object',
            properties: { [WEBHOOK_SIGNATURE_HEADER]: { type: 'string', maxLength: 1024 } },
          },
          body: { type: 'string', description: 'The event as `encodeCardEvent` JSON (version 1)' },
          response: {
            200: {
              type: 'object',
              properties: {
                eventId: { type: 'string' },
                status: { type: 'string', enum: ['accepted', 'duplicate'] },
              },
              required: ['eventId', 'status'],
              additionalProperties: false,
            },
            ...problemResponses(400, 401, 413, 415),
          },
        },
      },
      async (request) => {
        const body = request.body;
        if (typeof body !== 'string') throw new ZzError('ERR_REGISTRY_EVENT_MALFORMED', 'Event body must be JSON text');
        const header = request.headers[WEBHOOK_SIGNATURE_HEADER];
        verifyWebhookSignature(
          options.webhookSecret,
          typeof header === 'string' ? header : undefined,
          body,
          options.clock(),
          options.toleranceSeconds,
        );
        const received = await options.intake.receive(body);
        return { eventId: received.eventId, status: received.duplicate ? 'duplicate' : 'accepted' };
      },
    );
  });
}
