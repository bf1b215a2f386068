import { ZzError } from '@zhengzhao/core';
import type { NatsConnection } from '@zhengzhao/server-kit';
import type { CardEvent } from '../card-event.js';
import { encodeCardEvent } from '../encode-card-event.js';

/** `registry.<province>.events` — the JetStream subject of one province's card events. */
export function registryEventSubject(province: string): string {
  if (!/^\d{2}$/.test(province)) throw new ZzError('ERR_INPUT_INVALID', 'province must be two digits');
  return `registry.${province}.events`;
}

export interface NatsEventPublisherOptions {
  readonly nc: NatsConnection;
  readonly province: string;
  /** Stream created when no stream captures the subject yet; default `REGISTRY_<province>`. */
  readonly streamName?: string;
  /** Subject override (tests); default {@link registryEventSubject}. */
  readonly subject?: string;
  /** JetStream de-duplication window for the created stream; default 10 minutes. */
  readonly duplicateWindowMs?: number;
}

export interface NatsEventPublisher {
  readonly subject: string;
  /** The stream that captures the subject (found or created). */
  readonly stream: string;
  /** Publishes one event with message id = eventId and waits for the JetStream ack. */
  send(event: CardEvent): Promise<void>;
}

/**
 * Publishes card events to JetStream: body `encodeCardEvent(event)`, header `Nats-Msg-Id` =
 * `eventId`, so a re-delivery after a lost ack is dropped by the stream's de-duplication window.
 * The stream is looked up by subject and created (file storage) if none captures it.
 */
export async function createNatsEventPublisher(options: NatsEventPublisherOptions): Promise<NatsEventPublisher> {
  const { nc } = options;
  const subject = options.subject ?? registryEventSubject(options.province);
  const jsm = await nc.jetstreamManager();
  let stream = await jsm.streams.find(subject).catch(() => undefined);
  if (stream === undefined) {
    const name = options.streamName ?? `REGISTRY_${options.province}`;
    const windowNs = (options.duplicateWindowMs ?? 600_000) * 1_000_000;
    try {
      await jsm.streams.add({ name, subjects: [subject], duplicate_window: windowNs });
      stream = name;
    } catch (error) {
      // created meanwhile by another instance?
      stream = await jsm.streams.find(subject).catch(() => {
        throw new ZzError('ERR_NATS_UNAVAILABLE', 'Cannot create the registry event stream', { cause: error });
      });
    }
  }
  const js = nc.jetstream();
  const streamName = stream;
  return {
    subject,
    stream: streamName,
    async send(event) {
      try {
        await js.publish(subject, new TextEncoder().encode(encodeCardEvent(event)), {
          msgID: event.eventId,
          expect: { streamName },
        });
      } catch (error) {
        throw new ZzError('ERR_REGISTRY_DELIVERY_FAILED', 'JetStream did not acknowledge the event', { cause: error });
      }
    },
  };
}
