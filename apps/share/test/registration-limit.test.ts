import { publicKeyToJwk } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createDatabase } from '@zhengzhao/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareDatabase } from '../src/index.js';
import { openShareFixture, type ShareFixture } from './helpers/share-fixture.js';

describe('wallet registration is open, and bounded per client address', () => {
  const database = createDatabase<ShareDatabase>({ file: ':memory:' });
  let f: ShareFixture;
  beforeAll(async () => {
    f = await openShareFixture(database, undefined, { registrationRateLimit: { max: 2, windowMs: 60_000 } });
  });
  afterAll(async () => {
    await f.app.close();
    await database.close();
  });

  it('refuses the third registration in a minute with 429 and Retry-After', async () => {
    const platform = createNodePlatform();
    const register = async () => {
      const key = await platform.suite('ES256').generateSigner();
      return f.app.inject({ method: 'POST', url: '/holders', payload: { public_jwk: publicKeyToJwk(key.publicKey) } });
    };
    expect((await register()).statusCode).toBe(201);
    expect((await register()).statusCode).toBe(201);
    const third = await register();
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('ERR_HTTP_TOO_MANY_REQUESTS');
    expect(third.headers['retry-after']).toBeDefined();
  });
});
