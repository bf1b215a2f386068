import type { CancellationReason, CardEvent } from './card-event.js';
import type { CardState } from './card-state.js';
import type { PersonData, PhysicalCard } from './citizen.js';

/**
 * A person as stored: registry data, card state, the current (or last) card, and the sequence
 * of the last event emitted for them (0 before any). In SQL: one `persons` row, with `person_id`
 * as primary key and `id_number` unique.
 */
export interface PersonRecord extends PersonData {
  readonly cardState: CardState;
  readonly card?: PhysicalCard;
  readonly cancellationReason?: CancellationReason;
  /** Sequence of the last event for this person; doubles as the optimistic-concurrency version. */
  readonly sequence: number;
}

/** One outbox row: a gap-free, strictly increasing `position` (1, 2, 3 …) and the event. */
export interface OutboxEntry {
  readonly position: number;
  readonly event: CardEvent;
}

/** A state change and the event that records it, committed together. */
export interface CardEventCommit {
  /** The new record; its `sequence` must equal `event.sequence`. */
  readonly person: PersonRecord;
  /** The `sequence` the stored record must still have (compare-and-set). */
  readonly expectedSequence: number;
  readonly event: CardEvent;
}

/**
 * Storage of the registry, shaped for SQL (transactional outbox pattern):
 *
 * - `persons(person_id PK, id_number UNIQUE, …, card_state, sequence)`
 * - `outbox(position INTEGER PK, event_id UNIQUE, person_id, type, body TEXT)` where `body` is
 *   `encodeCardEvent(event)`
 * - `cursors(consumer PK, position)`
 *
 * Every write that carries an event runs in ONE transaction: the person row and the outbox row
 * land together or not at all. Positions must become visible in order (SQLite serialises
 * writers; on PostgreSQL take a lock on the outbox in the transaction — a sequence alone can
 * commit out of order and a reader would skip a late row).
 */
export interface RegistryStore {
  getPerson(personId: string): Promise<PersonRecord | undefined>;
  /**
   * Inserts a new person; with `event`, appends it to the outbox in the same transaction.
   * Throws `ERR_REGISTRY_PERSON_EXISTS` when the person id or the ID number is taken.
   */
  insertPerson(person: PersonRecord, event?: CardEvent): Promise<OutboxEntry | undefined>;
  /**
   * Replaces the person record and appends the event, atomically, if the stored record's
   * sequence is still `expectedSequence` (else `ERR_REGISTRY_CONCURRENT_UPDATE`, nothing written;
   * `ERR_REGISTRY_PERSON_UNKNOWN` if absent).
   */
  commitCardEvent(commit: CardEventCommit): Promise<OutboxEntry>;
  /** Up to `limit` entries with `position > afterPosition`, in position order. */
  readOutbox(afterPosition: number, limit: number): Promise<readonly OutboxEntry[]>;
  /** The last position a consumer has acknowledged (0 if none). */
  readCursor(consumer: string): Promise<number>;
  /** Records that a consumer has processed everything up to `position` (never moves back). */
  writeCursor(consumer: string, position: number): Promise<void>;
}
