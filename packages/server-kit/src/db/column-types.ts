import type { DatabaseDialect } from './create-database.js';

/**
 * Column types that mean the same on SQLite and PostgreSQL, for migrations written once
 * (docs/adr/0007-services-storage-and-keys.md):
 * - `bytes`: `blob` / `bytea`, read back as `Uint8Array`;
 * - `bigint`: 64-bit integer (`bigint` has INTEGER affinity in SQLite), read back as a JS number
 *   within ±2^53−1;
 * - `timestamp`: an instant as integer epoch milliseconds in a `bigint` column (`now.getTime()`);
 *   no driver date parsing, no time zones, sorts and compares as a number;
 * - `boolean`: `integer` 0/1 (SQLite has no boolean type);
 * - `json`: `text` holding `JSON.stringify` output;
 * - `text`, `integer`: themselves.
 * Identifiers are application-generated `text` (random, never sequential), so no autoincrement.
 */
export function columnTypes(dialect: DatabaseDialect) {
  return {
    bytes: dialect === 'postgres' ? 'bytea' : 'blob',
    bigint: 'bigint',
    timestamp: 'bigint',
    boolean: 'integer',
    json: 'text',
    text: 'text',
    integer: 'integer',
  } as const;
}

/** The column types of {@link columnTypes}. */
export type ColumnTypes = ReturnType<typeof columnTypes>;
