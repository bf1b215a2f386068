import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority, fixedClock, hasSuite, type TestAuthority } from '@zhengzhao/test-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  combineTrustSources,
  createStaticTrustSource,
  isZzError,
  type SuiteId,
  type TrustSource,
} from '../../src/index.js';

const platform = createNodePlatform();
const clock = fixedClock('2026-03-01T08:00:00Z');
const now = clock.now();

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return isZzError(error) ? error.code : `foreign: ${String(error)}`;
  }
}

describe.each([
  ['ES256', true],
  ['SM2', hasSuite(platform, 'SM2')],
] as [SuiteId, boolean][])('createStaticTrustSource, %s', (suite, available) => {
  let a: TestAuthority;
  beforeAll(async () => {
    if (available) a = await createTestAuthority({ platform, suite, now, province: 'Beijing', name: 'Beijing PSB' });
  });

  it.skipIf(!available)('resolves a chain to the leaf key and issuer description', async () => {
    const resolution = await a.trustSource.resolveChain(a.chain, { now });
    expect(resolution.publicKey).toEqual(a.documentSigner.signer.publicKey);
    expect(resolution.issuer).toEqual({
      name: 'CN=Beijing PSB DS,O=Beijing PSB,ST=Beijing,C=CN',
      suite,
      country: 'CN',
      trustAnchor: 'CN=Beijing PSB IACA,O=Beijing PSB,ST=Beijing,C=CN',
    });
  });

  it.skipIf(!available)('resolves a kid (first 8 bytes of SHA-256 of the DS certificate)', async () => {
    expect(a.kid).toHaveLength(8);
    const resolution = await a.trustSource.resolveKid(a.kid, { now });
    expect(resolution.publicKey).toEqual(a.documentSigner.signer.publicKey);
  });

  it.skipIf(!available)('answers kid lookups with the specific failure', async () => {
    expect(await codeOf(a.trustSource.resolveKid(new Uint8Array(8), { now }))).toBe('ERR_TRUST_KID_UNKNOWN');
    expect(await codeOf(a.trustSource.resolveKid(new Uint8Array(0), { now }))).toBe('ERR_TRUST_KID_UNKNOWN');
    expect(await codeOf(a.trustSource.resolveKid(a.variants.expiredDocumentSigner.kid, { now }))).toBe(
      'ERR_TRUST_CERT_EXPIRED',
    );
    expect(await codeOf(a.trustSource.resolveKid(a.variants.wrongKeyUsageDocumentSigner.kid, { now }))).toBe(
      'ERR_TRUST_KEY_USAGE',
    );
    expect(await codeOf(a.trustSource.resolveKid(a.variants.untrustedDocumentSigner.kid, { now }))).toBe(
      'ERR_TRUST_KID_UNKNOWN',
    );
    const later = clock.now();
    later.setUTCFullYear(later.getUTCFullYear() + 2);
    expect(await codeOf(a.trustSource.resolveKid(a.kid, { now: later }))).toBe('ERR_TRUST_CERT_EXPIRED');
  });

  it.skipIf(!available)('passes chain failures through', async () => {
    expect(await codeOf(a.trustSource.resolveChain([a.variants.untrustedDocumentSigner.der], { now }))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
    expect(await codeOf(a.trustSource.resolveChain([a.variants.notYetValidDocumentSigner.der], { now }))).toBe(
      'ERR_TRUST_CERT_NOT_YET_VALID',
    );
    expect(await codeOf(a.trustSource.resolveChain([], { now }))).toBe('ERR_TRUST_CHAIN_MISSING');
  });
});

describe('docType allow-lists', () => {
  it('limits a root to its credential types', async () => {
    const a = await createTestAuthority({ platform, suite: 'ES256', now, docTypes: ['cn.gov.eid.1'] });
    await expect(a.trustSource.resolveChain(a.chain, { now, docType: 'cn.gov.eid.1' })).resolves.toBeDefined();
    await expect(a.trustSource.resolveChain(a.chain, { now })).resolves.toBeDefined();
    expect(await codeOf(a.trustSource.resolveChain(a.chain, { now, docType: 'cn.gov.mdl.1' }))).toBe(
      'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
    );
    expect(await codeOf(a.trustSource.resolveKid(a.kid, { now, docType: 'cn.gov.mdl.1' }))).toBe(
      'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
    );
  });

  it('refuses malformed roots at creation', () => {
    expect(() => createStaticTrustSource({ platform, roots: [Uint8Array.of(1, 2, 3)] })).toThrowError(
      expect.objectContaining({ code: 'ERR_X509_MALFORMED' }),
    );
  });
});

describe('combineTrustSources', () => {
  let gd: TestAuthority;
  let bj: TestAuthority;
  let combined: TrustSource;
  beforeAll(async () => {
    gd = await createTestAuthority({ platform, suite: 'ES256', now, province: 'Guangdong' });
    bj = await createTestAuthority({ platform, suite: 'ES256', now, province: 'Beijing' });
    combined = combineTrustSources(gd.trustSource, bj.trustSource);
  });

  it('answers from whichever source knows the issuer', async () => {
    expect((await combined.resolveChain(gd.chain, { now })).publicKey).toEqual(gd.documentSigner.signer.publicKey);
    expect((await combined.resolveChain(bj.chain, { now })).publicKey).toEqual(bj.documentSigner.signer.publicKey);
    expect((await combined.resolveKid(bj.kid, { now })).issuer.name).toContain('ST=Beijing');
  });

  it('reports the specific failure over "not mine"', async () => {
    expect(await codeOf(combined.resolveChain([bj.variants.expiredDocumentSigner.der], { now }))).toBe(
      'ERR_TRUST_CERT_EXPIRED',
    );
    expect(await codeOf(combined.resolveKid(bj.variants.notYetValidDocumentSigner.kid, { now }))).toBe(
      'ERR_TRUST_CERT_NOT_YET_VALID',
    );
    expect(await codeOf(combined.resolveChain([gd.variants.untrustedDocumentSigner.der], { now }))).toBe(
      'ERR_TRUST_UNTRUSTED_ROOT',
    );
    expect(await codeOf(combined.resolveKid(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), { now }))).toBe(
      'ERR_TRUST_KID_UNKNOWN',
    );
  });
});
