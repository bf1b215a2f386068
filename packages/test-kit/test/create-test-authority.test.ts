import { isZzError, validateCertificateChain, X509_OID } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import { createTestAuthority, fixedClock, hasSuite } from '../src/index.js';

const platform = createNodePlatform();

describe('fixedClock', () => {
  it('stays put, moves on request, and hands out copies', () => {
    const clock = fixedClock('2026-03-01T08:00:00Z');
    const first = clock.now();
    first.setUTCFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(clock.advance(90).now().toISOString()).toBe('2026-03-01T08:01:30.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.now().getTime()).toBe(Date.UTC(2027, 0, 1));
    expect(() => fixedClock('yesterday')).toThrow(TypeError);
  });
});

describe.each([
  ['ES256', true],
  ['SM2', hasSuite(platform, 'SM2')],
] as const)('createTestAuthority %s', (suite, available) => {
  it.skipIf(!available)('builds a valid authority and failing variants', async () => {
    const now = fixedClock('2026-03-01T08:00:00Z').now();
    const a = await createTestAuthority({ platform, suite, now });
    expect(a.suite).toBe(suite);
    expect(a.root.pem).toContain('BEGIN CERTIFICATE');
    expect(a.documentSigner.certificate.extendedKeyUsage).toEqual([X509_OID.mdlDocumentSigner]);
    expect(a.chain).toEqual([a.documentSigner.der]);
    const roots = [a.root.certificate];
    await expect(validateCertificateChain(platform, a.chain, roots, { now })).resolves.toBeDefined();
    const cases = [
      [a.variants.expiredDocumentSigner, 'ERR_TRUST_CERT_EXPIRED'],
      [a.variants.notYetValidDocumentSigner, 'ERR_TRUST_CERT_NOT_YET_VALID'],
      [a.variants.wrongKeyUsageDocumentSigner, 'ERR_TRUST_KEY_USAGE'],
      [a.variants.untrustedDocumentSigner, 'ERR_TRUST_UNTRUSTED_ROOT'],
    ] as const;
    for (const [cert, code] of cases) {
      const error = await validateCertificateChain(platform, [cert.der], roots, { now }).catch((e: unknown) => e);
      expect(isZzError(error, code)).toBe(true);
    }
    const signature = await a.documentSigner.signer.sign(Uint8Array.of(1, 2, 3));
    const key = (await a.trustSource.resolveKid(a.kid, { now })).publicKey;
    expect(await platform.suite(suite).verify(key.point, Uint8Array.of(1, 2, 3), signature)).toBe(true);
  });
});
