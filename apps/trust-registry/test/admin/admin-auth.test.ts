import { isZzError } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { createAdminAuthenticator, parseAdminTokens } from '../../src/index.js';

const TOKEN = 'a'.repeat(16);

describe('admin tokens', () => {
  it('parses actor:token entries and bare tokens (actor admin)', () => {
    expect(parseAdminTokens(`ops-1:${TOKEN}, ${'b'.repeat(20)}\nsec.2:${'c'.repeat(16)}:x`)).toEqual([
      { actor: 'ops-1', token: TOKEN },
      { actor: 'admin', token: 'b'.repeat(20) },
      { actor: 'sec.2', token: `${'c'.repeat(16)}:x` },
    ]);
    expect(parseAdminTokens(undefined)).toEqual([]);
    expect(parseAdminTokens('  ')).toEqual([]);
  });

  it('refuses short tokens without echoing them', () => {
    for (const bad of ['ops:short', 'tooshort', 'ops-1:aaaaaaaaaaaaaaa']) {
      try {
        parseAdminTokens(bad);
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_CONFIG_INVALID')).toBe(true);
        expect((error as Error).message).not.toContain('short');
        expect((error as Error).message).not.toContain('aaaa');
      }
    }
    expect(() => createAdminAuthenticator([{ token: 'x', actor: 'a' }])).toThrow();
    expect(() => createAdminAuthenticator([{ token: TOKEN, actor: 'no spaces' }])).toThrow();
  });

  it('authenticates the bearer token in constant time, naming the actor', () => {
    const auth = createAdminAuthenticator([
      { token: TOKEN, actor: 'ops-1' },
      { token: 'b'.repeat(40), actor: 'ops-2' },
    ]);
    expect(auth.authenticate(`Bearer ${TOKEN}`)).toEqual({ actor: 'ops-1' });
    expect(auth.authenticate(`bearer ${'b'.repeat(40)}`)).toEqual({ actor: 'ops-2' });
    for (const header of [undefined, '', 'Bearer', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`, `Bearer ${'a'.repeat(15)}`]) {
      try {
        auth.authenticate(header);
        expect.unreachable();
      } catch (error) {
        expect(isZzError(error, 'ERR_ADMIN_UNAUTHENTICATED'), String(header)).toBe(true);
      }
    }
    // no token configured: every call is refused
    expect(() => createAdminAuthenticator([]).authenticate(`Bearer ${TOKEN}`)).toThrow();
  });
});
