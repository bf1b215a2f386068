import { webcrypto } from 'node:crypto';
import { createStaticTrustSource, decodeBase64url, type Platform, type TrustSource, ZzError } from '@zhengzhao/core';
import { createRelyingPartyRoot, issueRelyingPartyCertificate, READER_AUTH_EKU } from './relying-party-certificates.js';
import type { RequestSigning } from './service.js';

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
  const notBefore = new Date(now.getTime() - DAY);
  const notAfter = new Date(now.getTime() + (options.days ?? 365) * DAY);
  const root = await createRelyingPartyRoot({ organization, notBefore, notAfter });
  const leaf = await issueRelyingPartyCertificate(root, {
    serialNumber: '02',
    organization,
    dnsName: host,
    notBefore,
    notAfter,
  });
  const jwk = await webcrypto.subtle.exportKey('jwk', leaf.keys.privateKey);
  const signer = await platform.suite('ES256').importSigner(decodeBase64url(jwk.d as string));
  const rootCertificate = new Uint8Array(root.certificate.rawData);
  return {
    signer,
    certificateChain: [leaf.certificate],
    clientId: `x509_san_dns:${host.toLowerCase()}`,
    rootCertificate,
    walletTrust: createStaticTrustSource({ platform, roots: [rootCertificate], leafExtendedKeyUsage: READER_AUTH_EKU }),
  };
}
