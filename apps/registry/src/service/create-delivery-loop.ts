import { ZzError } from '@zhengzhao/core';
import { describeErrorForLog, type Logger } from '@zhengzhao/server-kit';
import type { CardEvent } from '../card-event.js';
import {
  type BackoffOptions,
  createOutboxDispatcher,
  type DispatchResult,
  type OutboxDispatcher,
} from '../outbox-dispatcher.js';
import type { OutboxEntry, RegistryStore } from '../registry-store.js';

/** One consumer of the outbox: its cursor name and how to deliver one event. */
export interface DeliveryTarget {
  /** Cursor name, e.g. `webhook:issuer-44` or `nats`. */
  readonly consumer: string;
  readonly send: (event: CardEvent, entry: OutboxEntry) => Promise<void>;
}

export interface DeliveryLoopOptions {
  readonly store: Pick<RegistryStore, 'readOutbox' | 'readCursor' | 'writeCursor'>;
  readonly targets: readonly DeliveryTarget[];
  /** Poll interval when nothing wakes the loop; default 1 s. */
  readonly intervalMs?: number;
  /** Attempts per event in one pass (default 5); after that the target waits for the next pass. */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  readonly logger?: Logger;
}

export interface DeliveryLoop {
  /** Starts one background loop per target (idempotent). */
  start(): void;
  /** Wakes every loop now (after a commit), instead of at the next interval. */
  kick(): void;
  /** Stops the loops: waits for the passes in flight (their backoff waits are cut short). */
  stop(): Promise<void>;
  /** One drain of every target, in the foreground (tests, `zz` tools). */
  drainAll(): Promise<DispatchResult[]>;
}

/**
 * Background delivery of the outbox to every target, each with its own `createOutboxDispatcher`
 * and cursor, so a failing webhook never holds back NATS (at least once, in order, per target).
 * Failures are logged with the consumer, position and error code — never the event.
 */
export function createDeliveryLoop(options: DeliveryLoopOptions): DeliveryLoop {
  const intervalMs = options.intervalMs ?? 1_000;
  const log = options.logger;
  let stopping = false;
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  const dispatchers: { consumer: string; dispatcher: OutboxDispatcher }[] = options.targets.map((target) => ({
    consumer: target.consumer,
    dispatcher: createOutboxDispatcher({
      store: options.store,
      consumer: target.consumer,
      maxAttempts: options.maxAttempts ?? 5,
      ...(options.backoff ? { backoff: options.backoff } : {}),
      sleep,
      send: async (event, entry) => {
        if (stopping) throw new ZzError('ERR_SERVER_NOT_READY', 'delivery is stopping');
        try {
          await target.send(event, entry);
        } catch (error) {
          log?.warn(
            { consumer: target.consumer, position: entry.position, error: describeErrorForLog(error) },
            'delivery failed',
          );
          throw error;
        }
      },
    }),
  }));

  let loops: Promise<void>[] | undefined;
  const wakeAll = () => {
    for (const wake of [...sleepers]) wake();
  };

  const runLoop = async ({ consumer, dispatcher }: (typeof dispatchers)[number]) => {
    while (!stopping) {
      try {
        const result = await dispatcher.drain();
        if (result.stalled && !stopping) log?.warn({ consumer, cursor: result.cursor }, 'delivery stalled; will retry');
      } catch (error) {
        log?.error({ consumer, error: describeErrorForLog(error) }, 'delivery pass failed');
      }
      await sleep(intervalMs);
    }
  };

  return {
    start() {
      if (loops || stopping) return;
      loops = dispatchers.map(runLoop);
    },
    kick: wakeAll,
    async stop() {
      stopping = true;
      wakeAll();
      await Promise.all(loops ?? []);
    },
    drainAll: () => Promise.all(dispatchers.map((d) => d.dispatcher.drain())),
  };
}
