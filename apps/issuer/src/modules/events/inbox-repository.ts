import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';

/** What processing did with an inbox event. */
export type InboxOutcome = 'applied' | 'ignored' | 'superseded';

/** One received registry event as stored in the persisted inbox. */
export interface InboxEvent {
  readonly eventId: string;
  readonly personId: string;
  readonly sequence: number;
  readonly type: string;
  readonly body: string;
  readonly receivedAt: Date;
  readonly processedAt: Date | null;
  readonly outcome: InboxOutcome | null;
}

type Row = IssuerDatabase['inbox'];

function toEvent(row: Row): InboxEvent {
  return {
    eventId: row.event_id,
    personId: row.person_id,
    sequence: Number(row.sequence),
    type: row.type,
    body: row.body,
    receivedAt: new Date(Number(row.received_at)),
    processedAt: row.processed_at === null ? null : new Date(Number(row.processed_at)),
    outcome: row.outcome as InboxOutcome | null,
  };
}

/**
 * Stores a received event unless its `eventId` is already there (at-least-once delivery:
 * the duplicate is ignored, whatever its body). Returns whether the row was new.
 */
export async function insertInboxEvent(
  db: Kysely<IssuerDatabase>,
  event: Omit<InboxEvent, 'processedAt' | 'outcome'>,
): Promise<boolean> {
  const result = await db
    .insertInto('inbox')
    .values({
      event_id: event.eventId,
      person_id: event.personId,
      sequence: event.sequence,
      type: event.type,
      body: event.body,
      received_at: event.receivedAt.getTime(),
      processed_at: null,
      outcome: null,
    })
    .onConflict((oc) => oc.column('event_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findInboxEvent(db: Kysely<IssuerDatabase>, eventId: string): Promise<InboxEvent | undefined> {
  const row = await db.selectFrom('inbox').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  return row ? toEvent(row) : undefined;
}

/** The unprocessed event of `personId` with exactly `sequence` (the first received, if several). */
export async function findPendingEvent(
  db: Kysely<IssuerDatabase>,
  personId: string,
  sequence: number,
): Promise<InboxEvent | undefined> {
  const row = await db
    .selectFrom('inbox')
    .selectAll()
    .where('person_id', '=', personId)
    .where('sequence', '=', sequence)
    .where('processed_at', 'is', null)
    .orderBy('received_at')
    .orderBy('event_id')
    .limit(1)
    .executeTakeFirst();
  return row ? toEvent(row) : undefined;
}

/**
 * Marks the pending event processed; false when it no longer was pending (another worker
 * got there first), which must roll the caller's transaction back.
 */
export async function markInboxEventProcessed(
  db: Kysely<IssuerDatabase>,
  eventId: string,
  outcome: InboxOutcome,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('inbox')
    .set({ processed_at: now.getTime(), outcome })
    .where('event_id', '=', eventId)
    .where('processed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks as superseded every pending event of the person at or below `lastSequence`. */
export async function supersedeStaleEvents(
  db: Kysely<IssuerDatabase>,
  personId: string,
  lastSequence: number,
  now: Date,
): Promise<number> {
  const result = await db
    .updateTable('inbox')
    .set({ processed_at: now.getTime(), outcome: 'superseded' })
    .where('person_id', '=', personId)
    .where('processed_at', 'is', null)
    .where('sequence', '<=', lastSequence)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Persons with at least one unprocessed event (held for a gap, or left by a crash). */
export async function listPersonsWithPendingEvents(db: Kysely<IssuerDatabase>, limit = 1000): Promise<string[]> {
  const rows = await db
    .selectFrom('inbox')
    .select('person_id')
    .distinct()
    .where('processed_at', 'is', null)
    .orderBy('person_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.person_id);
}

/** Counts of the inbox by state (for tests, readiness and metrics). */
export async function countInbox(db: Kysely<IssuerDatabase>): Promise<{ pending: number; processed: number }> {
  const rows = await db
    .selectFrom('inbox')
    .select((eb) => [eb.fn.countAll<number>().as('n'), 'processed_at'])
    .groupBy('processed_at')
    .execute();
  let pending = 0;
  let processed = 0;
  for (const r of rows) {
    if (r.processed_at === null) pending += Number(r.n);
    else processed += Number(r.n);
  }
  return { pending, processed };
}
