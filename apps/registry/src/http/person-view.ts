import type { CardEvent } from '../card-event.js';
import type { CardState } from '../card-state.js';
import { formatResidentAddress } from '../citizen.js';
import type { PersonRecord } from '../registry-store.js';

/** What a search returns: enough for the clerk to pick the right person, nothing more. */
export function personSummaryOf(person: PersonRecord) {
  return {
    person_id: person.personId,
    full_name: person.fullName,
    card_state: person.cardState,
    card_number: person.card?.cardNumber ?? null,
    sequence: person.sequence,
  };
}

/** The full record for an authenticated clerk (never logged). */
export function personDetailOf(person: PersonRecord) {
  return {
    person_id: person.personId,
    id_number: person.idNumber,
    family_name: person.familyName,
    given_name: person.givenName,
    full_name: person.fullName,
    sex: person.sex,
    birth_date: person.birthDate,
    ethnicity: person.ethnicity,
    address: {
      region_code: person.address.regionCode,
      city: person.address.city,
      district: person.address.district,
      street: person.address.street,
      line: formatResidentAddress(person.address),
    },
    card_state: person.cardState,
    cancellation_reason: person.cancellationReason ?? null,
    card: person.card
      ? {
          card_number: person.card.cardNumber,
          issuing_authority: person.card.issuingAuthority,
          issue_date: person.card.issueDate,
          expiry_date: person.card.expiryDate,
        }
      : null,
    sequence: person.sequence,
  };
}

const STATE_AFTER: Readonly<Record<CardEvent['type'], CardState>> = {
  'card.issued': 'valid',
  'card.changed': 'valid',
  'card.renewed': 'valid',
  'card.reported_lost': 'lost',
  'card.cancelled': 'cancelled',
};

/** The answer to a card operation: the emitted event's id, type and sequence, and the new card state. */
export function eventReceiptOf(event: CardEvent) {
  return {
    event_id: event.eventId,
    type: event.type,
    sequence: event.sequence,
    person_id: event.personId,
    card_state: STATE_AFTER[event.type],
  };
}
