import {
  createRelyingPartyCertificate,
  encodeCertificatePem,
  type LocalizedText,
  type PublicKey,
  type RegisteredElements,
  type TrustListRegistrationProfile,
  ZzError,
} from '@zhengzhao/core';
import { certificateSha256, type RegistryContext, type RegistryDb, rfc3339 } from '../../context.js';
import { TrustRegistryError } from '../../errors.js';
import type { AdminPrincipal } from '../admin/admin-auth.js';
import { CLOCK_SKEW_MS, type RegistryKeys } from '../keys/registry-keys.js';
import { findRegistrationProfile } from '../registration-profiles/registration-profiles.js';
import type { ChangeResult, TrustListPublisher } from '../trust-list/trust-list-publisher.js';
import { readRelyingPartyKey } from './read-relying-party-key.js';
import { liveCertificates } from './relying-party-entry.js';
import {
  findRelyingParty,
  insertRelyingParty,
  insertRelyingPartyCertificate,
  listRelyingPartyCertificates,
  type RelyingPartyRecord,
  setRelyingPartyDeregistered,
} from './relying-party-repository.js';

const DAY = 86_400_000;
/** Default validity of a reader / access certificate: one year. */
export const DEFAULT_RELYING_PARTY_CERTIFICATE_DAYS = 365;
/** Most live certificates per relying party (the trust list's limit per entry). */
export const MAX_RELYING_PARTY_CERTIFICATES = 64;

/** `POST /admin/relying-parties` (snake_case like the trust list). */
export interface RegisterRelyingPartyRequest {
  readonly id: string;
  /** Its name, as its certificates carry it (wallets show it). */
  readonly name: LocalizedText;
  /** Id of its registration profile: why it asks and what it may ask for. */
  readonly profile: string;
  /** The relying party's EC P-256 public key (JWK); its private key stays with it. */
  readonly public_key_jwk: unknown;
  /** dNSName SANs, for a website's OpenID4VP `x509_san_dns` client id. */
  readonly dns_names?: readonly string[];
}

/** A relying party as `GET /relying-parties/:id` shows it: public, no secrets. */
export interface RelyingPartyPublicEntry {
  readonly id: string;
  readonly name: LocalizedText;
  readonly profile: string;
  /** Its profile's, as it stands. */
  readonly purpose: LocalizedText;
  /** Its profile's, as it stands. */
  readonly elements: RegisteredElements;
  readonly dns_names: readonly string[];
  readonly registered_at: string;
  readonly deregistered_at?: string;
  readonly certificates: readonly {
    readonly sha256: string;
    readonly pem: string;
    readonly not_before: string;
    readonly not_after: string;
  }[];
}

/** A reader / access certificate just issued, with its chain up to the national root. */
export interface IssuedRelyingPartyCertificate {
  readonly relying_party: RelyingPartyPublicEntry;
  readonly certificate_pem: string;
  /** `[leaf, national root]`, PEM. */
  readonly chain_pem: readonly string[];
  readonly certificate_sha256: string;
  readonly not_before: string;
  readonly not_after: string;
}

export interface RelyingPartyService {
  /** Registers a relying party and issues its first certificate. */
  register(
    request: RegisterRelyingPartyRequest,
    by: AdminPrincipal,
  ): Promise<ChangeResult<IssuedRelyingPartyCertificate>>;
  /** Issues another certificate (new key, renewal) with the registration as it stands. */
  issueCertificate(
    id: string,
    publicKeyJwk: unknown,
    by: AdminPrincipal,
  ): Promise<ChangeResult<IssuedRelyingPartyCertificate>>;
  /** Wallets refuse its requests from `at` (default now) on. */
  deregister(id: string, at: Date | undefined, by: AdminPrincipal): Promise<ChangeResult<RelyingPartyPublicEntry>>;
  entry(id: string): Promise<RelyingPartyPublicEntry>;
}

export interface RelyingPartyServiceOptions {
  readonly context: RegistryContext;
  readonly publisher: TrustListPublisher;
  readonly keys: RegistryKeys;
  /** Validity of the certificates issued, days; default {@link DEFAULT_RELYING_PARTY_CERTIFICATE_DAYS}. */
  readonly certificateDays?: number;
}

async function requireParty(db: RegistryDb, id: string): Promise<RelyingPartyRecord> {
  const party = await findRelyingParty(db, id);
  if (!party) throw new TrustRegistryError('ERR_TRUST_REGISTRY_RELYING_PARTY_UNKNOWN');
  return party;
}

/** The profile a party names, or `ERR_TRUST_REGISTRY_REGISTRATION_PROFILE_UNKNOWN`. */
async function requireProfile(db: RegistryDb, id: string): Promise<TrustListRegistrationProfile> {
  const profile = await findRegistrationProfile(db, id);
  if (!profile) throw new TrustRegistryError('ERR_TRUST_REGISTRY_REGISTRATION_PROFILE_UNKNOWN');
  return profile;
}

async function entryOf(db: RegistryDb, id: string): Promise<RelyingPartyPublicEntry> {
  const party = await requireParty(db, id);
  const profile = await requireProfile(db, party.profile);
  const certificates = await listRelyingPartyCertificates(db, id);
  return {
    id: party.id,
    name: party.name,
    profile: profile.id,
    purpose: profile.purpose,
    elements: profile.elements,
    dns_names: party.dnsNames,
    registered_at: rfc3339(party.registeredAt.getTime()),
    ...(party.deregisteredAt !== null && { deregistered_at: rfc3339(party.deregisteredAt.getTime()) }),
    certificates: certificates.map((c) => ({
      sha256: c.certificateSha256,
      pem: encodeCertificatePem(c.der),
      not_before: rfc3339(c.notBefore.getTime()),
      not_after: rfc3339(c.notAfter.getTime()),
    })),
  };
}

/**
 * Registration of relying parties (Zhengzhao issue 6 §2, §7): each is registered under one
 * registration profile (why it asks, which elements of which credential types). Its
 * registration — its name, the profile and a copy of the profile's purpose and elements — goes
 * into a reader / access certificate the national root signs (core
 * `createRelyingPartyCertificate`); the trust list names the party with its profile and the
 * SHA-256 of each live certificate.
 */
export function createRelyingPartyService(options: RelyingPartyServiceOptions): RelyingPartyService {
  const { context, publisher, keys } = options;
  const { platform } = context;
  const days = options.certificateDays ?? DEFAULT_RELYING_PARTY_CERTIFICATE_DAYS;
  if (!Number.isSafeInteger(days) || days < 1 || days > 825) {
    throw new ZzError('ERR_CONFIG_INVALID', 'Relying-party certificate validity must be 1..825 days');
  }

  async function issue(
    tx: RegistryDb,
    party: RelyingPartyRecord,
    publicKey: PublicKey,
    now: Date,
  ): Promise<IssuedRelyingPartyCertificate> {
    const profile = await requireProfile(tx, party.profile);
    const live = liveCertificates(party.id, await listRelyingPartyCertificates(tx, party.id), now);
    if (live.length >= MAX_RELYING_PARTY_CERTIFICATES) {
      throw new TrustRegistryError(
        'ERR_TRUST_REGISTRY_LIMIT',
        `A relying party holds at most ${MAX_RELYING_PARTY_CERTIFICATES} valid certificates`,
      );
    }
    const notBefore = new Date(Math.floor((now.getTime() - CLOCK_SKEW_MS) / 1000) * 1000);
    const notAfter = new Date(Math.min(notBefore.getTime() + days * DAY, keys.root.certificate.notAfter.getTime()));
    const der = await createRelyingPartyCertificate({
      platform,
      rootSigner: keys.root.signer,
      rootCertificate: keys.root.certificate,
      subjectPublicKey: publicKey,
      subject: { country: 'CN', organization: party.name['zh-CN'], commonName: party.name.en },
      notBefore,
      notAfter,
      registration: {
        id: party.id,
        name: party.name,
        profile: profile.id,
        purpose: profile.purpose,
        elements: profile.elements,
      },
      ...(party.dnsNames.length > 0 && { dnsNames: party.dnsNames }),
    });
    const sha256 = await certificateSha256(platform, der);
    await insertRelyingPartyCertificate(tx, {
      certificateSha256: sha256,
      relyingPartyId: party.id,
      der,
      notBefore,
      notAfter,
      issuedAt: now,
    });
    const pem = encodeCertificatePem(der);
    return {
      relying_party: await entryOf(tx, party.id),
      certificate_pem: pem,
      chain_pem: [pem, keys.root.pem],
      certificate_sha256: sha256,
      not_before: rfc3339(notBefore.getTime()),
      not_after: rfc3339(notAfter.getTime()),
    };
  }

  return {
    register(request, by) {
      return publisher.change({
        action: 'relying_party.register',
        targetType: 'relying_party',
        targetId: request.id,
        actor: by.actor,
        async apply(tx, now) {
          if (await findRelyingParty(tx, request.id)) {
            throw new TrustRegistryError('ERR_TRUST_REGISTRY_RELYING_PARTY_EXISTS');
          }
          await requireProfile(tx, request.profile);
          const publicKey = await readRelyingPartyKey(platform, request.public_key_jwk);
          const party: RelyingPartyRecord = {
            id: request.id,
            name: request.name,
            profile: request.profile,
            dnsNames: [...new Set((request.dns_names ?? []).map((name) => name.toLowerCase()))],
            registeredAt: now,
            deregisteredAt: null,
          };
          await insertRelyingParty(tx, party);
          return issue(tx, party, publicKey, now);
        },
      });
    },

    issueCertificate(id, publicKeyJwk, by) {
      return publisher.change({
        action: 'relying_party.issue_certificate',
        targetType: 'relying_party',
        targetId: id,
        actor: by.actor,
        async apply(tx, now) {
          const party = await requireParty(tx, id);
          if (party.deregisteredAt !== null) {
            throw new TrustRegistryError('ERR_TRUST_REGISTRY_RELYING_PARTY_DEREGISTERED');
          }
          return issue(tx, party, await readRelyingPartyKey(platform, publicKeyJwk), now);
        },
      });
    },

    deregister(id, at, by) {
      return publisher.change({
        action: 'relying_party.deregister',
        targetType: 'relying_party',
        targetId: id,
        actor: by.actor,
        async apply(tx, now) {
          const party = await requireParty(tx, id);
          if (party.deregisteredAt !== null) {
            throw new TrustRegistryError('ERR_TRUST_REGISTRY_RELYING_PARTY_DEREGISTERED');
          }
          await setRelyingPartyDeregistered(tx, id, at ?? now);
          return entryOf(tx, id);
        },
      });
    },

    entry(id) {
      return entryOf(context.db, id);
    },
  };
}
