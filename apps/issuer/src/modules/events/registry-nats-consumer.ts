import { isZzError, utf8Decode } from '@zhengzhao/core';
import { describeErrorForLog, type Logger, type NatsConnection } from '@zhengzhao/server-kit';
import type { EventIntake } from './event-intake.js';

type JetStreamManager = Awaited<ReturnType<NatsConnection['jetstreamManager']>>;
type ConsumerConfig = Parameters<JetStreamManager['consumers']['add']>[1];
type StreamConfig = Parameters<JetStreamManager['streams']['add']>[0];

/** Default stream of registry events. */
export const DEFAULT_REGISTRY_STREAM = 'ZZ_REGISTRY';

/** The subject a province's events are published on: `registry.<province>.events`. */
export function registryEventSubject(provinceCode: string): string {
  return `registry.${provinceCode}.events`;
}

export interface RegistryNatsConsumerOptions {
  readonly nc: NatsConnection;
  readonly intake: EventIntake;
  /** JetStream stream name; default {@link DEFAULT_REGISTRY_STREAM}. */
  readonly stream?: string;
  /** Subject of this province's events, e.g. `registry.44.events`. */
  readonly subject: string;
  /** Durable consumer name, e.g. `issuer-44`: it survives restarts and keeps the position. */
  readonly durable: string;
  /** Create the stream (file storage, this subject) when it does not exist. Default true. */
  readonly ensureStream?: boolean;
  /** Redelivery delay after a failed intake (database down), ms. Default 1000. */
  readonly retryDelayMs?: number;
  readonly logger?: Logger;
}

/** A running consumer. */
export interface RegistryNatsConsumer {
  /** How many messages were acknowledged so far. */
  readonly acknowledged: () => number;
  /** Stops pulling; waits for the message in hand to be finished. */
  stop(): Promise<void>;
}

const NANOS_PER_MS = 1_000_000;

/**
 * Consumes registry events from NATS JetStream with a durable, explicit-ack pull consumer
 * (at-least-once). Each message goes through the same intake as the webhook; it is
 * acknowledged only after its inbox row committed, so a crash before that redelivers it (and
 * the inbox ignores the duplicate). A malformed or foreign event is terminated (it would fail
 * forever); any other failure is negatively acknowledged and redelivered after a delay.
 */
export async function startRegistryNatsConsumer(options: RegistryNatsConsumerOptions): Promise<RegistryNatsConsumer> {
  const { nc, intake, subject, durable, logger } = options;
  const stream = options.stream ?? DEFAULT_REGISTRY_STREAM;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const jsm = await nc.jetstreamManager();
  if (options.ensureStream !== false) {
    try {
      await jsm.streams.info(stream);
    } catch {
      await jsm.streams.add({ name: stream, subjects: [subject], storage: 'file' } as StreamConfig);
    }
  }
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: 'explicit',
    deliver_policy: 'all',
    filter_subject: subject,
    ack_wait: 30_000 * NANOS_PER_MS,
    max_deliver: -1,
  } as ConsumerConfig);
  const consumer = await nc.jetstream().consumers.get(stream, durable);
  const messages = await consumer.consume({ max_messages: 64 });
  let acknowledged = 0;

  const loop = (async () => {
    for await (const message of messages) {
      try {
        await intake.receive(utf8Decode(message.data));
        await message.ackAck().catch(() => message.ack());
        acknowledged += 1;
      } catch (error) {
        if (isZzError(error) && error.status >= 400 && error.status < 500) {
          logger?.warn({ error: describeErrorForLog(error), streamSeq: message.seq }, 'registry event refused');
          message.term();
        } else {
          logger?.error({ error: describeErrorForLog(error), streamSeq: message.seq }, 'registry event not stored');
          message.nak(retryDelayMs);
        }
      }
    }
  })();

  return {
    acknowledged: () => acknowledged,
    async stop() {
      await messages.close();
      await loop;
    },
  };
}
