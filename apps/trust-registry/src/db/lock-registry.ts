import type { RegistryDb } from '../context.js';

/**
 * Takes the registry's write lock for the rest of the transaction: the one `trust_list_head` row,
 * updated first thing. PostgreSQL holds the row lock until commit (later statements of the
 * transaction then see every change committed before it); SQLite has one writer at a time
 * anyway. Changes, their audit entries and the trust-list version they publish thus go one at
 * a time, across processes too.
 */
export async function lockRegistry(tx: RegistryDb, now: Date): Promise<void> {
  await tx.updateTable('trust_list_head').set({ locked_at: now.getTime() }).where('id', '=', 1).execute();
}
