export { BytesResultPlugin } from './bytes-result-plugin.js';
export { type ColumnTypes, columnTypes } from './column-types.js';
export {
  createDatabase,
  type Database,
  type DatabaseDialect,
  type DatabaseOptions,
  DEFAULT_SQLITE_FILE,
} from './create-database.js';
export { isUniqueViolation } from './is-unique-violation.js';
export { type DatabaseMigration, migrateToLatest } from './migrate-to-latest.js';
