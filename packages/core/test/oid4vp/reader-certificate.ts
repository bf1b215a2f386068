import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createStaticTrustSource, decodeBase64url, type Signer, type TrustSource } from '../../src/index.js';

/** OID of ISO 18013-5 reader authentication certificates (id-mdlReaderAuth). */
export const READER_AUTH_EKU = '1.0.18013.5.1.6';

export interface TestReader {
  readonly signer: Signer;
  readonly x5c: Uint8Array[];
  readonly trust: TrustSource;
  readonly rootDer: Uint8Array;
}

const DAY = 86_400_000;
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A verifier (relying party) root and leaf certificate with a DNS SAN, made with @peculiar/x509. */
export async function createTestReader(host: string, now: Date): Promise<TestReader> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const platform = createNodePlatform();
  const rootKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const leafKeys = (await webcrypto.subtle.generateKey(alg, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + 365 * DAY);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'C=CN, O=Zhengzhao Test RP, CN=Test RP Root',
    notBefore,
    notAfter,
    signingAlgorithm: alg,
    keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `C=CN, O=Zhengzhao Test RP, CN=${host}`,
    issuer: root.subject,
    notBefore,
    notAfter,
    signingAlgorithm: alg,
    publicKey: leafKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([READER_AUTH_EKU], true),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: host }]),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const jwk = await webcrypto.subtle.exportKey('jwk', leafKeys.privateKey);
  const signer = await platform.suite('ES256').importSigner(decodeBase64url(jwk.d as string));
  const rootDer = new Uint8Array(root.rawData);
  return {
    signer,
    x5c: [new Uint8Array(leaf.rawData)],
    rootDer,
    trust: createStaticTrustSource({ platform, roots: [rootDer], leafExtendedKeyUsage: READER_AUTH_EKU }),
  };
}
