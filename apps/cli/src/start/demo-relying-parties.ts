import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { existsSync } from 'node:fs';
import * as x509 from '@peculiar/x509';
import { type EcPrivateJwk, encodeCertificatePem } from '@zhengzhao/core';
import { writeFileAtomic } from '@zhengzhao/server-kit';
import { readJsonFile } from '../io.js';

/** ISO/IEC 18013-5 reader authentication certificates (id-mdlReaderAuth, Annex B.1.7). */
export const READER_AUTH_EKU = '1.0.18013.5.1.6';

/** One relying party of the demo: its certificate chain (leaf first, PEM) and private key. */
export interface DemoRelyingParty {
  readonly organisation: { readonly 'zh-CN': string; readonly en: string };
  readonly certificateChainPem: readonly string[];
  readonly privateKeyJwk: EcPrivateJwk;
}

/**
 * The demo's relying-party authority and the two parties `zz start` runs: the counter app of a
 * hotel (an ISO 18013-5 reader certificate) and the government-service website (an OpenID4VP
 * access certificate, `x509_san_dns:localhost`). Wallets trust `rootPem` for both.
 */
export interface DemoRelyingParties {
  readonly rootPem: string;
  readonly counter: DemoRelyingParty;
  readonly website: DemoRelyingParty;
}

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

/**
 * Loads the demo relying parties from `path`, or makes them on first start (mode 0600 in the
 * data directory, never in the repository). A stand-in for relying-party registration: the
 * national trust registry (P4) will issue these certificates, each carrying its registration.
 */
export async function demoRelyingParties(path: string, now: Date): Promise<DemoRelyingParties> {
  if (existsSync(path)) return readJsonFile(path) as DemoRelyingParties;
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const rootKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + 3 * 365 * DAY);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=CN, O=Zhengzhao Demo Relying Parties, CN=Zhengzhao Demo Relying-Party Root',
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
    keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const leaf = async (serial: string, organisation: DemoRelyingParty['organisation'], dnsName?: string) => {
    const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
    const certificate = await x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject: `C=CN, O=${organisation.en}, CN=${dnsName ?? organisation.en}`,
      issuer: root.subject,
      notBefore,
      notAfter,
      signingAlgorithm: ALG,
      publicKey: keys.publicKey,
      signingKey: rootKeys.privateKey,
      extensions: [
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
        new x509.ExtendedKeyUsageExtension([READER_AUTH_EKU], true),
        ...(dnsName ? [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: dnsName }])] : []),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
      ],
    });
    const jwk = await webcrypto.subtle.exportKey('jwk', keys.privateKey);
    return {
      organisation,
      certificateChainPem: [encodeCertificatePem(new Uint8Array(certificate.rawData))],
      privateKeyJwk: { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d } as EcPrivateJwk,
    };
  };
  const parties: DemoRelyingParties = {
    rootPem: encodeCertificatePem(new Uint8Array(root.rawData)),
    counter: await leaf('02', { 'zh-CN': '示例酒店前台 (演示)', en: 'Demo Hotel Front Desk' }),
    website: await leaf('03', { 'zh-CN': '政务服务网 (演示)', en: 'Demo Government Services' }, 'localhost'),
  };
  await writeFileAtomic(path, `${JSON.stringify(parties, null, 2)}\n`);
  return parties;
}
