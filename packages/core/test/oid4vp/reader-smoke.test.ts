import { describe, expect, it } from 'vitest';
import { certificateDnsNames } from '../../src/index.js';
import { createTestReader } from './reader-certificate.js';

describe('test reader certificate', () => {
  it('resolves through the static trust source and exposes its DNS SAN', async () => {
    const now = new Date('2026-06-01T08:00:00Z');
    const reader = await createTestReader('verifier.example.org', now);
    const resolution = await reader.trust.resolveChain(reader.x5c, { now });
    expect(resolution.publicKey.point).toEqual(reader.signer.publicKey.point);
    expect(certificateDnsNames(reader.x5c[0] as Uint8Array)).toEqual(['verifier.example.org']);
  });
});
