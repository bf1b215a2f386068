import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import {
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  encodeCertificatePem,
  parseCertificate,
  validateCertificateChain,
  X509_OID,
} from '../../src/index.js';
import { withSm2Oracle } from './sm2-oracle.js';

const nodePlatform = createNodePlatform();
const platform = withSm2Oracle(nodePlatform);
const hasSm2 = (() => {
  try {
    nodePlatform.suite('SM2');
    return true;
  } catch {
    return false;
  }
})();
const NOW = new Date('2026-03-01T08:00:00Z');
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
})();

async function issueSm2() {
  const suite = platform.suite('SM2');
  const rootSigner = await suite.generateSigner();
  const dsSigner = await suite.generateSigner();
  const rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', stateOrProvince: '北京市', organization: '北京市公安局', commonName: '北京 SM2 IACA' },
    notBefore: NOW,
    notAfter: days(3650),
    issuerAlternativeName: { uri: 'https://bj.zhengzhao.test' },
  });
  const dsDer = await createDocumentSignerCertificate({
    platform,
    issuerSigner: rootSigner,
    issuerCertificate: rootDer,
    subjectPublicKey: dsSigner.publicKey,
    subject: { country: 'CN', stateOrProvince: '北京市', commonName: '北京 SM2 DS' },
    notBefore: NOW,
    notAfter: days(365),
  });
  return { rootDer, dsDer };
}

describe('SM2 certificates (GM/T 0015 OIDs) with the sm-crypto-v2 oracle suite', () => {
  it('encode SM2-with-SM3 and the sm2p256v1 SPKI, and validate as a chain', async () => {
    const { rootDer, dsDer } = await issueSm2();
    const ds = parseCertificate(dsDer);
    expect(ds.signatureAlgorithm).toBe('SM2');
    expect(ds.publicKey.suite).toBe('SM2');
    const result = await validateCertificateChain(platform, [dsDer], [parseCertificate(rootDer)], { now: days(1) });
    expect(result.leaf.subject.commonName).toBe('北京 SM2 DS');
  });

  it.skipIf(!hasSm2)('cross-verify between the platform SM2 suite and the oracle', async () => {
    const { rootDer, dsDer } = await issueSm2();
    const roots = [parseCertificate(rootDer)];
    await expect(validateCertificateChain(nodePlatform, [dsDer], roots, { now: days(1) })).resolves.toBeDefined();
    const native = nodePlatform.suite('SM2');
    const rootSigner = await native.generateSigner();
    const nativeRoot = await createIacaRootCertificate({
      platform: nodePlatform,
      signer: rootSigner,
      subject: { country: 'CN', organization: 'Native', commonName: 'Native SM2 IACA' },
      notBefore: NOW,
      notAfter: days(100),
      issuerAlternativeName: { uri: 'https://native.zhengzhao.test' },
    });
    const parsed = parseCertificate(nativeRoot);
    expect(await platform.suite('SM2').verify(parsed.publicKey.point, parsed.tbsBytes, parsed.signature)).toBe(true);
  });

  it('parse in node:crypto X509Certificate', async () => {
    const { rootDer, dsDer } = await issueSm2();
    const ds = new X509Certificate(dsDer);
    const root = new X509Certificate(rootDer);
    expect(ds.checkIssued(root)).toBe(true);
    expect(ds.serialNumber.toLowerCase()).toBe(parseCertificate(dsDer).serialNumber);
    expect(root.ca).toBe(true);
  });

  it.skipIf(!hasOpenssl)('parse in openssl x509 -text with the GM/T OIDs and verify in openssl verify', async () => {
    const { rootDer, dsDer } = await issueSm2();
    const dir = mkdtempSync(join(tmpdir(), 'zz-sm2-'));
    writeFileSync(join(dir, 'root.pem'), encodeCertificatePem(rootDer));
    writeFileSync(join(dir, 'ds.pem'), encodeCertificatePem(dsDer));
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'ds.pem'), '-noout', '-text'], { encoding: 'utf8' });
    expect(text).toMatch(/SM2-with-SM3|SM2-SM3|1\.2\.156\.10197\.1\.501/);
    expect(text).toMatch(/SM2|1\.2\.156\.10197\.1\.301/);
    expect(text).toContain(X509_OID.mdlDocumentSigner);
    const rootText = execFileSync('openssl', ['x509', '-in', join(dir, 'root.pem'), '-noout', '-text'], {
      encoding: 'utf8',
    });
    expect(rootText).toMatch(/CA:TRUE, pathlen:0/);
    // OpenSSL 3.0 defaults to an empty SM2 ID for certificates; GM/T 0009 uses 1234567812345678.
    const attime = String(Math.floor(days(1).getTime() / 1000));
    const verify = execFileSync(
      'openssl',
      [
        'verify',
        '-attime',
        attime,
        '-vfyopt',
        'distid:1234567812345678',
        '-CAfile',
        join(dir, 'root.pem'),
        join(dir, 'ds.pem'),
      ],
      { encoding: 'utf8' },
    );
    expect(verify).toContain(': OK');
  });
});
