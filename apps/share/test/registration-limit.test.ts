import { publicKeyToJwk } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createDatabase } from '@zhengzhao/server-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShareDatabase } from '../src/index.js';
import { openShareFixture, type ShareFixture } from './helpers/share-fixture.js';

describe('open routes are bounded per client address', () => {
  const database = createDatabase<ShareDatabase>({ file: ':memory:' });
  let f: ShareFixture;
  beforeAll(async () => {
    f = await openShareFixture(database, undefined, {
      registrationRateLimit: { max: 2, windowMs: 60_000 },
      agencyRateLimit: { max: 3, windowMs: 60_000 },
    });
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

  it('refuses agency calls beyond the budget (each refused call would otherwise fill the log)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await f.app.inject({ method: 'POST', url: '/agency/requests', payload: { request: 'x.y.z' } });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 3).every((code) => code === 401)).toBe(true);
    expect(codes[3]).toBe(429);
  });
});
