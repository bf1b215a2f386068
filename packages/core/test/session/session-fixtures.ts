import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createTestAuthority, fixedClock, type TestAuthority } from '@zhengzhao/test-kit';
import { expect } from 'vitest';
import {
  createIacaRootCertificate,
  createStaticTrustSource,
  createX509Certificate,
  type ErrorCode,
  type ExportableSigner,
  fullDate,
  issueMdoc,
  isZzError,
  type MdocIssuerSigned,
  type Platform,
  parseCertificate,
  type TrustSource,
  X509_OID,
} from '../../src/index.js';

export const PLATFORMS: readonly (readonly [string, Platform])[] = [
  ['node', createNodePlatform()],
  ['web', createWebPlatform()],
];

export const NOW = fixedClock('2026-06-01T08:00:00Z').now();
export const DOC_TYPE = 'cn.gov.eid.1';
export const NS = 'cn.gov.eid.1';
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

/** A relying party: its root, a reader-authentication certificate (EKU 1.0.18013.5.1.6) and key. */
export interface TestReader {
  readonly signer: ExportableSigner;
  readonly chain: readonly Uint8Array[];
  /** Trusts this reader's root, requiring id-mdlReaderAuth on the leaf. */
  readonly trust: TrustSource;
}

/** Creates a reader root (IACA-style) and a reader certificate per ISO/IEC 18013-5 Annex B.1.7. */
export async function createTestReader(platform: Platform, name = 'Hotel Reader'): Promise<TestReader> {
  const suite = platform.suite('ES256');
  const rootSigner = await suite.generateSigner();
  const rootDer = await createIacaRootCertificate({
    platform,
    signer: rootSigner,
    subject: { country: 'CN', organization: `${name} Org`, commonName: `${name} Root` },
    notBefore: at(-1),
    notAfter: at(3650),
    issuerAlternativeName: { uri: 'https://rp.zhengzhao.test' },
  });
  const root = parseCertificate(rootDer);
  const signer = await suite.generateSigner();
  const leaf = await createX509Certificate({
    platform,
    signer: rootSigner,
    issuer: root.subject,
    subject: { country: 'CN', organization: `${name} Org`, commonName: name },
    subjectPublicKey: signer.publicKey,
    notBefore: at(-1),
    notAfter: at(364),
    extensions: {
      keyUsage: ['digitalSignature'],
      extendedKeyUsage: [X509_OID.mdlReaderAuth],
      ...(root.subjectKeyIdentifier && { authorityKeyIdentifier: root.subjectKeyIdentifier }),
    },
  });
  const trust = createStaticTrustSource({ platform, roots: [rootDer], leafExtendedKeyUsage: X509_OID.mdlReaderAuth });
  return { signer, chain: [leaf], trust };
}

export interface Holder {
  readonly authority: TestAuthority;
  readonly deviceSigner: ExportableSigner;
  readonly issuerSigned: MdocIssuerSigned;
}

/** An issuer (test-kit authority) and a holder with one resident-ID mdoc bound to its device key. */
export async function createHolder(platform: Platform): Promise<Holder> {
  const authority = await createTestAuthority({ platform, suite: 'ES256', now: NOW });
  const deviceSigner = await platform.suite('ES256').generateSigner();
  const issuerSigned = await issueMdoc(platform, {
    signer: authority.documentSigner.signer,
    x5chain: authority.chain,
    docType: DOC_TYPE,
    nameSpaces: {
      [NS]: { family_name: '张', given_name: '三', birth_date: fullDate('1990-05-17'), age_over_18: true },
    },
    deviceKey: deviceSigner.publicKey,
    signed: at(-1),
    validFrom: at(-1),
    validUntil: at(365),
  });
  return { authority, deviceSigner, issuerSigned };
}

/** Awaits `fn` and asserts it fails with a ZzError of `code`. */
export async function expectCode(fn: () => unknown, code: ErrorCode): Promise<void> {
  let failure: unknown;
  try {
    await fn();
  } catch (error) {
    failure = error;
  }
  expect(isZzError(failure, code), `expected ${code}, got ${String(failure)}`).toBe(true);
}
