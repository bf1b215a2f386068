/**
 * The registry's tables as Kysely sees them (created by `registryMigrations`). Times are not
 * stored here (events carry `occurredAt`); integers are JS numbers on both engines.
 */
export interface RegistryPersonsTable {
  person_id: string;
  id_number: string;
  family_name: string;
  given_name: string;
  full_name: string;
  sex: number;
  birth_date: string;
  ethnicity: string;
  region_code: string;
  city: string;
  district: string;
  street: string;
  portrait_seed: number;
  card_state: string;
  /** Null while the person never had a card. */
  card_number: string | null;
  card_issuing_authority: string | null;
  card_issue_date: string | null;
  card_expiry_date: string | null;
  cancellation_reason: string | null;
  sequence: number;
}

export interface RegistryOutboxTable {
  position: number;
  event_id: string;
  person_id: string;
  sequence: number;
  type: string;
  /** `encodeCardEvent(event)`. */
  body: string;
}

export interface RegistryCursorsTable {
  consumer: string;
  position: number;
}

export interface RegistryDatabase {
  registry_persons: RegistryPersonsTable;
  registry_outbox: RegistryOutboxTable;
  registry_cursors: RegistryCursorsTable;
}
