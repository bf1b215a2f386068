import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** OID of ISO 18013-5 reader authentication certificates (id-mdlReaderAuth), used for verifier access certificates. */
export const READER_AUTH_EKU = '1.0.18013.5.1.6';

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A relying-party certificate authority (demo or test): its certificate and key pair. */
export interface RelyingPartyAuthority {
  readonly certificate: x509.X509Certificate;
  readonly keys: CryptoKeyPair;
}

/** A leaf issued by a {@link RelyingPartyAuthority}: DER certificate and its exportable key pair. */
export interface RelyingPartyLeaf {
  readonly certificate: Uint8Array;
  readonly keys: CryptoKeyPair;
}

/** A P-256 key pair from node's WebCrypto, exportable (demo keys are written to the data folder). */
export async function generateRelyingPartyKeys(): Promise<CryptoKeyPair> {
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  return (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A self-signed relying-party root (CA, path length 0) valid from `notBefore` to `notAfter`. */
export async function createRelyingPartyRoot(options: {
  readonly organization: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}): Promise<RelyingPartyAuthority> {
  const keys = await generateRelyingPartyKeys();
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `C=CN, O=${options.organization}, CN=${options.organization} Root`,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certificate, keys };
}

/**
 * A reader / access certificate under `authority`: P-256, digitalSignature, the ISO 18013-5
 * reader-authentication EKU, and a `dNSName` SAN when `dnsName` is given (OpenID4VP 1.0 §5.9.3
 * `x509_san_dns:` client ids). The national trust registry (P4) will issue these for real.
 */
export async function issueRelyingPartyCertificate(
  authority: RelyingPartyAuthority,
  options: {
    readonly serialNumber: string;
    readonly organization: string;
    readonly dnsName?: string;
    readonly notBefore: Date;
    readonly notAfter: Date;
  },
): Promise<RelyingPartyLeaf> {
  const keys = await generateRelyingPartyKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber,
    subject: `C=CN, O=${options.organization}, CN=${options.dnsName ?? options.organization}`,
    issuer: authority.certificate.subject,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: authority.keys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([READER_AUTH_EKU], true),
      ...(options.dnsName ? [new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: options.dnsName }])] : []),
      await x509.AuthorityKeyIdentifierExtension.create(authority.keys.publicKey),
    ],
  });
  return { certificate: new Uint8Array(certificate.rawData), keys };
}
