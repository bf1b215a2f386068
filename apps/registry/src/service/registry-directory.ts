import type { PersonRecord } from '../registry-store.js';

/**
 * Look-ups the clerk's service needs beyond `RegistryStore` (implemented by the SQL store with
 * indexes; the in-memory store is for the domain tests and does not need them).
 */
export interface RegistryDirectory {
  /** The person whose current (or last) card has this number. */
  findPersonByCardNumber(cardNumber: string): Promise<PersonRecord | undefined>;
  /** Up to `limit` persons (1–100) ordered by `personId`, after `afterPersonId` if given. */
  listPersons(options: { readonly afterPersonId?: string; readonly limit: number }): Promise<readonly PersonRecord[]>;
  /** How many persons are registered. */
  countPersons(): Promise<number>;
}
