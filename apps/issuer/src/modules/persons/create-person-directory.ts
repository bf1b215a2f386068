import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import type { PersonDirectory, PersonSummary } from '../ports.js';
import { findPerson, findPersonByCardNumber, type PersonRecord } from './person-repository.js';

const MAX_ID = 128;

function summary(person: PersonRecord | undefined): PersonSummary | undefined {
  return person ? { personId: person.personId, cardState: person.cardState } : undefined;
}

/**
 * The {@link PersonDirectory} port over the `persons` table: the OpenID4VCI side learns a
 * person's internal id and card state, nothing else. Inputs that cannot be an id or a card
 * number (wrong type, empty, too long) simply find nobody.
 */
export function createPersonDirectory(db: Kysely<IssuerDatabase>): PersonDirectory {
  const usable = (text: unknown): text is string =>
    typeof text === 'string' && text.length > 0 && text.length <= MAX_ID;
  return {
    async findByCardNumber(cardNumber) {
      return usable(cardNumber) ? summary(await findPersonByCardNumber(db, cardNumber)) : undefined;
    },
    async get(personId) {
      return usable(personId) ? summary(await findPerson(db, personId)) : undefined;
    },
  };
}
