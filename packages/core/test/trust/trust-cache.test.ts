import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestAuthority } from '@zhengzhao/test-kit';
import { describe, expect, it } from 'vitest';
import { createStaticTrustSource, isZzError, type Platform } from '../../src/index.js';

/** A platform that counts signature verifications, to see when a chain is validated again. */
function countingPlatform(): { platform: Platform; verifications: () => number } {
  const base = createNodePlatform();
  let count = 0;
  const platform: Platform = {
    ...base,
    suite(id) {
      const suite = base.suite(id);
      return {
        ...suite,
        verify(publicKey, data, signature) {
          count++;
          return suite.verify(publicKey, data, signature);
        },
      };
    },
  };
  return { platform, verifications: () => count };
}

describe('static trust source: validated chains are remembered', () => {
  it('validates a chain once, reports its validity window, and re-validates outside it', async () => {
    const now = new Date('2026-03-01T08:00:00Z');
    const authority = await createTestAuthority({ platform: createNodePlatform(), suite: 'ES256', now });
    const { platform, verifications } = countingPlatform();
    const trust = createStaticTrustSource({ platform, roots: [authority.root.der] });

    const first = await trust.resolveChain(authority.chain, { now });
    const afterFirst = verifications();
    expect(afterFirst).toBeGreaterThan(0);
    const second = await trust.resolveChain(authority.chain, { now: new Date(now.getTime() + 60_000) });
    expect(verifications()).toBe(afterFirst);
    expect(second).toBe(first);
    expect(first.validity?.notBefore.getTime()).toBe(authority.documentSigner.certificate.notBefore.getTime());
    expect(first.validity?.notAfter.getTime()).toBeLessThanOrEqual(authority.root.certificate.notAfter.getTime());

    const afterExpiry = new Date((first.validity?.notAfter.getTime() ?? 0) + 1000);
    const outcome = await trust.resolveChain(authority.chain, { now: afterExpiry }).catch((error: unknown) => error);
    expect(isZzError(outcome, 'ERR_TRUST_CERT_EXPIRED')).toBe(true);
  });
});
