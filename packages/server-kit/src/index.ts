/**
 * @zhengzhao/server-kit — shared service plumbing (STYLE.md §9–10, DESIGN.md §4 and §6):
 * HTTP app factory with RFC 9457 problem details, redacting logs, typed config, SQLite/PostgreSQL
 * through Kysely with one migration set, encrypted key store, NATS connection.
 * Test helpers live in `@zhengzhao/server-kit/testing`. See docs/adr/0007-services-storage-and-keys.md.
 */
export * from './config/index.js';
export * from './db/index.js';
export * from './http/index.js';
export * from './keys/index.js';
export * from './logging/index.js';
export * from './merkle-log/index.js';
export * from './nats/index.js';
