import { ZzError } from '@zhengzhao/core';
import type { CardEvent } from './card-event.js';
import type { OutboxEntry, RegistryStore } from './registry-store.js';

export interface BackoffOptions {
  /** First delay, ms (default 200). */
  readonly initialMs?: number;
  /** Ceiling, ms (default 30 000). */
  readonly maxMs?: number;
  /** Growth per attempt (default 2). */
  readonly factor?: number;
}

export interface OutboxDispatcherOptions {
  readonly store: Pick<RegistryStore, 'readOutbox' | 'readCursor' | 'writeCursor'>;
  /** Name of the consumer whose cursor this dispatcher moves, e.g. "issuer-44". */
  readonly consumer: string;
  /** Delivers one event; resolves on acknowledgement, rejects (or throws) on failure. */
  readonly send: (event: CardEvent, entry: OutboxEntry) => Promise<void>;
  /** Events for which this returns false are skipped (cursor moves on), e.g. another province. */
  readonly filter?: (event: CardEvent) => boolean;
  /** Entries read per batch (default 100). */
  readonly batchSize?: number;
  /** Attempts per event within one `dispatchOnce` before it stops (default 5). */
  readonly maxAttempts?: number;
  readonly backoff?: BackoffOptions;
  /** Injected wait (default: setTimeout); tests pass a fake that records the delays. */
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface DispatchResult {
  /** Events acknowledged by `send` in this run. */
  readonly delivered: number;
  /** Events filtered out in this run. */
  readonly skipped: number;
  /** Failed `send` calls in this run. */
  readonly failures: number;
  /** The consumer's cursor after the run. */
  readonly cursor: number;
  /** True when an event still failed after `maxAttempts`: the run stopped there (order is kept). */
  readonly stalled: boolean;
}

export interface OutboxDispatcher {
  /** Delivers one batch after the cursor. */
  dispatchOnce(): Promise<DispatchResult>;
  /** Repeats `dispatchOnce` until the outbox is drained or delivery stalls. */
  drain(): Promise<DispatchResult>;
}

/** The delay before retry number `attempt` (1-based): initial·factor^(attempt−1), capped. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}): number {
  const { initialMs = 200, maxMs = 30_000, factor = 2 } = options;
  return Math.min(maxMs, initialMs * factor ** (attempt - 1));
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Delivers the outbox to one consumer, in order, at least once (transactional outbox pattern):
 * the cursor is written only after `send` acknowledged the event, so a crash or a failure
 * re-delivers from the first unacknowledged event — consumers deduplicate by `eventId` and
 * apply per-person events in `sequence` order. A failing event is retried with exponential
 * backoff; after `maxAttempts` the run stops without skipping it. Runs of one dispatcher do
 * not overlap (a second call while one runs joins it).
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { store, consumer, send, filter, backoff } = options;
  const batchSize = options.batchSize ?? 100;
  const maxAttempts = options.maxAttempts ?? 5;
  const sleep = options.sleep ?? defaultSleep;
  if (typeof consumer !== 'string' || consumer.length === 0 || consumer.length > 64) {
    throw new ZzError('ERR_INPUT_INVALID', 'consumer must be a name of 1–64 characters');
  }
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || !Number.isSafeInteger(maxAttempts) || maxAttempts < 1) {
    throw new ZzError('ERR_INPUT_INVALID', 'batchSize and maxAttempts must be positive integers');
  }

  const deliver = async (entry: OutboxEntry): Promise<{ ok: boolean; failures: number }> => {
    let failures = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await send(entry.event, entry);
        return { ok: true, failures };
      } catch {
        failures++;
        if (attempt < maxAttempts) await sleep(backoffDelay(attempt, backoff));
      }
    }
    return { ok: false, failures };
  };

  const runOnce = async (): Promise<DispatchResult> => {
    let cursor = await store.readCursor(consumer);
    let delivered = 0;
    let skipped = 0;
    let failures = 0;
    for (const entry of await store.readOutbox(cursor, batchSize)) {
      if (filter && !filter(entry.event)) {
        skipped++;
      } else {
        const outcome = await deliver(entry);
        failures += outcome.failures;
        if (!outcome.ok) return { delivered, skipped, failures, cursor, stalled: true };
        delivered++;
      }
      await store.writeCursor(consumer, entry.position);
      cursor = entry.position;
    }
    return { delivered, skipped, failures, cursor, stalled: false };
  };

  let running: Promise<DispatchResult> | undefined;
  const dispatchOnce = (): Promise<DispatchResult> => {
    running ??= runOnce().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    dispatchOnce,
    async drain() {
      let total = { delivered: 0, skipped: 0, failures: 0 };
      for (;;) {
        const result = await dispatchOnce();
        total = {
          delivered: total.delivered + result.delivered,
          skipped: total.skipped + result.skipped,
          failures: total.failures + result.failures,
        };
        if (result.stalled || result.delivered + result.skipped === 0)
          return { ...total, cursor: result.cursor, stalled: result.stalled };
      }
    },
  };
}
