import {
  createX509Certificate,
  normaliseOid,
  parseCertificate,
  TRUST_REGISTRY_OID,
  X509_OID,
  ZzError,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';

const platform = createNodePlatform();

describe('certificate extensions beyond Annex B: DNS names, private extensions, UUID-arc OIDs', () => {
  it('normaliseOid turns asn1js big-arc notation back into decimal and leaves others alone', () => {
    expect(normaliseOid('2.25.{037e136f031f2d32224b0019007e035d226d4d}.1')).toBe(TRUST_REGISTRY_OID.trustListSigner);
    expect(normaliseOid(X509_OID.mdlReaderAuth)).toBe(X509_OID.mdlReaderAuth);
  });

  it('writes and reads dNSName SANs, a private extension and a UUID-arc EKU', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const value = Uint8Array.of(0x0c, 0x02, 0x68, 0x69); // UTF8String "hi"
    const der = await createX509Certificate({
      platform,
      signer,
      issuer: { country: 'CN', commonName: 'Root' },
      subject: { country: 'CN', commonName: 'Leaf' },
      subjectPublicKey: signer.publicKey,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
      extensions: {
        keyUsage: ['digitalSignature'],
        extendedKeyUsage: [TRUST_REGISTRY_OID.trustListSigner],
        subjectAlternativeDnsNames: ['Verifier.Example.CN'],
        otherExtensions: [{ oid: TRUST_REGISTRY_OID.relyingPartyRegistration, value }],
      },
    });
    const parsed = parseCertificate(der);
    expect(parsed.extendedKeyUsage).toEqual([TRUST_REGISTRY_OID.trustListSigner]);
    expect(parsed.subjectAlternativeDnsNames).toEqual(['verifier.example.cn']);
    expect(parsed.otherExtensions?.get(TRUST_REGISTRY_OID.relyingPartyRegistration)).toEqual(value);
    expect(parsed.unhandledCriticalExtensions).toEqual([]);
  });

  it('refuses a malformed extension OID, an empty DNS list and a non-byte value', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const base = {
      platform,
      signer,
      issuer: { country: 'CN', commonName: 'Root' },
      subject: { country: 'CN', commonName: 'Leaf' },
      subjectPublicKey: signer.publicKey,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    };
    for (const extensions of [
      { otherExtensions: [{ oid: 'not an oid', value: Uint8Array.of(5, 0) }] },
      { subjectAlternativeDnsNames: [] },
      { otherExtensions: [{ oid: '1.2.3', value: 'x' as unknown as Uint8Array }] },
    ]) {
      await expect(createX509Certificate({ ...base, extensions })).rejects.toBeInstanceOf(ZzError);
    }
  });
});
