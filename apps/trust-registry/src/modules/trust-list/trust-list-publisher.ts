import {
  encodeBase64url,
  type SignTrustListOptions,
  signTrustListCose,
  signTrustListJws,
  ZzError,
} from '@zhengzhao/core';
import { newSortableId, type RegistryContext, type RegistryDb } from '../../context.js';
import { lockRegistry } from '../../db/lock-registry.js';
import { type AuditTargetType, appendAuditEntry } from '../audit/audit-repository.js';
import { seedCatalog } from '../catalog/catalog.js';
import type { RegistryKeys } from '../keys/registry-keys.js';
import { seedRegistrationProfiles } from '../registration-profiles/registration-profiles.js';
import { buildTrustList } from './build-trust-list.js';
import {
  findTrustListVersion,
  insertTrustListVersion,
  latestSequence,
  latestVersionHead,
  type TrustListVersion,
} from './trust-list-repository.js';

const DAY = 86_400_000;
/** Default validity of a published list: 7 days. */
export const DEFAULT_LIST_VALIDITY_DAYS = 7;
/** Actor of the registry's own actions in the audit log. */
export const SYSTEM_ACTOR = 'system';

/** What a publication the registry makes on its own is about, as the audit log names it. */
interface AuditedTarget {
  readonly action: string;
  readonly targetType: AuditTargetType;
  readonly targetId: string;
}

const PUBLISH: AuditedTarget = { action: 'trust_list.publish', targetType: 'trust_list', targetId: '-' };

/** One change of the registry: what it does to the database, and how the audit log names it. */
export interface RegistryChange<T> {
  /** e.g. `authority.enrol`. */
  readonly action: string;
  readonly targetType: AuditTargetType;
  readonly targetId: string;
  readonly actor: string;
  /** Runs inside the transaction, after the registry lock; `now` is the list's `issued_at`. */
  apply(tx: RegistryDb, now: Date): Promise<T>;
}

/** A change applied: its result and the trust-list version that published it. */
export interface ChangeResult<T> {
  readonly result: T;
  readonly sequence: number;
}

/** The newest list ready to serve, with a strong ETag per form. */
export interface PublishedTrustList extends TrustListVersion {
  readonly jwsEtag: string;
  readonly coseEtag: string;
}

export interface TrustListPublisherOptions {
  readonly context: RegistryContext;
  readonly keys: RegistryKeys;
  /** Validity of each list (`expires_at − issued_at`), days; default {@link DEFAULT_LIST_VALIDITY_DAYS}. */
  readonly listValidityDays?: number;
}

/**
 * Publishes the trust list (Zhengzhao issue 6 §2): every change runs in one transaction with
 * the registry lock, its audit entry and a new list version — sequence = the previous one + 1,
 * read from the versions table in that same transaction, `issued_at` = the clock,
 * `expires_at` = `issued_at` + the validity — signed in both forms (JWS and COSE) with the
 * trust-list signer. A crash before commit leaves nothing; after commit, everything. So no
 * sequence number is ever reused or skipped, and no change goes unpublished.
 */
export class TrustListPublisher {
  readonly #context: RegistryContext;
  readonly #keys: RegistryKeys;
  readonly #validityMs: number;
  #cached: PublishedTrustList | undefined;

  constructor(options: TrustListPublisherOptions) {
    const days = options.listValidityDays ?? DEFAULT_LIST_VALIDITY_DAYS;
    if (typeof days !== 'number' || !(days > 0) || days > 60) {
      throw new ZzError('ERR_CONFIG_INVALID', 'The trust-list validity must be more than 0 and at most 60 days');
    }
    this.#context = options.context;
    this.#keys = options.keys;
    this.#validityMs = Math.round(days * DAY);
  }

  /** Validity of each list, milliseconds. */
  get validityMs(): number {
    return this.#validityMs;
  }

  /** Applies `change`, audits it and publishes the next version, all or nothing. */
  async change<T>(change: RegistryChange<T>): Promise<ChangeResult<T>> {
    const now = this.#context.clock();
    const signing = await this.#signing(now);
    return this.#context.db.transaction().execute(async (tx) => {
      await lockRegistry(tx, now);
      const result = await change.apply(tx, now);
      const sequence = await this.#publish(tx, now, signing);
      await appendAuditEntry(tx, {
        id: newSortableId(this.#context.platform, 'au', now),
        at: now,
        actor: change.actor,
        action: change.action,
        targetType: change.targetType,
        targetId: change.targetId,
        outcome: 'ok',
        errorCode: null,
        sequence,
      });
      return { result, sequence };
    });
  }

  /**
   * Start-up: adds catalog types new in the code (default authority kinds) and default
   * registration profiles the registry does not hold, then publishes when that changed anything
   * (one audit entry per kind of seed, both naming that version), when no list exists yet, or
   * when the newest is due ({@link republishIfDue}). Returns the new sequence number, if any.
   */
  start(): Promise<number | undefined> {
    return this.#publishIf(async (tx, now, due) => {
      const types = await seedCatalog(tx, now);
      const profiles = await seedRegistrationProfiles(tx, now);
      const seeded: AuditedTarget[] = [];
      if (types.length > 0) {
        seeded.push({ action: 'catalog.seed', targetType: 'credential_type', targetId: types.join(',') });
      }
      if (profiles.length > 0) {
        seeded.push({
          action: 'registration_profile.seed',
          targetType: 'registration_profile',
          targetId: profiles.join(','),
        });
      }
      if (seeded.length > 0) return seeded;
      return due ? [PUBLISH] : [];
    });
  }

  /**
   * Publishes a fresh version of unchanged content when none exists or the newest is older than
   * half its validity, so verifiers always find a list with days left. Call it periodically;
   * returns the new sequence number, or undefined when nothing was due.
   */
  republishIfDue(): Promise<number | undefined> {
    return this.#publishIf(async (_tx, _now, due) => (due ? [PUBLISH] : []));
  }

  /** The newest version (read from the database, so versions published by other processes count too). */
  async latest(): Promise<PublishedTrustList> {
    const { db, platform } = this.#context;
    const sequence = await latestSequence(db);
    const cached = this.#cached;
    if (cached && cached.sequence === sequence) return cached;
    const version = await findTrustListVersion(db, sequence);
    if (!version) throw new ZzError('ERR_SERVER_NOT_READY', 'No trust list has been published yet');
    const tag = async (form: string, bytes: Uint8Array) =>
      `"tl-${version.sequence}-${form}-${encodeBase64url(await platform.digest('SHA-256', bytes)).slice(0, 22)}"`;
    const published: PublishedTrustList = {
      ...version,
      jwsEtag: await tag('jws', new TextEncoder().encode(version.jws)),
      coseEtag: await tag('cose', version.cose),
    };
    if (!this.#cached || this.#cached.sequence < published.sequence) this.#cached = published;
    return published;
  }

  async #signing(now: Date): Promise<SignTrustListOptions> {
    await this.#keys.renewSignerIfDue(now);
    return this.#keys.signing();
  }

  /** Publishes when `decide` names what is published (each audited with the new version). */
  async #publishIf(
    decide: (tx: RegistryDb, now: Date, due: boolean) => Promise<readonly AuditedTarget[]>,
  ): Promise<number | undefined> {
    const now = this.#context.clock();
    const signing = await this.#signing(now);
    return this.#context.db.transaction().execute(async (tx) => {
      await lockRegistry(tx, now);
      const head = await latestVersionHead(tx);
      const age = head ? now.getTime() - head.issuedAt.getTime() : Number.POSITIVE_INFINITY;
      const what = await decide(tx, now, age >= this.#validityMs / 2);
      if (what.length === 0) return undefined;
      const sequence = await this.#publish(tx, now, signing);
      for (const target of what) {
        await appendAuditEntry(tx, {
          id: newSortableId(this.#context.platform, 'au', now),
          at: now,
          actor: SYSTEM_ACTOR,
          ...target,
          outcome: 'ok',
          errorCode: null,
          sequence,
        });
      }
      return sequence;
    });
  }

  /** Builds, signs and stores the next version inside `tx` (which holds the registry lock). */
  async #publish(tx: RegistryDb, now: Date, signing: SignTrustListOptions): Promise<number> {
    const sequence = (await latestSequence(tx)) + 1;
    const expiresAt = new Date(now.getTime() + this.#validityMs);
    const list = await buildTrustList(tx, { sequence, issuedAt: now, expiresAt });
    const jws = await signTrustListJws(list, signing);
    const cose = await signTrustListCose(list, signing);
    await insertTrustListVersion(tx, { sequence, issuedAt: now, expiresAt, jws, cose });
    return sequence;
  }
}
