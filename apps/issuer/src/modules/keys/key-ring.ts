import {
  bytesEqual,
  certificateKid,
  encodeBase64url,
  isZzError,
  type ParsedCertificate,
  type Platform,
  parseCertificate,
  type Signer,
  toHex,
  ZzError,
} from '@zhengzhao/core';
import type { KeyStore } from '@zhengzhao/server-kit';
import type { Kysely } from 'kysely';
import { newSortableId } from '../../context.js';
import type { IssuerDatabase } from '../../db/schema.js';
import type { IssuerSigning } from '../../signing.js';
import { appendAuditEntry } from '../audit/audit-repository.js';
import {
  certifyDocumentSigner,
  checkDocumentSignerCertificate,
  rootOfChain,
  subjectOf,
} from './certify-document-signer.js';
import {
  insertActiveSigningKey,
  listSigningKeys,
  reactivateSigningKey,
  type SigningKeyRecord,
} from './key-repository.js';
import type { KeysDatabase } from './tables.js';

/** Default validity of a DS certificate made at rotation, days (Annex B allows up to 457). */
export const DEFAULT_DS_VALIDITY_DAYS = 365;

/** How the key ring makes and finds keys for rotation. */
export interface KeyRotationOptions {
  /** Where new DS keys are generated and previous ones unlocked after a restart. */
  readonly keyStore?: KeyStore;
  /**
   * The IACA root. `certificate` lets the ring validate new DS certificates (default: the last
   * certificate of the configured chain when it is a CA); `keyId` names the root key in
   * `keyStore`, so that `rotate()` can make the new DS certificate itself. Without `keyId`, new
   * certificates must be supplied ready-made (signed by an offline root).
   */
  readonly root?: { readonly certificate?: Uint8Array; readonly keyId?: string };
  /** Validity of DS certificates made here, days (1..457); default {@link DEFAULT_DS_VALIDITY_DAYS}. */
  readonly validityDays?: number;
}

export interface OpenKeyRingOptions extends KeyRotationOptions {
  /** The issuer's database, with {@link KEY_MIGRATIONS} applied. */
  readonly db: Kysely<IssuerDatabase>;
  readonly platform: Platform;
  readonly clock: () => Date;
  /** The configured document signer (key source of `createIssuerApp`). */
  readonly initial: IssuerSigning;
  /** Its KeyStore id, when it came from the key store. */
  readonly initialKeyId?: string;
  /** Called after each switch, before `rotate` returns (the status-list publisher re-signs). */
  readonly onRotated?: (active: IssuerSigning) => Promise<void> | void;
}

/** Who rotates and why (recorded in the audit log, action `keys.rotate`). */
export interface RotationActor {
  readonly actor: string;
  readonly role: string;
}

/**
 * What to rotate to. With nothing but `reason`: a new key is generated in the KeyStore and
 * certified here by the IACA root key (`root.keyId`). With `keyId`: that KeyStore key (generated
 * if absent, unless a certificate is given). With `certificateChain`: a ready-made DS certificate
 * (DS first) for the key. With `signer`: an in-memory key (programmatic use; it is not kept
 * across restarts).
 */
export interface RotateSigningKeyRequest {
  readonly reason: string;
  readonly by?: RotationActor;
  readonly keyId?: string;
  readonly signer?: Signer;
  readonly certificateChain?: readonly Uint8Array[];
}

const KEY_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The issuer's document-signer keys (P2 §7, rotation with overlap): several certificates, one
 * ACTIVE for new signatures (credentials and status lists). {@link rotate} adds a key and switches
 * to it atomically: the database row and audit entry commit together, then one assignment swaps
 * the in-memory snapshot. A batch already signing keeps the snapshot it took (`current()`), so it
 * finishes with its key. Previous certificates stay listed (`GET /certificates`) for kid lookup;
 * what they signed keeps verifying against the root until it expires.
 */
export class KeyRing {
  readonly #options: OpenKeyRingOptions;
  readonly #root: ParsedCertificate | undefined;
  #active: IssuerSigning;
  #rotating: Promise<unknown> = Promise.resolve();

  private constructor(options: OpenKeyRingOptions, active: IssuerSigning, root: ParsedCertificate | undefined) {
    this.#options = options;
    this.#active = active;
    this.#root = root;
  }

  /**
   * Opens the ring. A configured key the ring does not know yet becomes active (first start, or an
   * operator who configured a new key). Otherwise the stored active key stays active — a rotation
   * survives restarts — if its signer can be had (in memory or from the KeyStore); if not, the
   * configured key is made active again.
   */
  static async open(options: OpenKeyRingOptions): Promise<KeyRing> {
    const { clock, initial } = options;
    const db = keysOf(options.db);
    const validityDays = options.validityDays ?? DEFAULT_DS_VALIDITY_DAYS;
    if (!Number.isSafeInteger(validityDays) || validityDays < 1 || validityDays > 457) {
      throw new ZzError('ERR_CONFIG_INVALID', 'DS certificate validity must be 1..457 days');
    }
    const root = options.root?.certificate
      ? parseCertificate(options.root.certificate)
      : rootOfChain(initial.certificateChain);
    const leaf = parseCertificate(initial.certificateChain[0] as Uint8Array);
    let stored = await listSigningKeys(db);
    if (!stored.some((r) => bytesEqual(r.kid, initial.kid))) {
      await db.transaction().execute((tx) =>
        insertActiveSigningKey(
          tx,
          {
            kid: initial.kid,
            keyId: options.initialKeyId ?? null,
            suite: initial.signer.suite,
            certificateChain: initial.certificateChain,
            notBefore: leaf.notBefore,
            notAfter: leaf.notAfter,
          },
          clock(),
        ),
      );
      stored = await listSigningKeys(db);
    }
    const activeRecord = stored.find((r) => r.state === 'active');
    let active = initial;
    if (activeRecord && !bytesEqual(activeRecord.kid, initial.kid)) {
      const signer = await unlock(options.keyStore, activeRecord);
      if (signer) active = { signer, certificateChain: activeRecord.certificateChain, kid: activeRecord.kid };
    }
    if (active === initial && !(activeRecord && bytesEqual(activeRecord.kid, initial.kid))) {
      await db.transaction().execute((tx) => reactivateSigningKey(tx, initial.kid, clock()));
    }
    return new KeyRing(options, active, root);
  }

  /** The active signing material, an immutable snapshot: take it once per batch. */
  current(): IssuerSigning {
    return this.#active;
  }

  /** Every certificate of the ring, active first. */
  list(): Promise<SigningKeyRecord[]> {
    return listSigningKeys(keysOf(this.#options.db));
  }

  /** Adds a key and makes it the active one (see {@link RotateSigningKeyRequest}); one rotation at a time. */
  rotate(request: RotateSigningKeyRequest): Promise<SigningKeyRecord> {
    const run = this.#rotating.then(() => this.#rotate(request));
    this.#rotating = run.catch(() => undefined);
    return run;
  }

  async #rotate(request: RotateSigningKeyRequest): Promise<SigningKeyRecord> {
    const { platform, clock, keyStore } = this.#options;
    if (typeof request?.reason !== 'string' || request.reason.length === 0 || request.reason.length > 500) {
      throw new ZzError('ERR_INPUT_INVALID', 'A reason (1..500 characters) is required');
    }
    if (request.keyId !== undefined && !KEY_ID.test(request.keyId)) {
      throw new ZzError('ERR_INPUT_INVALID', 'keyId is malformed');
    }
    if (request.signer && request.keyId !== undefined) {
      throw new ZzError('ERR_INPUT_INVALID', 'Give a signer or a keyId, not both');
    }
    const now = clock();
    const previous = this.#active;
    const suite = previous.signer.suite;
    const rootKeyId = this.#options.root?.keyId;
    // checked before any key is generated, so a refused request leaves nothing in the store
    if (!request.certificateChain && (!this.#root || !rootKeyId || !keyStore)) {
      throw new ZzError('ERR_ISSUER_KEY_ROTATION', 'No IACA root key here: supply the new DS certificate');
    }

    // 1. the new key: in memory, or in the key store (existing or generated now)
    let signer: Signer;
    let keyId: string | null = null;
    if (request.signer) {
      signer = request.signer;
    } else {
      if (!keyStore) throw new ZzError('ERR_ISSUER_KEY_ROTATION', 'No key store to hold a new document-signer key');
      keyId =
        request.keyId ?? `ds-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${toHex(platform.randomBytes(4))}`;
      const exists = await keyStore.getKeyInfo(keyId).then(
        () => true,
        (error: unknown) => {
          if (isZzError(error, 'ERR_KEYSTORE_KEY_UNKNOWN')) return false;
          throw error;
        },
      );
      if (!exists) {
        if (request.certificateChain)
          throw new ZzError('ERR_KEYSTORE_KEY_UNKNOWN', 'No key with this id for the certificate');
        await keyStore.generateKey(keyId, suite);
      }
      signer = await keyStore.getSigner(keyId);
    }

    // 2. its certificate: supplied, or made here by the root key from the key store
    let chain: readonly Uint8Array[];
    if (request.certificateChain) {
      if (request.certificateChain.length === 0)
        throw new ZzError('ERR_INPUT_INVALID', 'The certificate chain is empty');
      chain = [...request.certificateChain];
    } else {
      if (!this.#root || !rootKeyId || !keyStore) throw new ZzError('ERR_ISSUER_KEY_ROTATION');
      const leaf = await certifyDocumentSigner({
        platform,
        rootSigner: await keyStore.getSigner(rootKeyId),
        rootCertificate: this.#root,
        subjectPublicKey: signer.publicKey,
        subject: subjectOf(parseCertificate(previous.certificateChain[0] as Uint8Array).subject),
        now,
        validityDays: this.#options.validityDays ?? DEFAULT_DS_VALIDITY_DAYS,
      });
      chain = [leaf, ...previous.certificateChain.slice(1)];
    }
    const leaf = await checkDocumentSignerCertificate(platform, chain, signer, {
      suite,
      ...(this.#root ? { root: this.#root } : {}),
      now,
    });
    const kid = await certificateKid(platform, chain[0] as Uint8Array);
    if ((await this.list()).some((r) => bytesEqual(r.kid, kid))) {
      throw new ZzError('ERR_ISSUER_KEY_ROTATION', 'This certificate is already in the key ring');
    }

    // 3. commit the switch with its audit entry, then swap the snapshot in one assignment
    const by = request.by ?? { actor: 'system', role: 'system' };
    await this.#options.db.transaction().execute(async (tx) => {
      await insertActiveSigningKey(
        keysOf(tx),
        { kid, keyId, suite, certificateChain: chain, notBefore: leaf.notBefore, notAfter: leaf.notAfter },
        now,
      );
      await appendAuditEntry(tx, {
        id: newSortableId({ random: (length) => platform.randomBytes(length) }, 'au', now),
        at: now,
        actor: by.actor,
        role: by.role,
        action: 'keys.rotate',
        // the audit log's column is text; the key ring adds the target type `key`
        targetType: 'key',
        targetId: encodeBase64url(kid),
        reason: request.reason,
        outcome: 'ok',
      });
    });
    const active: IssuerSigning = { signer, certificateChain: chain, kid };
    this.#active = active;
    await this.#options.onRotated?.(active);
    const record = (await this.list()).find((r) => bytesEqual(r.kid, kid));
    if (!record) throw new ZzError('ERR_ISSUER_KEY_ROTATION', 'The new key is not in the ring');
    return record;
  }
}

/** The same connection, seen with the key-ring table. */
function keysOf(db: Kysely<IssuerDatabase>): Kysely<KeysDatabase> {
  return db as unknown as Kysely<KeysDatabase>;
}

async function unlock(keyStore: KeyStore | undefined, record: SigningKeyRecord): Promise<Signer | undefined> {
  if (!keyStore || record.keyId === null) return undefined;
  try {
    const signer = await keyStore.getSigner(record.keyId);
    const leaf = parseCertificate(record.certificateChain[0] as Uint8Array);
    return bytesEqual(leaf.publicKey.point, signer.publicKey.point) ? signer : undefined;
  } catch (error) {
    if (isZzError(error, 'ERR_KEYSTORE_KEY_UNKNOWN')) return undefined;
    throw error;
  }
}
