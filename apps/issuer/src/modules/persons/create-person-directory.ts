import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import type { PersonDirectory, PersonSummary } from '../ports.js';

const MAX_ID = 128;

/**
 * The {@link PersonDirectory} port over the `persons` table: the OpenID4VCI side learns a
 * person's internal id and card state, nothing else. Inputs that cannot be an id or a card
 * number (wrong type, empty, too long) simply find nobody.
 */
export function createPersonDirectory(db: Kysely<IssuerDatabase>): PersonDirectory {
  const usable = (text: unknown): text is string =>
    typeof text === 'string' && text.length > 0 && text.length <= MAX_ID;
  // only the two columns the port exposes: the claims (with the portrait) are never read here
  const lookup = async (column: 'person_id' | 'card_number', value: string): Promise<PersonSummary | undefined> => {
    const row = await db
      .selectFrom('persons')
      .select(['person_id', 'card_state'])
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? { personId: row.person_id, cardState: row.card_state } : undefined;
  };
  return {
    async findByCardNumber(cardNumber) {
      return usable(cardNumber) ? lookup('card_number', cardNumber) : undefined;
    },
    async get(personId) {
      return usable(personId) ? lookup('person_id', personId) : undefined;
    },
  };
}
