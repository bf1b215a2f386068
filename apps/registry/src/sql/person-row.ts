import { ZzError } from '@zhengzhao/core';
import type { CancellationReason } from '../card-event.js';
import type { CardState } from '../card-state.js';
import type { PersonRecord } from '../registry-store.js';
import type { RegistryPersonsTable } from './registry-tables.js';

const CARD_STATES: readonly string[] = ['none', 'valid', 'lost', 'cancelled'];

/** The `registry_persons` row of a record (card columns null without a card). */
export function personRowOf(person: PersonRecord): RegistryPersonsTable {
  return {
    person_id: person.personId,
    id_number: person.idNumber,
    family_name: person.familyName,
    given_name: person.givenName,
    full_name: person.fullName,
    sex: person.sex,
    birth_date: person.birthDate,
    ethnicity: person.ethnicity,
    region_code: person.address.regionCode,
    city: person.address.city,
    district: person.address.district,
    street: person.address.street,
    portrait_seed: person.portraitSeed,
    card_state: person.cardState,
    card_number: person.card?.cardNumber ?? null,
    card_issuing_authority: person.card?.issuingAuthority ?? null,
    card_issue_date: person.card?.issueDate ?? null,
    card_expiry_date: person.card?.expiryDate ?? null,
    cancellation_reason: person.cancellationReason ?? null,
    sequence: person.sequence,
  };
}

/** The record of a row; a row that no record could have produced is `ERR_DB_VALUE_RANGE`. */
export function personRecordOf(row: RegistryPersonsTable): PersonRecord {
  if ((row.sex !== 1 && row.sex !== 2) || !CARD_STATES.includes(row.card_state)) {
    throw new ZzError('ERR_DB_VALUE_RANGE', 'registry_persons row has an impossible sex or card state');
  }
  const record: PersonRecord = {
    personId: row.person_id,
    idNumber: row.id_number,
    familyName: row.family_name,
    givenName: row.given_name,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    ethnicity: row.ethnicity,
    address: { regionCode: row.region_code, city: row.city, district: row.district, street: row.street },
    portraitSeed: row.portrait_seed,
    cardState: row.card_state as CardState,
    sequence: row.sequence,
    ...(row.card_number !== null
      ? {
          card: {
            cardNumber: row.card_number,
            issuingAuthority: row.card_issuing_authority ?? '',
            issueDate: row.card_issue_date ?? '',
            expiryDate: row.card_expiry_date ?? '',
          },
        }
      : {}),
    ...(row.cancellation_reason !== null ? { cancellationReason: row.cancellation_reason as CancellationReason } : {}),
  };
  return record;
}
