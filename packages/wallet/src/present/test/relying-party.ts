import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import {
  createStaticTrustSource,
  decodeBase64url,
  type Platform,
  type Signer,
  type TrustSource,
  X509_OID,
} from '@zhengzhao/core';

/** A relying party (hotel reader, website verifier): its root, its reader certificate and key. */
export interface TestRelyingParty {
  readonly signer: Signer;
  /** Leaf first: the x5chain of readerAuth, the x5c of a Request Object. */
  readonly chain: readonly Uint8Array[];
  readonly rootDer: Uint8Array;
  /** Trusts this root, requiring id-mdlReaderAuth on the leaf (as a wallet does). */
  readonly trust: TrustSource;
}

export interface TestRelyingPartyOptions {
  readonly platform: Platform;
  readonly now: Date;
  /** dNSName SAN of the leaf (OpenID4VP `x509_san_dns:`). */
  readonly host?: string;
  readonly organisation?: string;
  readonly commonName?: string;
  /** Leave out id-mdlReaderAuth (a certificate that must not authenticate a reader). */
  readonly withoutReaderEku?: boolean;
  /** Validity of the leaf, in days around `now` (default -1 … 365). */
  readonly leafDays?: readonly [number, number];
}

const DAY = 86_400_000;
const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/**
 * Creates a relying-party root and leaf with @peculiar/x509 (the test-kit has issuer authorities
 * only): the leaf carries id-mdlReaderAuth (ISO/IEC 18013-5 Annex B.1.7) and a dNSName SAN, so
 * one certificate serves both readerAuth and OpenID4VP `x509_san_dns:` request signing.
 */
export async function createTestRelyingParty(options: TestRelyingPartyOptions): Promise<TestRelyingParty> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const { platform, now } = options;
  const organisation = options.organisation ?? 'Zhengzhao Test Hotel';
  const [fromDays, toDays] = options.leafDays ?? [-1, 365];
  const rootKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const leafKeys = (await webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `C=CN, O=${organisation}, CN=${organisation} Root`,
    notBefore: new Date(now.getTime() - 2 * DAY),
    notAfter: new Date(now.getTime() + 3650 * DAY),
    signingAlgorithm: ALGORITHM,
    keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `C=CN, O=${organisation}, CN=${options.commonName ?? 'Front desk reader'}`,
    issuer: root.subject,
    notBefore: new Date(now.getTime() + fromDays * DAY),
    notAfter: new Date(now.getTime() + toDays * DAY),
    signingAlgorithm: ALGORITHM,
    publicKey: leafKeys.publicKey,
    signingKey: rootKeys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      ...(options.withoutReaderEku ? [] : [new x509.ExtendedKeyUsageExtension([X509_OID.mdlReaderAuth], true)]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: options.host ?? 'reader.hotel.example' }]),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const jwk = await webcrypto.subtle.exportKey('jwk', leafKeys.privateKey);
  const signer = await platform.suite('ES256').importSigner(decodeBase64url(jwk.d as string));
  const rootDer = new Uint8Array(root.rawData);
  return {
    signer,
    chain: [new Uint8Array(leaf.rawData)],
    rootDer,
    trust: createStaticTrustSource({ platform, roots: [rootDer], leafExtendedKeyUsage: X509_OID.mdlReaderAuth }),
  };
}
