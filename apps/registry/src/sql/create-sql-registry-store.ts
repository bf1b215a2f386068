import { ZzError } from '@zhengzhao/core';
import { type Database, isUniqueViolation } from '@zhengzhao/server-kit';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { CardEvent } from '../card-event.js';
import { decodeCardEvent, encodeCardEvent } from '../encode-card-event.js';
import type { OutboxEntry, PersonRecord, RegistryStore } from '../registry-store.js';
import type { RegistryDirectory } from '../service/registry-directory.js';
import { personRecordOf, personRowOf } from './person-row.js';
import type { RegistryDatabase } from './registry-tables.js';

/** Largest `readOutbox` page, as in the in-memory store. */
const MAX_OUTBOX_READ = 10_000;
const MAX_LIST = 100;

/** A `RegistryStore` on SQL, with the clerk's look-ups. */
export interface SqlRegistryStore extends RegistryStore, RegistryDirectory {}

/** The open database the store works on (from `createDatabase<RegistryDatabase>`), migrated with `registryMigrations`. */
export type RegistryDatabaseHandle = Pick<Database<RegistryDatabase>, 'db' | 'dialect'>;

function checkEventFor(person: PersonRecord, event: CardEvent): void {
  if (event.personId !== person.personId || event.sequence !== person.sequence) {
    throw new ZzError('ERR_INPUT_INVALID', 'event does not belong to this person record or sequence');
  }
}

/**
 * `RegistryStore` on SQLite or PostgreSQL (transactional outbox, registry-store.ts):
 * the person row and the outbox row are written in one transaction; `commitCardEvent` is a
 * compare-and-set on `sequence`. Outbox positions are `max(position) + 1` allocated under an
 * exclusive lock on `registry_outbox` (PostgreSQL: `LOCK TABLE … IN EXCLUSIVE MODE`, which still
 * lets readers read; SQLite serialises writers itself), so writers append one at a time and a
 * position becomes visible only after every smaller one — a reader never skips a late row.
 * The lock is taken first in every writing transaction, so two writers cannot deadlock.
 */
export function createSqlRegistryStore(database: RegistryDatabaseHandle): SqlRegistryStore {
  const { db, dialect } = database;

  const lockOutbox = async (trx: Transaction<RegistryDatabase>): Promise<void> => {
    if (dialect === 'postgres') await sql`lock table registry_outbox in exclusive mode`.execute(trx);
  };

  const append = async (trx: Transaction<RegistryDatabase>, event: CardEvent): Promise<OutboxEntry> => {
    const last = await trx
      .selectFrom('registry_outbox')
      .select((eb) => eb.fn.max('position').as('last'))
      .executeTakeFirst();
    const position = Number(last?.last ?? 0) + 1;
    await trx
      .insertInto('registry_outbox')
      .values({
        position,
        event_id: event.eventId,
        person_id: event.personId,
        sequence: event.sequence,
        type: event.type,
        body: encodeCardEvent(event),
      })
      .execute();
    return { position, event: decodeCardEvent(encodeCardEvent(event)) };
  };

  const selectPerson = (k: Kysely<RegistryDatabase>) => k.selectFrom('registry_persons').selectAll();

  return {
    async getPerson(personId) {
      if (typeof personId !== 'string') return undefined;
      const row = await selectPerson(db).where('person_id', '=', personId).executeTakeFirst();
      return row === undefined ? undefined : personRecordOf(row);
    },

    async insertPerson(person, event) {
      if (event !== undefined) checkEventFor(person, event);
      return db.transaction().execute(async (trx) => {
        if (event !== undefined) await lockOutbox(trx);
        try {
          await trx.insertInto('registry_persons').values(personRowOf(person)).execute();
        } catch (error) {
          if (isUniqueViolation(error)) {
            throw new ZzError('ERR_REGISTRY_PERSON_EXISTS', 'A person with this id or ID number is already registered');
          }
          throw error;
        }
        return event === undefined ? undefined : append(trx, event);
      });
    },

    async commitCardEvent({ person, expectedSequence, event }) {
      return db.transaction().execute(async (trx) => {
        await lockOutbox(trx);
        const stored = await trx
          .selectFrom('registry_persons')
          .select(['sequence', 'id_number'])
          .where('person_id', '=', person.personId)
          .executeTakeFirst();
        if (stored === undefined) throw new ZzError('ERR_REGISTRY_PERSON_UNKNOWN', 'No person with this id');
        if (stored.sequence !== expectedSequence) {
          throw new ZzError('ERR_REGISTRY_CONCURRENT_UPDATE', 'The person record changed concurrently');
        }
        checkEventFor(person, event);
        if (person.idNumber !== stored.id_number) throw new ZzError('ERR_INPUT_INVALID', 'the ID number cannot change');
        const { person_id: _id, ...changes } = personRowOf(person);
        const updated = await trx
          .updateTable('registry_persons')
          .set(changes)
          .where('person_id', '=', person.personId)
          .where('sequence', '=', expectedSequence)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new ZzError('ERR_REGISTRY_CONCURRENT_UPDATE', 'The person record changed concurrently');
        }
        return append(trx, event);
      });
    },

    async readOutbox(afterPosition, limit) {
      if (
        !Number.isSafeInteger(afterPosition) ||
        afterPosition < 0 ||
        !Number.isSafeInteger(limit) ||
        limit < 1 ||
        limit > MAX_OUTBOX_READ
      ) {
        throw new ZzError('ERR_INPUT_INVALID', `afterPosition must be ≥ 0 and limit 1–${MAX_OUTBOX_READ}`);
      }
      const rows = await db
        .selectFrom('registry_outbox')
        .select(['position', 'body'])
        .where('position', '>', afterPosition)
        .orderBy('position')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ position: Number(row.position), event: decodeCardEvent(row.body) }));
    },

    async readCursor(consumer) {
      if (typeof consumer !== 'string') return 0;
      const row = await db
        .selectFrom('registry_cursors')
        .select('position')
        .where('consumer', '=', consumer)
        .executeTakeFirst();
      return row === undefined ? 0 : Number(row.position);
    },

    async writeCursor(consumer, position) {
      if (typeof consumer !== 'string' || consumer.length === 0 || !Number.isSafeInteger(position) || position < 0) {
        throw new ZzError('ERR_INPUT_INVALID', 'cursor needs a consumer name and a position ≥ 0');
      }
      await db
        .insertInto('registry_cursors')
        .values({ consumer, position })
        .onConflict((oc) =>
          oc
            .column('consumer')
            .doUpdateSet({ position: (eb) => eb.ref('excluded.position') })
            .where('registry_cursors.position', '<', (eb) => eb.ref('excluded.position')),
        )
        .execute();
    },

    async findPersonByCardNumber(cardNumber) {
      if (typeof cardNumber !== 'string') return undefined;
      const row = await selectPerson(db).where('card_number', '=', cardNumber).executeTakeFirst();
      return row === undefined ? undefined : personRecordOf(row);
    },

    async listPersons({ afterPersonId, limit }) {
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST) {
        throw new ZzError('ERR_INPUT_INVALID', `limit must be 1–${MAX_LIST}`);
      }
      let query = selectPerson(db).orderBy('person_id').limit(limit);
      if (afterPersonId !== undefined) query = query.where('person_id', '>', afterPersonId);
      return (await query.execute()).map(personRecordOf);
    },

    async countPersons() {
      const row = await db
        .selectFrom('registry_persons')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
  };
}
