import {
  bytesEqual,
  createNationalRootCertificate,
  createTrustListSignerCertificate,
  encodeCertificatePem,
  isZzError,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type Signer,
  type SignTrustListOptions,
  ZzError,
} from '@zhengzhao/core';
import type { KeyStore } from '@zhengzhao/server-kit';
import { certificateSha256, type RegistryDb } from '../../context.js';
import { lockRegistry } from '../../db/lock-registry.js';
import type { RegistryKeysTable } from '../../db/schema.js';
import {
  findLatestRegistryCertificate,
  insertRegistryCertificate,
  type RegistryCertificateRecord,
} from './key-repository.js';

const DAY = 86_400_000;
/** Certificates start an hour before they are made, for relying parties whose clocks run slow. */
export const CLOCK_SKEW_MS = 3_600_000;

/** KeyStore id of the national root key. */
export const NATIONAL_ROOT_KEY_ID = 'national-root';
/** KeyStore id of the trust-list signing key. */
export const TRUST_LIST_SIGNER_KEY_ID = 'trust-list-signer';
/** Validity of the national root certificate: 20 years. */
export const ROOT_VALIDITY_DAYS = 7305;
/** Validity of a trust-list signer certificate: 2 years. */
export const SIGNER_VALIDITY_DAYS = 730;
/** A signer certificate with less than this left is renewed (same key) before the next list. */
export const SIGNER_RENEWAL_DAYS = 90;
/** Organization name of the registry's certificates. */
export const DEFAULT_REGISTRY_ORGANIZATION = 'Zhengzhao National Trust Registry';

export interface OpenRegistryKeysOptions {
  readonly db: RegistryDb;
  /** Where the two private keys live (encrypted at rest; an HSM-backed store can replace it). */
  readonly keyStore: KeyStore;
  readonly platform: Platform;
  readonly clock: () => Date;
  /** Organization name in the certificates; default {@link DEFAULT_REGISTRY_ORGANIZATION}. */
  readonly organization?: string;
}

/** The national root as verifiers pin it, with its key. */
export interface NationalRoot {
  readonly der: Uint8Array;
  readonly pem: string;
  readonly certificate: ParsedCertificate;
  /** base64url SHA-256 of the DER. */
  readonly sha256: string;
  readonly signer: Signer;
}

/**
 * The registry's own keys: the self-signed ES256 national root that verifiers and
 * wallets pin, and below it the trust-list signer. On first start both keys are generated in the
 * KeyStore and certified; the certificates go to the database. Later starts reuse both — nothing
 * is regenerated. A database whose root key is missing from the KeyStore refuses to start
 * (`ERR_CONFIG_INVALID`) rather than mint a root nobody pinned.
 */
export class RegistryKeys {
  readonly #options: OpenRegistryKeysOptions;
  readonly #root: NationalRoot;
  #signer: Signer;
  #signerCertificate: RegistryCertificateRecord;
  #renewing: Promise<void> | undefined;

  private constructor(
    options: OpenRegistryKeysOptions,
    root: NationalRoot,
    signer: Signer,
    signerCertificate: RegistryCertificateRecord,
  ) {
    this.#options = options;
    this.#root = root;
    this.#signer = signer;
    this.#signerCertificate = signerCertificate;
  }

  static async open(options: OpenRegistryKeysOptions): Promise<RegistryKeys> {
    const { db, keyStore, platform, clock } = options;
    const organization = options.organization ?? DEFAULT_REGISTRY_ORGANIZATION;
    const rootSigner = await keyFor(keyStore, db, NATIONAL_ROOT_KEY_ID, 'national-root');
    const rootRecord = await ensureCertificate(options, 'national-root', NATIONAL_ROOT_KEY_ID, rootSigner, (now) => {
      const notBefore = startOf(now);
      return createNationalRootCertificate({
        platform,
        signer: rootSigner,
        subject: { country: 'CN', organization, commonName: 'Zhengzhao National Root' },
        notBefore,
        notAfter: new Date(notBefore.getTime() + ROOT_VALIDITY_DAYS * DAY),
      });
    });
    const certificate = parseCertificate(rootRecord.der);
    const root: NationalRoot = {
      der: rootRecord.der,
      pem: encodeCertificatePem(rootRecord.der),
      certificate,
      sha256: rootRecord.certificateSha256,
      signer: rootSigner,
    };
    const listSigner = await keyFor(keyStore, db, TRUST_LIST_SIGNER_KEY_ID, 'trust-list-signer');
    const keys = new RegistryKeys(
      options,
      root,
      listSigner,
      await ensureCertificate(options, 'trust-list-signer', TRUST_LIST_SIGNER_KEY_ID, listSigner, (now) =>
        certifySigner(options, root, listSigner, now),
      ),
    );
    await keys.renewSignerIfDue(clock());
    return keys;
  }

  /** The national root certificate and key. */
  get root(): NationalRoot {
    return this.#root;
  }

  /** Key and chain that sign trust lists now (the chain is the signer certificate alone). */
  signing(): SignTrustListOptions {
    return { signer: this.#signer, certificateChain: [this.#signerCertificate.der] };
  }

  /**
   * Certifies the signer key again when its certificate has less than {@link SIGNER_RENEWAL_DAYS}
   * left; true when it did. Lists signed before keep verifying until their certificate expires.
   */
  async renewSignerIfDue(now: Date): Promise<boolean> {
    if (this.#signerCertificate.notAfter.getTime() - now.getTime() > SIGNER_RENEWAL_DAYS * DAY) return false;
    // one renewal at a time: concurrent changes wait for it instead of certifying twice
    this.#renewing ??= this.#renew(now).finally(() => {
      this.#renewing = undefined;
    });
    await this.#renewing;
    return true;
  }

  async #renew(now: Date): Promise<void> {
    const der = await certifySigner(this.#options, this.#root, this.#signer, now);
    const record = await recordOf(this.#options.platform, 'trust-list-signer', TRUST_LIST_SIGNER_KEY_ID, der, now);
    await insertRegistryCertificate(this.#options.db, record);
    this.#signerCertificate = record;
  }
}

function startOf(now: Date): Date {
  return new Date(Math.floor((now.getTime() - CLOCK_SKEW_MS) / 1000) * 1000);
}

function certifySigner(options: OpenRegistryKeysOptions, root: NationalRoot, signer: Signer, now: Date) {
  const notBefore = startOf(now);
  const notAfter = Math.min(notBefore.getTime() + SIGNER_VALIDITY_DAYS * DAY, root.certificate.notAfter.getTime());
  return createTrustListSignerCertificate({
    platform: options.platform,
    rootSigner: root.signer,
    rootCertificate: root.certificate,
    subjectPublicKey: signer.publicKey,
    subject: {
      country: 'CN',
      organization: options.organization ?? DEFAULT_REGISTRY_ORGANIZATION,
      commonName: 'Zhengzhao Trust List Signer',
    },
    notBefore,
    notAfter: new Date(notAfter),
  });
}

async function recordOf(
  platform: Platform,
  role: RegistryKeysTable['role'],
  keyId: string,
  der: Uint8Array,
  now: Date,
): Promise<RegistryCertificateRecord> {
  const parsed = parseCertificate(der);
  return {
    certificateSha256: await certificateSha256(platform, der),
    role,
    keyId,
    der,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    createdAt: now,
  };
}

/** The KeyStore key `keyId`: generated (ES256) when absent and the database has no certificate for it yet. */
async function keyFor(keyStore: KeyStore, db: RegistryDb, keyId: string, role: RegistryKeysTable['role']) {
  try {
    const signer = await keyStore.getSigner(keyId);
    if (signer.suite !== 'ES256') throw new ZzError('ERR_CONFIG_INVALID', `Key ${keyId} must be an ES256 key`);
    return signer;
  } catch (error) {
    if (!isZzError(error, 'ERR_KEYSTORE_KEY_UNKNOWN')) throw error;
  }
  if (await findLatestRegistryCertificate(db, role)) {
    throw new ZzError('ERR_CONFIG_INVALID', `The key store lacks key ${keyId}, certified in this database`);
  }
  try {
    await keyStore.generateKey(keyId, 'ES256');
  } catch (error) {
    // another process generated it meanwhile
    if (!isZzError(error, 'ERR_KEYSTORE_KEY_EXISTS')) throw error;
  }
  return keyStore.getSigner(keyId);
}

/**
 * The stored certificate of `role` (checked to hold `signer`'s key), or a new one made by
 * `create` and stored — under the registry lock, so two processes starting together agree.
 */
async function ensureCertificate(
  options: OpenRegistryKeysOptions,
  role: RegistryKeysTable['role'],
  keyId: string,
  signer: Signer,
  create: (now: Date) => Promise<Uint8Array>,
): Promise<RegistryCertificateRecord> {
  const { db, platform, clock } = options;
  let record = await findLatestRegistryCertificate(db, role);
  if (!record) {
    const now = clock();
    const der = await create(now);
    const candidate = await recordOf(platform, role, keyId, der, now);
    record = await db.transaction().execute(async (tx) => {
      await lockRegistry(tx, now);
      const stored = await findLatestRegistryCertificate(tx, role);
      if (stored) return stored;
      await insertRegistryCertificate(tx, candidate);
      return candidate;
    });
  }
  const certificate = parseCertificate(record.der);
  if (record.keyId !== keyId || !bytesEqual(certificate.publicKey.point, signer.publicKey.point)) {
    throw new ZzError('ERR_CONFIG_INVALID', `The ${role} certificate does not hold key ${keyId} of the key store`);
  }
  return record;
}
