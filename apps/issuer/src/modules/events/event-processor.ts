import { isZzError, ZzError } from '@zhengzhao/core';
import { decodeCardEvent } from '@zhengzhao/registry';
import { describeErrorForLog, isUniqueViolation, type Logger } from '@zhengzhao/server-kit';
import { type IssuerContext, inTransaction, lockRows } from '../../context.js';
import { findPerson } from '../persons/person-repository.js';
import { applyCardEvent } from './apply-card-event.js';
import {
  findPendingEvent,
  listPersonsWithPendingEvents,
  markInboxEventProcessed,
  supersedeStaleEvents,
} from './inbox-repository.js';

const MAX_CONFLICT_RETRIES = 3;

/**
 * Applies inbox events per person strictly in sequence order: the event with sequence
 * `lastSequence + 1` is applied, its effects and its "processed" mark committed in ONE
 * transaction (a crash before the commit means it is applied again on restart; after, never
 * again); an event further ahead waits in the inbox until the gap is filled. Events at or below
 * `lastSequence` that are still pending (another event id for a sequence already applied) are
 * marked `superseded`. Runs for one person never overlap in this process; across processes the
 * person row lock (PostgreSQL) and the compare-and-set on the inbox row keep it exactly-once.
 */
export class EventProcessor {
  readonly #context: IssuerContext;
  readonly #logger: Logger | undefined;
  readonly #running = new Map<string, Promise<number>>();

  constructor(context: IssuerContext, logger?: Logger) {
    this.#context = context;
    this.#logger = logger;
  }

  /** Applies every ready event of `personId`; resolves with how many were applied. */
  processPerson(personId: string): Promise<number> {
    const previous = this.#running.get(personId) ?? Promise.resolve(0);
    const run = previous.catch(() => 0).then(() => this.#drain(personId));
    this.#running.set(personId, run);
    void run
      .finally(() => {
        if (this.#running.get(personId) === run) this.#running.delete(personId);
      })
      .catch(() => {});
    return run;
  }

  /**
   * Processes every person with pending events (start-up recovery and the periodic sweep).
   * Failures are logged by event id and left pending; resolves with how many were applied.
   */
  async processAllPending(): Promise<number> {
    let applied = 0;
    for (const personId of await listPersonsWithPendingEvents(this.#context.db)) {
      try {
        applied += await this.processPerson(personId);
      } catch {
        // logged in #drain; the event stays in the inbox for the next sweep
      }
    }
    return applied;
  }

  /** Resolves when every run started so far has finished. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.#running.values()]);
  }

  async #drain(personId: string): Promise<number> {
    let applied = 0;
    for (;;) {
      const done = await this.#stepWithRetry(personId);
      if (!done) return applied;
      applied += 1;
    }
  }

  async #stepWithRetry(personId: string): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#step(personId);
      } catch (error) {
        const conflict = isUniqueViolation(error) || isZzError(error, 'ERR_REGISTRY_CONCURRENT_UPDATE');
        if (conflict && attempt < MAX_CONFLICT_RETRIES) continue;
        this.#logger?.error({ personRef: personId, error: describeErrorForLog(error) }, 'registry event not applied');
        throw error;
      }
    }
  }

  /** One transaction: the next event of the person, applied and marked; false if none is ready. */
  #step(personId: string): Promise<boolean> {
    const context = this.#context;
    return inTransaction(context, async (tx, changes) => {
      const now = context.clock();
      const person = await findPerson(tx, personId, { forUpdate: lockRows(context) });
      const last = person?.lastSequence ?? 0;
      await supersedeStaleEvents(tx, personId, last, now);
      const pending = await findPendingEvent(tx, personId, last + 1);
      if (!pending) return false;
      const event = decodeCardEvent(pending.body);
      const outcome = await applyCardEvent(tx, context, person, event, changes, now);
      if (!(await markInboxEventProcessed(tx, pending.eventId, outcome, now))) {
        throw new ZzError('ERR_REGISTRY_CONCURRENT_UPDATE', 'The event was processed concurrently');
      }
      this.#logger?.info(
        { eventId: pending.eventId, type: event.type, sequence: event.sequence, outcome },
        'registry event applied',
      );
      return true;
    });
  }
}
