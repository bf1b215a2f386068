import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  isZzError,
  parseCertificate,
  type SuiteId,
  toHex,
  X509_OID,
} from '../../src/index.js';

const platform = createNodePlatform();
const hasSm2 = (() => {
  try {
    platform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();

const NOW = new Date('2026-03-01T08:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const ROOT_SUBJECT = {
  country: 'CN',
  stateOrProvince: '广东省',
  organization: '广东省公安厅',
  commonName: '广东省 IACA',
};
const DS_SUBJECT = { country: 'CN', stateOrProvince: '广东省', commonName: '广东省 DS 1' };

async function issue(suite: SuiteId) {
  const crypto = platform.suite(suite);
  const rootSigner = await crypto.generateSigner();
  const dsSigner = await crypto.generateSigner();
  const rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: ROOT_SUBJECT,
    notBefore: NOW,
    notAfter: days(3650),
    issuerAlternativeName: { uri: 'https://gd.zhengzhao.test' },
    crlDistributionPoint: 'https://gd.zhengzhao.test/crl/iaca.crl',
  });
  const dsDer = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: rootDer,
    subjectPublicKey: dsSigner.publicKey,
    subject: DS_SUBJECT,
    notBefore: NOW,
    notAfter: days(457),
  });
  return { rootSigner, dsSigner, rootDer, dsDer, root: parseCertificate(rootDer), ds: parseCertificate(dsDer) };
}

async function expectCode(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isZzError(error) ? error.code : error).toBe(code);
}

describe.each([
  ['ES256', true],
  ['SM2', hasSm2],
] as const)('Annex B certificates, %s', (suite, available) => {
  it.skipIf(!available)('IACA root follows ISO 18013-5 Annex B.1.2', async () => {
    const { root, rootSigner } = await issue(suite);
    expect(root.version).toBe(3);
    expect(root.signatureAlgorithm).toBe(suite);
    expect(root.publicKey).toEqual(rootSigner.publicKey);
    expect(root.subject.display).toBe('CN=广东省 IACA,O=广东省公安厅,ST=广东省,C=CN');
    expect(root.issuer.der).toEqual(root.subject.der);
    expect(root.basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(root.keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(root.extendedKeyUsage).toBeUndefined();
    expect(root.subjectKeyIdentifier).toHaveLength(20);
    expect(root.issuerAlternativeName).toEqual(['uri:https://gd.zhengzhao.test']);
    expect(root.crlDistributionPoints).toEqual(['https://gd.zhengzhao.test/crl/iaca.crl']);
    expect(root.notBefore).toEqual(NOW);
    expect(root.notAfter).toEqual(days(3650));
    // serial: 16 octets, positive, not minimal-violating
    expect(root.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
    const verified = await platform.suite(suite).verify(rootSigner.publicKey.point, root.tbsBytes, root.signature);
    expect(verified).toBe(true);
  });

  it.skipIf(!available)('document signer follows ISO 18013-5 Annex B.1.4', async () => {
    const { ds, root, dsSigner, rootSigner } = await issue(suite);
    expect(ds.publicKey).toEqual(dsSigner.publicKey);
    expect(ds.issuer.der).toEqual(root.subject.der);
    expect(ds.subject.country).toBe('CN');
    expect(ds.subject.commonName).toBe('广东省 DS 1');
    expect(ds.keyUsage).toEqual(['digitalSignature']);
    expect(ds.extendedKeyUsage).toEqual([X509_OID.mdlDocumentSigner]);
    expect(ds.basicConstraints).toBeUndefined();
    expect(ds.authorityKeyIdentifier).toEqual(root.subjectKeyIdentifier);
    expect(toHex(ds.subjectKeyIdentifier ?? new Uint8Array())).not.toBe(
      toHex(root.subjectKeyIdentifier ?? new Uint8Array()),
    );
    expect(ds.issuerAlternativeName).toEqual(root.issuerAlternativeName);
    expect(ds.unhandledCriticalExtensions).toEqual([]);
    expect(await platform.suite(suite).verify(rootSigner.publicKey.point, ds.tbsBytes, ds.signature)).toBe(true);
  });

  it.skipIf(!available)('two certificates of one key get different random serial numbers', async () => {
    const a = await issue(suite);
    const b = await issue(suite);
    expect(a.ds.serialNumber).not.toBe(b.ds.serialNumber);
  });
});

describe('Annex B profile rules are enforced', () => {
  it('refuses a DS validity over 457 days', async () => {
    const { rootSigner, rootDer, dsSigner } = await issue('ES256');
    const base = {
      platform,
      issuerSigner: rootSigner,
      issuerCertificate: rootDer,
      subjectPublicKey: dsSigner.publicKey,
      subject: DS_SUBJECT,
      notBefore: NOW,
    };
    await expectCode(createDocumentSignerCertificate({ ...base, notAfter: days(458) }), 'ERR_X509_PROFILE');
    await expectCode(createDocumentSignerCertificate({ ...base, notAfter: NOW }), 'ERR_X509_PROFILE');
  });

  it('refuses an IACA validity over 20 years and a bad country', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const base = {
      platform,
      signer,
      subject: ROOT_SUBJECT,
      notBefore: NOW,
      notAfter: days(3650),
      issuerAlternativeName: { email: 'pki@gd.zhengzhao.test' },
    };
    await expectCode(createIacaRootCertificate({ ...base, notAfter: days(7306) }), 'ERR_X509_PROFILE');
    await expectCode(
      createIacaRootCertificate({ ...base, subject: { ...ROOT_SUBJECT, country: 'China' } }),
      'ERR_X509_PROFILE',
    );
    await expectCode(
      createIacaRootCertificate({ ...base, subject: { ...ROOT_SUBJECT, commonName: '' } }),
      'ERR_X509_PROFILE',
    );
    const withEmail = parseCertificate(await createIacaRootCertificate(base));
    expect(withEmail.issuerAlternativeName).toEqual(['email:pki@gd.zhengzhao.test']);
  });

  it('checks caller-given serial numbers', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const base = {
      platform,
      signer,
      subject: ROOT_SUBJECT,
      notBefore: NOW,
      notAfter: days(30),
      issuerAlternativeName: { uri: 'https://gd.zhengzhao.test' },
    };
    const ok = parseCertificate(
      await createIacaRootCertificate({ ...base, serialNumber: Uint8Array.of(0x00, 0x80, 1) }),
    );
    expect(ok.serialNumber).toBe('008001');
    for (const serialNumber of [
      new Uint8Array(21).fill(1),
      Uint8Array.of(0x80),
      Uint8Array.of(0),
      Uint8Array.of(0, 1),
      new Uint8Array(),
    ]) {
      await expectCode(createIacaRootCertificate({ ...base, serialNumber }), 'ERR_X509_PROFILE');
    }
  });

  it('refuses a DS whose country differs from the IACA or whose issuer key does not match', async () => {
    const { rootDer, rootSigner, dsSigner } = await issue('ES256');
    const other = await platform.suite('ES256').generateSigner();
    const base = {
      platform,
      issuerCertificate: rootDer,
      subjectPublicKey: dsSigner.publicKey,
      notBefore: NOW,
      notAfter: days(100),
    };
    await expectCode(
      createDocumentSignerCertificate({ ...base, issuerSigner: rootSigner, subject: { ...DS_SUBJECT, country: 'HK' } }),
      'ERR_X509_PROFILE',
    );
    await expectCode(
      createDocumentSignerCertificate({ ...base, issuerSigner: other, subject: DS_SUBJECT }),
      'ERR_CRYPTO_KEY_INVALID',
    );
  });

  it('refuses to issue a DS from a non-CA certificate', async () => {
    const { dsDer, dsSigner } = await issue('ES256');
    await expectCode(
      createDocumentSignerCertificate({
        platform,
        issuerSigner: dsSigner,
        issuerCertificate: dsDer,
        subjectPublicKey: dsSigner.publicKey,
        subject: DS_SUBJECT,
        notBefore: NOW,
        notAfter: days(100),
      }),
      'ERR_X509_PROFILE',
    );
  });
});
