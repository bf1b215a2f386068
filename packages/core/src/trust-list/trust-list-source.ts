import { encodeBase64url } from '../bytes/base64url.js';
import { BoundedCache, bytesKey } from '../cache/bounded-cache.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { createStaticTrustSource, type StaticTrustAnchor } from '../trust/create-static-trust-source.js';
import type { TrustResolution, TrustSource } from '../trust/trust-source.js';
import { X509_OID } from '../x509/oids.js';
import { parseCertificate } from '../x509/parse-certificate.js';
import { decodeCertificatePem } from '../x509/pem.js';
import { indexTrustList } from './parse-trust-list.js';
import { type RelyingPartyRegistration, readRelyingPartyRegistration } from './relying-party-registration.js';
import type {
  RegisteredRelyingParty,
  TrustList,
  TrustListAuthority,
  TrustListCredentialType,
  TrustListRegistrationProfile,
  TrustListRelyingParty,
} from './trust-list-types.js';
import type { VerifiedTrustList } from './verify-trust-list.js';

/**
 * A verified trust list, indexed for verification: it is the TrustSource of every enrolled
 * authority's credentials, and it answers who a relying party is and what it may ask for.
 */
export interface TrustListSource extends TrustSource {
  readonly list: TrustList;
  /** The authority behind a resolution this source returned. */
  authorityOf(resolution: TrustResolution | undefined): TrustListAuthority | undefined;
  authority(id: string): TrustListAuthority | undefined;
  credentialType(id: string): TrustListCredentialType | undefined;
  registrationProfile(id: string): TrustListRegistrationProfile | undefined;
  /** The list's entry of a relying party. */
  relyingParty(id: string): TrustListRelyingParty | undefined;
  /** Trust for reader / access certificates: chains to the national root with id-mdlReaderAuth. */
  readonly readerTrust: TrustSource;
  /**
   * The relying party a reader / access certificate (DER, already chain-validated) belongs to:
   * its registration extension names it, the list holds it, it is not de-registered at `now`,
   * the list still names this certificate as its own, and the certificate names the party's
   * registration profile in the list. Otherwise `ERR_READER_NOT_REGISTERED` or
   * `ERR_READER_DEREGISTERED`. Its name comes from the certificate; its purpose and the
   * elements it may ask for from the list's profile, not from the certificate's copy.
   */
  relyingPartyForCertificate(certificate: Uint8Array, now: Date): Promise<RegisteredRelyingParty>;
}

/**
 * Indexes a verified trust list (`verifyTrustList`) for `roots`, the pinned national roots it
 * was verified against. Each authority's IACA roots are trust anchors limited to the credential
 * types it is enrolled for AND whose catalog entry admits its kind; its document signers resolve
 * by kid (ADR 0004). A resolution carries `revoked` when the authority was withdrawn or the
 * signing certificate (or its root) declared compromised, for the pipelines to refuse what was
 * signed from that moment on.
 */
export async function createTrustListSource(
  platform: Platform,
  verified: VerifiedTrustList,
  roots: readonly Uint8Array[],
): Promise<TrustListSource> {
  const { list } = verified;
  const types = new Map(list.credential_types.map((type) => [type.id, type]));
  const authorities = new Map(list.authorities.map((authority) => [authority.id, authority]));
  // made by parseTrustList while it checked the ids (10,000 parties: not hashed twice)
  const { registrationProfiles: profiles, relyingParties } = indexTrustList(list);
  const sha256 = async (der: Uint8Array) => encodeBase64url(await platform.digest('SHA-256', der));

  const anchors: StaticTrustAnchor[] = [];
  const documentSigners: Uint8Array[] = [];
  const authorityByRoot = new Map<string, TrustListAuthority>();
  const cache = sourcesOf(platform);
  // the key of the issuers' trust source: every anchor with its docTypes, then every DS
  let issuersKey = '';
  for (const authority of list.authorities) {
    const docTypes = authority.credential_types.filter((id) => types.get(id)?.authority_kinds.includes(authority.kind));
    for (const pem of authority.iaca) {
      const certificate = decodeListedCertificate(pem, authority.id);
      const key = bytesKey(certificate);
      anchors.push({ certificate, docTypes });
      authorityByRoot.set(key, authority);
      issuersKey += `R${key.length}:${key}${JSON.stringify(docTypes)}`;
    }
    for (const pem of authority.document_signers) {
      const certificate = decodeListedCertificate(pem, authority.id);
      documentSigners.push(certificate);
      issuersKey += `S${certificate.length}:${bytesKey(certificate)}`;
    }
  }
  // A refreshed list nearly always names the same authorities: the trust sources built for the
  // previous one are reused (they depend on nothing else, and re-parsing every root costs more
  // than verifying the list), and keep the chains they validated.
  const issuers = cache.getOrCreate(issuersKey, () =>
    createStaticTrustSource({ platform, roots: anchors, documentSigners }),
  );
  const readerKey = `reader|${roots.map((der) => `${der.length}:${bytesKey(der)}`).join('|')}`;
  const readerTrust = cache.getOrCreate(readerKey, () =>
    createStaticTrustSource({
      platform,
      roots: [...roots],
      leafExtendedKeyUsage: X509_OID.mdlReaderAuth,
    }),
  );

  const revocations = new Map<string, Date>();
  for (const authority of list.authorities) {
    for (const key of authority.compromised_keys ?? []) revocations.set(key.certificate_sha256, new Date(key.since));
  }
  // the static source caches its resolutions, so the annotated one is cached per resolution
  const annotated = new WeakMap<TrustResolution, TrustResolution>();
  const authorityOfResolution = new WeakMap<TrustResolution, TrustListAuthority | undefined>();
  const annotate = async (resolution: TrustResolution): Promise<TrustResolution> => {
    const known = annotated.get(resolution);
    if (known) return known;
    const { certificates } = resolution;
    const authority = certificates ? authorityByRoot.get(bytesKey(certificates.root)) : undefined;
    let revoked: TrustResolution['revoked'];
    const consider = (at: Date | undefined, code: NonNullable<TrustResolution['revoked']>['code']) => {
      if (at && (!revoked || at < revoked.at)) revoked = { at, code };
    };
    if (certificates) {
      consider(revocations.get(await sha256(certificates.leaf)), 'ERR_TRUST_KEY_COMPROMISED');
      consider(revocations.get(await sha256(certificates.root)), 'ERR_TRUST_KEY_COMPROMISED');
    }
    if (authority?.withdrawn_at) consider(new Date(authority.withdrawn_at), 'ERR_TRUST_ISSUER_WITHDRAWN');
    const result: TrustResolution = {
      ...resolution,
      issuer: { ...resolution.issuer, name: authority ? authority.name['zh-CN'] : resolution.issuer.name },
      ...(revoked && { revoked }),
    };
    annotated.set(resolution, result);
    authorityOfResolution.set(result, authority);
    return result;
  };
  return {
    list,
    resolveChain: async (chain, query) => annotate(await issuers.resolveChain(chain, query)),
    resolveKid: async (kid, query) => annotate(await issuers.resolveKid(kid, query)),
    authorityOf: (resolution) => (resolution ? authorityOfResolution.get(resolution) : undefined),
    authority: (id) => authorities.get(id),
    credentialType: (id) => types.get(id),
    registrationProfile: (id) => profiles.get(id),
    relyingParty: (id) => relyingParties.get(id),
    readerTrust,
    async relyingPartyForCertificate(certificate, now) {
      const registration = registrationOf(certificate);
      if (!registration) {
        throw new ZzError(
          'ERR_READER_NOT_REGISTERED',
          'The certificate carries no registration of the national registry',
        );
      }
      const party = relyingParties.get(registration.id);
      if (!party) throw new ZzError('ERR_READER_NOT_REGISTERED', 'The relying party is not in the trust list');
      if (party.deregistered_at !== undefined && now.getTime() >= Date.parse(party.deregistered_at)) {
        throw new ZzError('ERR_READER_DEREGISTERED', 'The relying party has been de-registered');
      }
      if (!party.certificates.includes(await sha256(certificate))) {
        throw new ZzError('ERR_READER_NOT_REGISTERED', 'The trust list no longer names this certificate');
      }
      const profile = profiles.get(party.profile);
      if (!profile) {
        // parseTrustList refuses such a list: only a hand-built VerifiedTrustList gets here
        throw new ZzError('ERR_TRUST_LIST_MALFORMED', 'The relying party names an unknown registration profile');
      }
      if (registration.profile !== party.profile) {
        throw new ZzError(
          'ERR_READER_NOT_REGISTERED',
          'The certificate registration names another registration profile than the trust list',
        );
      }
      return {
        id: party.id,
        profile: profile.id,
        name: { 'zh-CN': registration.name['zh-CN'], en: registration.name.en },
        purpose: profile.purpose,
        elements: profile.elements,
      };
    },
  };
}

/** Trust sources built by `createTrustListSource`, per platform, by what they were built from. */
const builtSources = new WeakMap<Platform, BoundedCache<string, TrustSource>>();
const MAX_CACHED_SOURCES = 8;

function sourcesOf(platform: Platform): BoundedCache<string, TrustSource> {
  let cache = builtSources.get(platform);
  if (!cache) {
    cache = new BoundedCache(MAX_CACHED_SOURCES);
    builtSources.set(platform, cache);
  }
  return cache;
}

/**
 * Registrations read from reader / access certificates, by DER (`null`: none): parsing a
 * certificate costs ~100× the rest of a lookup, and a counter or wallet sees the same readers
 * again and again. Reading is deterministic; what the list says is checked on every lookup.
 */
const registrations = new BoundedCache<string, RelyingPartyRegistration | null>(1024);

function registrationOf(certificate: Uint8Array): RelyingPartyRegistration | undefined {
  if (!(certificate instanceof Uint8Array)) return readRelyingPartyRegistration(parseCertificate(certificate));
  return (
    registrations.getOrCreate(
      bytesKey(certificate),
      () => readRelyingPartyRegistration(parseCertificate(certificate)) ?? null,
    ) ?? undefined
  );
}

/** PEM texts of listed certificates already seen to decode and parse (parsing is deterministic). */
const decodedPems = new BoundedCache<string, Uint8Array>(2048);

function decodeListedCertificate(pem: string, authorityId: string): Uint8Array {
  const known = decodedPems.get(pem);
  if (known) return new Uint8Array(known);
  try {
    const der = decodeCertificatePem(pem);
    parseCertificate(der);
    decodedPems.set(pem, new Uint8Array(der));
    return der;
  } catch (error) {
    throw new ZzError('ERR_TRUST_LIST_MALFORMED', `A certificate of authority ${authorityId} does not decode`, {
      cause: error,
    });
  }
}
