import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { createStaticTrustSource, decodeBase64url, type Platform, type TrustSource, ZzError } from '@zhengzhao/core';
import type { RequestSigning } from './service.js';

/** OID of ISO 18013-5 reader authentication certificates (id-mdlReaderAuth), used for verifier access certificates. */
export const READER_AUTH_EKU = '1.0.18013.5.1.6';

/** A demo relying-party authority and the verifier's access certificate under it. */
export interface DemoRequestSigning extends RequestSigning {
  /** `x509_san_dns:<host>`. */
  readonly clientId: string;
  /** The demo root (DER): a wallet trusts verifier requests signed under it. */
  readonly rootCertificate: Uint8Array;
  /** A trust source over {@link rootCertificate}, for a wallet's `verifyAuthorizationRequest`. */
  readonly walletTrust: TrustSource;
}

const DAY = 86_400_000;
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/**
 * Makes a request-signing identity for demos and tests (`zz start`): a self-signed relying-party
 * root and a P-256 leaf with `dNSName = host` (OpenID4VP 1.0 §5.9.3 `x509_san_dns:`), valid from a
 * day before `now` for `days`. Keys are fresh and live only in memory. Production verifiers get
 * their access certificate from the national trust registry instead.
 */
export async function createDemoRequestSigning(options: {
  readonly platform: Platform;
  readonly host: string;
  readonly now: Date;
  readonly days?: number;
  readonly organization?: string;
}): Promise<DemoRequestSigning> {
  const { platform, host, now } = options;
  if (typeof host !== 'string' || !/^[a-z0-9.-]{1,253}$/i.test(host)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'host must be a DNS name');
  }
  const organization = options.organization ?? 'Zhengzhao Demo Relying Party';
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  const rootKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const leafKeys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + (options.days ?? 365) * DAY);
  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `C=CN, O=${organization}, CN=${organization} Root`,
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
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02',
    subject: `C=CN, O=${organization}, CN=${host}`,
    issuer: root.subject,
    notBefore,
    notAfter,
    signingAlgorithm: ALG,
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
  const rootCertificate = new Uint8Array(root.rawData);
  return {
    signer,
    certificateChain: [new Uint8Array(leaf.rawData)],
    clientId: `x509_san_dns:${host.toLowerCase()}`,
    rootCertificate,
    walletTrust: createStaticTrustSource({ platform, roots: [rootCertificate], leafExtendedKeyUsage: READER_AUTH_EKU }),
  };
}
