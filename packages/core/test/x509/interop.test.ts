import 'reflect-metadata';
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  decodeCertificatePem,
  encodeCertificatePem,
  parseCertificate,
  publicKeyToJwk,
  validateCertificateChain,
  X509_OID,
} from '../../src/index.js';

const platform = createNodePlatform();
const NOW = new Date('2026-03-01T08:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

let rootDer: Uint8Array;
let dsDer: Uint8Array;

beforeAll(async () => {
  x509.cryptoProvider.set(globalThis.crypto);
  const suite = platform.suite('ES256');
  const rootSigner = await suite.generateSigner();
  const dsSigner = await suite.generateSigner();
  rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', stateOrProvince: '广东省', organization: '广东省公安厅', commonName: '广东省 IACA' },
    notBefore: NOW,
    notAfter: days(3650),
    issuerAlternativeName: { uri: 'https://gd.zhengzhao.test' },
    crlDistributionPoint: 'https://gd.zhengzhao.test/crl',
  });
  dsDer = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: rootDer,
    subjectPublicKey: dsSigner.publicKey,
    subject: { country: 'CN', stateOrProvince: '广东省', commonName: '广东省 DS' },
    notBefore: NOW,
    notAfter: days(365),
  });
});

describe('ES256 certificates interoperate', () => {
  it('with @peculiar/x509: parse, extensions, signature', async () => {
    const root = new x509.X509Certificate(toArrayBuffer(rootDer));
    const ds = new x509.X509Certificate(toArrayBuffer(dsDer));
    expect(await root.verify({ publicKey: root.publicKey, date: days(1) })).toBe(true);
    expect(await ds.verify({ publicKey: root.publicKey, date: days(1) })).toBe(true);
    expect(await ds.verify({ publicKey: ds.publicKey, date: days(1) })).toBe(false);
    expect(await root.isSelfSigned()).toBe(true);
    expect(ds.issuer).toBe(root.subject);
    const bc = root.getExtension(x509.BasicConstraintsExtension);
    expect(bc?.ca).toBe(true);
    expect(bc?.pathLength).toBe(0);
    expect(bc?.critical).toBe(true);
    const eku = ds.getExtension(x509.ExtendedKeyUsageExtension);
    expect(eku?.usages).toEqual([X509_OID.mdlDocumentSigner]);
    expect(eku?.critical).toBe(true);
    const ku = ds.getExtension(x509.KeyUsagesExtension);
    expect(ku?.usages).toBe(x509.KeyUsageFlags.digitalSignature);
    const aki = ds.getExtension(x509.AuthorityKeyIdentifierExtension);
    const ski = root.getExtension(x509.SubjectKeyIdentifierExtension);
    expect(aki?.keyId).toBe(ski?.keyId);
    expect(ds.serialNumber.toLowerCase()).toBe(parseCertificate(dsDer).serialNumber);
  });

  it('with @peculiar/x509: a chain built by X509ChainBuilder', async () => {
    const root = new x509.X509Certificate(toArrayBuffer(rootDer));
    const ds = new x509.X509Certificate(toArrayBuffer(dsDer));
    const chain = await new x509.X509ChainBuilder({ certificates: [root] }).build(ds);
    expect(chain).toHaveLength(2);
  });

  it('with node:crypto X509Certificate: checkIssued and verify', () => {
    const root = new NodeX509Certificate(rootDer);
    const ds = new NodeX509Certificate(dsDer);
    expect(ds.checkIssued(root)).toBe(true);
    expect(ds.verify(root.publicKey)).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(ds.verify(ds.publicKey)).toBe(false);
    expect(root.ca).toBe(true);
    expect(ds.ca).toBe(false);
    expect(ds.keyUsage).toEqual([X509_OID.mdlDocumentSigner]);
    expect(new Date(ds.validTo).getTime()).toBe(days(365).getTime());
    expect(ds.publicKey.export({ format: 'jwk' })).toMatchObject(publicKeyToJwk(parseCertificate(dsDer).publicKey));
  });

  it('certificates made by @peculiar/x509 validate in ours', async () => {
    const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
    const rootKeys = await globalThis.crypto.subtle.generateKey(alg, false, ['sign', 'verify']);
    const dsKeys = await globalThis.crypto.subtle.generateKey(alg, false, ['sign', 'verify']);
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: '01',
      name: 'C=CN, O=Peculiar, CN=Peculiar IACA',
      notBefore: NOW,
      notAfter: days(3650),
      keys: rootKeys,
      signingAlgorithm: alg,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    const ds = await x509.X509CertificateGenerator.create({
      serialNumber: '02',
      subject: 'C=CN, CN=Peculiar DS',
      issuer: root.subject,
      notBefore: NOW,
      notAfter: days(365),
      publicKey: dsKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: alg,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([X509_OID.mdlDocumentSigner], true),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    const rootBytes = new Uint8Array(root.rawData);
    const dsBytes = decodeCertificatePem(ds.toString('pem'));
    const result = await validateCertificateChain(platform, [dsBytes], [parseCertificate(rootBytes)], { now: days(1) });
    expect(result.leaf.subject.display).toBe('CN=Peculiar DS,C=CN');
    expect(encodeCertificatePem(dsBytes).replace(/\s/g, '')).toBe(ds.toString('pem').replace(/\s/g, ''));
  });
});

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer;
}
