import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  bytesEqual,
  certificateKid,
  decodeCertificatePem,
  isSuiteId,
  type Platform,
  parseCertificate,
  type Signer,
  type SuiteId,
} from '@zhengzhao/core';
import { UsageError } from './cli-error.js';
import { readJsonFile, readText } from './io.js';
import { loadKeyFileTools } from './key-file-tools.js';

/** The files of an authority directory written by `zz keys init`. */
export const AUTHORITY_FILES = {
  manifest: 'authority.json',
  rootCertificate: 'root.cert.pem',
  rootKey: 'root.key.json',
  documentSignerCertificate: 'ds.cert.pem',
  documentSignerKey: 'ds.key.json',
} as const;

/** `authority.json`: what the directory holds, readable without the passphrase. */
export interface AuthorityManifest {
  readonly format: 'zz-authority-1';
  readonly suite: SuiteId;
  readonly name: string;
  readonly country: string;
  readonly province?: { readonly code: string; readonly zhCN: string; readonly en: string };
  readonly root: CertificateSummary;
  readonly documentSigner: CertificateSummary & {
    /** certificateKid (ADR 0004) in hex: the `kid` of compact QR credentials. */
    readonly kid: string;
  };
}

export interface CertificateSummary {
  readonly subject: string;
  readonly notBefore: string;
  readonly notAfter: string;
}

/** An authority ready to sign: its document-signer key unlocked, certificates in DER. */
export interface OpenedAuthority {
  readonly dir: string;
  readonly manifest: AuthorityManifest;
  readonly suite: SuiteId;
  readonly rootDer: Uint8Array;
  readonly documentSignerDer: Uint8Array;
  readonly kid: Uint8Array;
  readonly signer: Signer;
}

/** Reads and checks `authority.json`; a directory without one is a usage error. */
export function readAuthorityManifest(dir: string): AuthorityManifest {
  const path = join(dir, AUTHORITY_FILES.manifest);
  if (!existsSync(path)) {
    throw new UsageError(`${dir} is not an authority directory (no ${AUTHORITY_FILES.manifest}; see zz keys init)`);
  }
  const manifest = readJsonFile(path) as Partial<AuthorityManifest> | null;
  if (
    manifest?.format !== 'zz-authority-1' ||
    !isSuiteId(manifest.suite) ||
    typeof manifest.name !== 'string' ||
    typeof manifest.documentSigner?.kid !== 'string'
  ) {
    throw new UsageError(`${path} is not a zz-authority-1 manifest`);
  }
  return manifest as AuthorityManifest;
}

/** The DER of the root and document-signer certificates of an authority directory. */
export function readAuthorityCertificates(dir: string): { root: Uint8Array; documentSigner: Uint8Array } {
  return {
    root: decodeCertificatePem(readText(join(dir, AUTHORITY_FILES.rootCertificate))),
    documentSigner: decodeCertificatePem(readText(join(dir, AUTHORITY_FILES.documentSignerCertificate))),
  };
}

/**
 * Opens an authority for signing: reads its certificates and decrypts the document-signer key
 * (`ERR_KEYSTORE_PASSPHRASE` for a wrong passphrase), and checks that key is the certificate's.
 */
export async function openAuthority(platform: Platform, dir: string, passphrase: string): Promise<OpenedAuthority> {
  const manifest = readAuthorityManifest(dir);
  const { root, documentSigner } = readAuthorityCertificates(dir);
  const { decryptKeyFile } = await loadKeyFileTools();
  const signer = await decryptKeyFile(platform, readJsonFile(join(dir, AUTHORITY_FILES.documentSignerKey)), passphrase);
  const certificate = parseCertificate(documentSigner);
  if (
    certificate.publicKey.suite !== signer.suite ||
    !bytesEqual(certificate.publicKey.point, signer.publicKey.point)
  ) {
    throw new UsageError(
      `${dir}: ${AUTHORITY_FILES.documentSignerKey} does not match ${AUTHORITY_FILES.documentSignerCertificate}`,
    );
  }
  return {
    dir,
    manifest,
    suite: signer.suite,
    rootDer: root,
    documentSignerDer: documentSigner,
    kid: await certificateKid(platform, documentSigner),
    // hand on sign() only: the scalar stays in the adapter's key object
    signer: { suite: signer.suite, publicKey: signer.publicKey, sign: (data) => signer.sign(data) },
  };
}
