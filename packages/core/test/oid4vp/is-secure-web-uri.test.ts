import { describe, expect, it } from 'vitest';
import { isSecureWebUri } from '../../src/index.js';

describe('isSecureWebUri (https, or http on loopback only)', () => {
  it('accepts https anywhere and http on the loopback interface', () => {
    for (const uri of [
      'https://verifier.example.gov.cn/oid4vp/responses/abc',
      'http://localhost:8730/oid4vp/responses/abc',
      'http://127.0.0.1:8730/x',
      'http://[::1]:8730/x',
    ]) {
      expect(isSecureWebUri(uri), uri).toBe(true);
    }
  });

  it('refuses plain http elsewhere, other schemes, credentials in the URL and non-strings', () => {
    for (const uri of [
      'http://verifier.example.gov.cn/x',
      'http://localhost.example.com/x',
      'http://127.0.0.2/x',
      'http://10.0.0.1/x',
      'javascript:alert(1)',
      'ws://localhost/x',
      'file:///etc/passwd',
      'https://user:pass@verifier.example.gov.cn/x',
      '/relative',
      '',
      42,
      null,
      undefined,
    ]) {
      expect(isSecureWebUri(uri), String(uri)).toBe(false);
    }
  });
});
