/**
 * Test helpers (`@zhengzhao/server-kit/testing`): databases on both engines. Imports vitest, so
 * it is a separate entry point that production code never loads.
 */
export { type DatabaseTestContext, describeEachDatabase } from './describe-each-database.js';
export { openTestDatabase, TEST_POSTGRES_URLS, type TestDatabase, testDatabaseDialects } from './open-test-database.js';
