/**
 * True when `error` is a unique or primary-key constraint violation on either engine
 * (PostgreSQL SQLSTATE 23505; SQLite `SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY`), so a repository
 * can turn a duplicate into its own typed error.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
