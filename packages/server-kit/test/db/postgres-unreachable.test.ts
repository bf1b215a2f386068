import { isZzError } from '@zhengzhao/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../src/testing/index.js';

describe('an unreachable PostgreSQL fails the tests loudly', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('rejects openTestDatabase with ERR_DB_UNAVAILABLE and says how to skip', async () => {
    vi.stubEnv('ZZ_TEST_POSTGRES_URL', 'postgres://postgres@127.0.0.1:1/test');
    await expect(openTestDatabase('postgres')).rejects.toSatisfy(
      (e) => isZzError(e, 'ERR_DB_UNAVAILABLE') && (e as Error).message.includes('ZZ_SKIP_POSTGRES=1'),
    );
  });
});
