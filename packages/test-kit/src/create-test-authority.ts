import {
  certificateKid,
  createDocumentSignerCertificate,
  createIacaRootCertificate,
  createStaticTrustSource,
  createX509Certificate,
  type ExportableSigner,
  encodeCertificatePem,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type SuiteId,
  type TrustSource,
  X509_OID,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';

const DAY = 24 * 60 * 60 * 1000;

/** A key with its certificate in every form a test may want. */
export interface TestCertificate {
  readonly signer: ExportableSigner;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly certificate: ParsedCertificate;
  /** `certificateKid(der)`: the COSE kid compact credentials use. */
  readonly kid: Uint8Array;
}

/** Certificates that must fail validation, for negative tests. */
export interface TestAuthorityVariants {
  /** Same DS key; validity ended the day before `now` → `ERR_TRUST_CERT_EXPIRED`. */
  readonly expiredDocumentSigner: TestCertificate;
  /** Same DS key; validity starts the day after `now` → `ERR_TRUST_CERT_NOT_YET_VALID`. */
  readonly notYetValidDocumentSigner: TestCertificate;
  /** Same DS key; keyUsage keyAgreement instead of digitalSignature → `ERR_TRUST_KEY_USAGE`. */
  readonly wrongKeyUsageDocumentSigner: TestCertificate;
  /** A root with the same subject name but another key: not in `trustSource`. */
  readonly untrustedRoot: TestCertificate;
  /** A valid-looking DS issued by `untrustedRoot` → `ERR_TRUST_UNTRUSTED_ROOT`. */
  readonly untrustedDocumentSigner: TestCertificate;
}

/** An issuing authority for tests: IACA root, document signer, trust source, and bad variants. */
export interface TestAuthority {
  readonly platform: Platform;
  readonly suite: SuiteId;
  readonly root: TestCertificate;
  readonly documentSigner: TestCertificate;
  /** The x5chain to put in COSE/JWS headers: `[documentSigner.der]`. */
  readonly chain: readonly Uint8Array[];
  /** `documentSigner.kid`. */
  readonly kid: Uint8Array;
  /**
   * Trusts `root`; resolves by kid the DS and the expired, not-yet-valid and wrong-usage variants
   * (so a kid lookup fails with their specific error), never the untrusted ones.
   */
  readonly trustSource: TrustSource;
  readonly variants: TestAuthorityVariants;
}

export interface CreateTestAuthorityOptions {
  /** Defaults to `createNodePlatform()`. */
  readonly platform?: Platform;
  readonly suite: SuiteId;
  /** Authority name (organization); default `Zhengzhao Test Authority`. */
  readonly name?: string;
  /** stateOrProvinceName; default `Guangdong`. */
  readonly province?: string;
  /** The tests' "now": the root is valid from a day before to ten years after, the DS for 365 days. */
  readonly now: Date;
  /** docTypes the root may issue (trust source allow-list); default any. */
  readonly docTypes?: readonly string[];
}

/**
 * Creates a complete test authority for `suite` (ES256 or SM2) in a few milliseconds. Every
 * certificate follows the ISO/IEC 18013-5 Annex B profile except the deliberate variants.
 * Keys are fresh each call; nothing is read from or written to disk.
 */
export async function createTestAuthority(options: CreateTestAuthorityOptions): Promise<TestAuthority> {
  const platform = options.platform ?? createNodePlatform();
  const { suite, now } = options;
  const name = options.name ?? 'Zhengzhao Test Authority';
  const province = options.province ?? 'Guangdong';
  const crypto = platform.suite(suite);
  const at = (days: number) => new Date(now.getTime() + days * DAY);
  const rootSubject = { country: 'CN', stateOrProvince: province, organization: name, commonName: `${name} IACA` };
  const dsSubject = { country: 'CN', stateOrProvince: province, organization: name, commonName: `${name} DS` };
  const issuerAlternativeName = { uri: 'https://issuer.zhengzhao.test' };

  const makeRoot = async (signer: ExportableSigner) =>
    wrap(
      platform,
      signer,
      await createIacaRootCertificate({
        platform,
        signer,
        subject: rootSubject,
        notBefore: at(-1),
        notAfter: at(3650),
        issuerAlternativeName,
      }),
    );
  const makeDs = async (root: TestCertificate, signer: ExportableSigner, from: number, to: number) =>
    wrap(
      platform,
      signer,
      await createDocumentSignerCertificate({
        platform,
        issuerSigner: root.signer,
        issuerCertificate: root.certificate,
        subjectPublicKey: signer.publicKey,
        subject: dsSubject,
        notBefore: at(from),
        notAfter: at(to),
      }),
    );

  const root = await makeRoot(await crypto.generateSigner());
  const dsSigner = await crypto.generateSigner();
  const documentSigner = await makeDs(root, dsSigner, -1, 364);
  const expiredDocumentSigner = await makeDs(root, dsSigner, -400, -1);
  const notYetValidDocumentSigner = await makeDs(root, dsSigner, 1, 366);
  const wrongKeyUsageDocumentSigner = await wrap(
    platform,
    dsSigner,
    await createX509Certificate({
      platform,
      signer: root.signer,
      issuer: root.certificate.subject,
      subject: dsSubject,
      subjectPublicKey: dsSigner.publicKey,
      notBefore: at(-1),
      notAfter: at(364),
      extensions: {
        keyUsage: ['keyAgreement'],
        extendedKeyUsage: [X509_OID.mdlDocumentSigner],
        ...(root.certificate.subjectKeyIdentifier && { authorityKeyIdentifier: root.certificate.subjectKeyIdentifier }),
      },
    }),
  );
  const untrustedRoot = await makeRoot(await crypto.generateSigner());
  const untrustedDocumentSigner = await makeDs(untrustedRoot, await crypto.generateSigner(), -1, 364);

  const trustSource = createStaticTrustSource({
    platform,
    roots: [{ certificate: root.der, ...(options.docTypes && { docTypes: options.docTypes }) }],
    documentSigners: [
      documentSigner,
      expiredDocumentSigner,
      notYetValidDocumentSigner,
      wrongKeyUsageDocumentSigner,
    ].map((cert) => cert.der),
  });
  return {
    platform,
    suite,
    root,
    documentSigner,
    chain: [documentSigner.der],
    kid: documentSigner.kid,
    trustSource,
    variants: {
      expiredDocumentSigner,
      notYetValidDocumentSigner,
      wrongKeyUsageDocumentSigner,
      untrustedRoot,
      untrustedDocumentSigner,
    },
  };
}

async function wrap(platform: Platform, signer: ExportableSigner, der: Uint8Array): Promise<TestCertificate> {
  return {
    signer,
    der,
    pem: encodeCertificatePem(der),
    certificate: parseCertificate(der),
    kid: await certificateKid(platform, der),
  };
}
