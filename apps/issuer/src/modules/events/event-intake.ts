import { isZzError, RESIDENT_ID_TYPE_ID, validateClaims, ZzError } from '@zhengzhao/core';
import { type CardEvent, carriesCard, decodeCardEvent, residentIdClaimsOf } from '@zhengzhao/registry';
import type { IssuerContext } from '../../context.js';
import type { EventProcessor } from './event-processor.js';
import { insertInboxEvent } from './inbox-repository.js';

/** The outcome of receiving one event. */
export interface ReceivedEvent {
  readonly eventId: string;
  /** True when the event id was already in the inbox (a redelivery): nothing was written. */
  readonly duplicate: boolean;
}

export interface EventIntakeOptions {
  readonly context: IssuerContext;
  readonly processor: EventProcessor;
  /** The issuer's province (two digits): events of other provinces are refused. */
  readonly provinceCode: string;
}

/** Receives registry events from any transport (webhook, NATS) into the persisted inbox. */
export interface EventIntake {
  /**
   * Parses the event strictly, refuses another province's, stores it in the inbox (a known
   * event id is a duplicate: ignored) and then lets the processor apply what is ready. Resolves
   * once the inbox row is committed — the point at which a transport may acknowledge. A
   * processing failure does not fail the intake: the event waits in the inbox for the sweep.
   */
  receive(body: string): Promise<ReceivedEvent>;
}

/**
 * Decodes and checks a registry event: `ERR_REGISTRY_EVENT_MALFORMED` for anything that is not a
 * well-formed version-1 event with catalog-valid claims (`ERR_INPUT_TOO_LARGE` if oversized).
 */
export function parseRegistryEvent(body: string): CardEvent {
  try {
    const event = decodeCardEvent(body);
    if (carriesCard(event)) validateClaims(RESIDENT_ID_TYPE_ID, residentIdClaimsOf(event));
    return event;
  } catch (error) {
    if (isZzError(error, 'ERR_INPUT_TOO_LARGE') || isZzError(error, 'ERR_REGISTRY_EVENT_MALFORMED')) throw error;
    throw new ZzError('ERR_REGISTRY_EVENT_MALFORMED', 'Registry event is malformed', { cause: error });
  }
}

export function createEventIntake(options: EventIntakeOptions): EventIntake {
  const { context, processor, provinceCode } = options;
  return {
    async receive(body) {
      if (typeof body !== 'string') throw new ZzError('ERR_REGISTRY_EVENT_MALFORMED', 'Event body must be text');
      const event = parseRegistryEvent(body);
      if (event.provinceCode !== provinceCode) {
        throw new ZzError('ERR_ISSUER_EVENT_PROVINCE', 'Registry event is for another province');
      }
      const inserted = await insertInboxEvent(context.db, {
        eventId: event.eventId,
        personId: event.personId,
        sequence: event.sequence,
        type: event.type,
        body,
        receivedAt: context.clock(),
      });
      try {
        await processor.processPerson(event.personId);
      } catch {
        // logged by the processor; the event stays pending in the inbox
      }
      return { eventId: event.eventId, duplicate: !inserted };
    },
  };
}
