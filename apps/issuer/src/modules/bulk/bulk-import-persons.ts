import { isZzError, RESIDENT_ID_TYPE_ID, validateClaims, ZzError } from '@zhengzhao/core';
import { type CardIssuedEvent, residentIdClaimsOf } from '@zhengzhao/registry';
import { isUniqueViolation } from '@zhengzhao/server-kit';
import type { Insertable, Kysely } from 'kysely';
import type { IssuerServices } from '../../create-issuer-app.js';
import type { IssuerDatabase, PersonsTable } from '../../db/schema.js';
import { storedClaimsOf } from '../events/apply-card-event.js';
import { parseRegistryEvent } from '../events/event-intake.js';

/** Where the import writes: the issuer's services, or just its database (then options say the rest). */
export type BulkImportTarget = Pick<IssuerServices, 'context' | 'settings'> | Kysely<IssuerDatabase>;

/** What {@link bulkImportPersons} reports after every committed transaction. */
export interface BulkImportProgress {
  /** Events read from the source and committed so far (inserted + skipped). */
  readonly done: number;
  readonly inserted: number;
  /** Persons the issuer already knew (left untouched: the event path has the newer state). */
  readonly skipped: number;
  /** The expected count, when the caller gave it (percent and ETA need it). */
  readonly total?: number;
  readonly elapsedMs: number;
  /** Events per second since the start. */
  readonly ratePerSecond: number;
  /** Estimated time left, when `total` is known and the rate is not zero. */
  readonly etaMs?: number;
}

export interface BulkImportOptions {
  /** The issuer's province; default `settings.provinceCode` of the services. Others are refused. */
  readonly provinceCode?: string;
  /** Time stamped on the rows (`created_at`, `updated_at`); default the services' clock. */
  readonly clock?: () => Date;
  /** How many events the source will yield, for percent and ETA. */
  readonly total?: number;
  /** Rows per transaction; default 20,000. Each transaction commits or rolls back whole. */
  readonly transactionSize?: number;
  /** Called after every commit. */
  readonly onProgress?: (progress: BulkImportProgress) => void;
  /** Monotonic milliseconds for the progress rate (a measurement, not domain time); default `performance.now`. */
  readonly timer?: () => number;
}

export interface BulkImportResult {
  readonly inserted: number;
  readonly skipped: number;
  readonly transactions: number;
  readonly elapsedMs: number;
}

/** Rows per INSERT statement: 9 columns × 1,000 stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 1_000;
const DEFAULT_TRANSACTION_SIZE = 20_000;
const MAX_TRANSACTION_SIZE = 1_000_000;

/**
 * Imports a registry population into the issuer before any wallet exists (P2 §9, the authority's
 * pre-issuance): every `card.issued` event of the source becomes a person row exactly as the event
 * processor would write it (active card, the event's claims, `last_sequence` = the event's
 * sequence), in large transactions of multi-row inserts. The registry's own delivery of the same
 * events later finds the person at that sequence and marks them `superseded`, so nothing is applied
 * twice; newer events (changes, losses) apply on top as usual.
 *
 * Idempotent and resumable: a person already known is skipped (never overwritten), so a run cut
 * short — a crash loses at most the open transaction — is simply run again. Credentials are not
 * signed here: they are bound to device keys that exist only once a wallet activates.
 *
 * The source yields `CardIssuedEvent`s or their `encodeCardEvent` JSON, read one at a time (memory
 * stays bounded by one transaction). Errors name the event's position, never personal data:
 * `ERR_REGISTRY_EVENT_MALFORMED` (not a well-formed card.issued with catalog-valid claims),
 * `ERR_ISSUER_EVENT_PROVINCE` (another province), `ERR_INPUT_INVALID` (a card number already held
 * by another person, bad options). The failing transaction is rolled back; earlier ones stay.
 */
export async function bulkImportPersons(
  target: BulkImportTarget,
  source: AsyncIterable<CardIssuedEvent | string> | Iterable<CardIssuedEvent | string>,
  options: BulkImportOptions = {},
): Promise<BulkImportResult> {
  if (typeof target !== 'object' || target === null) throw new ZzError('ERR_INPUT_INVALID', 'target is required');
  const iterable = source as unknown as Partial<Record<symbol, unknown>> | null;
  if (
    typeof iterable !== 'object' ||
    iterable === null ||
    (typeof iterable[Symbol.asyncIterator] !== 'function' && typeof iterable[Symbol.iterator] !== 'function')
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'source must be an iterable of events');
  }
  const services = 'context' in target ? target : undefined;
  const db = services ? services.context.db : (target as Kysely<IssuerDatabase>);
  const provinceCode = options.provinceCode ?? services?.settings.provinceCode;
  const clock = options.clock ?? services?.context.clock;
  if (typeof provinceCode !== 'string' || !/^\d{2}$/.test(provinceCode)) {
    throw new ZzError('ERR_INPUT_INVALID', 'provinceCode must be two digits');
  }
  if (typeof clock !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'clock is required');
  const transactionSize = options.transactionSize ?? DEFAULT_TRANSACTION_SIZE;
  if (!Number.isSafeInteger(transactionSize) || transactionSize < 1 || transactionSize > MAX_TRANSACTION_SIZE) {
    throw new ZzError('ERR_INPUT_INVALID', `transactionSize must be 1 to ${MAX_TRANSACTION_SIZE}`);
  }
  if (options.total !== undefined && (!Number.isSafeInteger(options.total) || options.total < 0)) {
    throw new ZzError('ERR_INPUT_INVALID', 'total must be a non-negative integer');
  }
  const timer = options.timer ?? (() => performance.now());
  const started = timer();
  let inserted = 0;
  let skipped = 0;
  let transactions = 0;
  let position = 0;
  let rows: Insertable<PersonsTable>[] = [];

  const commit = async () => {
    const batch = rows;
    const first = position - batch.length;
    rows = [];
    const added = await insertPersonRows(db, batch, first);
    inserted += added;
    skipped += batch.length - added;
    transactions += 1;
    if (options.onProgress) {
      const elapsedMs = timer() - started;
      const done = inserted + skipped;
      const ratePerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
      const left = options.total !== undefined ? Math.max(0, options.total - done) : undefined;
      options.onProgress({
        done,
        inserted,
        skipped,
        ...(options.total !== undefined ? { total: options.total } : {}),
        elapsedMs,
        ratePerSecond,
        ...(left !== undefined && ratePerSecond > 0 ? { etaMs: (left * 1000) / ratePerSecond } : {}),
      });
    }
  };

  for await (const item of source) {
    rows.push(personRowOf(item, position, provinceCode, clock()));
    position += 1;
    if (rows.length >= transactionSize) await commit();
  }
  if (rows.length > 0) await commit();
  return { inserted, skipped, transactions, elapsedMs: timer() - started };
}

/** The person row of one card.issued event, as the event processor would insert it. */
function personRowOf(
  item: CardIssuedEvent | string,
  position: number,
  provinceCode: string,
  now: Date,
): Insertable<PersonsTable> {
  const malformed = (cause?: unknown) =>
    new ZzError('ERR_REGISTRY_EVENT_MALFORMED', `Event #${position} is not a valid card.issued event`, { cause });
  let event: CardIssuedEvent;
  try {
    const parsed = typeof item === 'string' ? parseRegistryEvent(item) : item;
    if (typeof parsed !== 'object' || parsed === null || parsed.type !== 'card.issued') throw malformed();
    event = parsed;
    if (typeof event.personId !== 'string' || event.personId.length === 0 || event.personId.length > 128) {
      throw malformed();
    }
    if (!Number.isSafeInteger(event.sequence) || event.sequence < 1) throw malformed();
    if (typeof event.payload?.card?.cardNumber !== 'string' || event.payload.card.cardNumber.length === 0) {
      throw malformed();
    }
    // strings were validated by parseRegistryEvent; objects are checked here the same way
    if (typeof item !== 'string') validateClaims(RESIDENT_ID_TYPE_ID, residentIdClaimsOf(event));
  } catch (error) {
    if (isZzError(error, 'ERR_REGISTRY_EVENT_MALFORMED')) throw error;
    throw malformed(error);
  }
  if (event.provinceCode !== provinceCode) {
    throw new ZzError('ERR_ISSUER_EVENT_PROVINCE', `Event #${position} is for another province`);
  }
  const at = now.getTime();
  return {
    person_id: event.personId,
    province_code: event.provinceCode,
    card_number: event.payload.card.cardNumber,
    card_state: 'active',
    suspended: 0,
    claims: JSON.stringify(storedClaimsOf(event)),
    last_sequence: event.sequence,
    created_at: at,
    updated_at: at,
  };
}

/** One transaction of multi-row inserts; a person already present is skipped. Returns rows inserted. */
async function insertPersonRows(
  db: Kysely<IssuerDatabase>,
  rows: readonly Insertable<PersonsTable>[],
  first: number,
): Promise<number> {
  try {
    return await db.transaction().execute(async (tx) => {
      let added = 0;
      for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
        const result = await tx
          .insertInto('persons')
          .values(rows.slice(start, start + ROWS_PER_STATEMENT))
          .onConflict((oc) => oc.column('person_id').doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0n);
      }
      return added;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ZzError(
        'ERR_INPUT_INVALID',
        `A card number in events #${first}–#${first + rows.length - 1} is already held by another person`,
        { cause: error },
      );
    }
    throw error;
  }
}
