import { ZzError } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { IssuerDatabase, PersonsTable } from '../../db/schema.js';
import type { CardState } from '../ports.js';

/** Stored `cn.gov.eid.1` claims: catalog element names, the portrait as base64url text. */
export type StoredClaims = Readonly<Record<string, string | number | boolean>>;

/** A person as the issuer knows them from the registry's events. */
export interface PersonRecord {
  readonly personId: string;
  readonly provinceCode: string;
  readonly cardNumber: string | null;
  readonly cardState: CardState;
  /** True while an administrator holds the person's credentials suspended. */
  readonly suspended: boolean;
  /** Null until an event with claims arrived. */
  readonly claims: StoredClaims | null;
  readonly lastSequence: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

function toRecord(row: PersonsTable): PersonRecord {
  return {
    personId: row.person_id,
    provinceCode: row.province_code,
    cardNumber: row.card_number,
    cardState: row.card_state,
    suspended: Number(row.suspended) === 1,
    claims: JSON.parse(row.claims) as StoredClaims | null,
    lastSequence: Number(row.last_sequence),
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

/** The person, or undefined; `forUpdate` locks the row until the transaction ends (PostgreSQL). */
export async function findPerson(
  db: Kysely<IssuerDatabase>,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonRecord | undefined> {
  const row = await db
    .selectFrom('persons')
    .selectAll()
    .where('person_id', '=', personId)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** The person, or `ERR_ISSUER_PERSON_UNKNOWN`. */
export async function getPerson(
  db: Kysely<IssuerDatabase>,
  personId: string,
  options: { forUpdate?: boolean } = {},
): Promise<PersonRecord> {
  const person = await findPerson(db, personId, options);
  if (!person) throw new ZzError('ERR_ISSUER_PERSON_UNKNOWN', 'No person with this id');
  return person;
}

/** The person whose current card has this number. */
export async function findPersonByCardNumber(
  db: Kysely<IssuerDatabase>,
  cardNumber: string,
): Promise<PersonRecord | undefined> {
  const row = await db.selectFrom('persons').selectAll().where('card_number', '=', cardNumber).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Inserts or replaces a person row (the event processor's write). */
export async function savePerson(db: Kysely<IssuerDatabase>, person: PersonRecord, isNew: boolean): Promise<void> {
  const values = {
    province_code: person.provinceCode,
    card_number: person.cardNumber,
    card_state: person.cardState,
    suspended: person.suspended ? 1 : 0,
    claims: JSON.stringify(person.claims),
    last_sequence: person.lastSequence,
    updated_at: person.updatedAt.getTime(),
  };
  if (isNew) {
    await db
      .insertInto('persons')
      .values({ person_id: person.personId, created_at: person.createdAt.getTime(), ...values })
      .execute();
    return;
  }
  await db.updateTable('persons').set(values).where('person_id', '=', person.personId).execute();
}

/** Sets or clears the administrative hold of a person. */
export async function setPersonSuspended(
  db: Kysely<IssuerDatabase>,
  personId: string,
  suspended: boolean,
  now: Date,
): Promise<void> {
  await db
    .updateTable('persons')
    .set({ suspended: suspended ? 1 : 0, updated_at: now.getTime() })
    .where('person_id', '=', personId)
    .execute();
}
