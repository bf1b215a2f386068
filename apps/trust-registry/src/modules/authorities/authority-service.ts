import {
  type LocalizedText,
  type ParsedCertificate,
  parseCertificate,
  type SuiteId,
  type TrustListAuthority,
  ZzError,
} from '@zhengzhao/core';
import { certificateSha256, type RegistryContext, type RegistryDb } from '../../context.js';
import { TrustRegistryError } from '../../errors.js';
import type { AdminPrincipal } from '../admin/admin-auth.js';
import { listCatalog } from '../catalog/catalog.js';
import type { ChangeResult, TrustListPublisher } from '../trust-list/trust-list-publisher.js';
import { authorityEntry } from './authority-entry.js';
import {
  type AuthorityRecord,
  findAuthority,
  findCertificateOwner,
  insertAuthority,
  insertAuthorityCertificate,
  insertCompromisedKey,
  listAuthorityCertificates,
  listCompromisedKeys,
  setAuthorityWithdrawn,
} from './authority-repository.js';
import {
  checkCompromisedCertificate,
  checkDocumentSignerCertificate,
  checkIacaCertificate,
} from './check-authority-certificates.js';

/** Most document signers one authority may list (the trust list's limit per entry). */
export const MAX_DOCUMENT_SIGNERS = 64;

/** `POST /admin/authorities`: an issuing authority to enrol (snake_case like the trust list). */
export interface EnrolAuthorityRequest {
  readonly id: string;
  readonly name: LocalizedText;
  /** e.g. `public_security`, `transport`, `human_resources`. */
  readonly kind: string;
  readonly region?: string;
  readonly suite: SuiteId;
  /** IACA root certificates, PEM. */
  readonly iaca: readonly string[];
  /** Document-signer certificates, PEM, each under one of `iaca`. */
  readonly document_signers: readonly string[];
  readonly credential_types: readonly string[];
  /** Status-list URL prefixes. */
  readonly status_lists: readonly string[];
}

/** A certificate declared compromised from `since` on. */
export interface CompromisedKeyRequest {
  readonly certificatePem: string;
  readonly since: Date;
}

/** Enrolment and lifecycle of issuing authorities; every change publishes a trust-list version. */
export interface AuthorityService {
  enrol(request: EnrolAuthorityRequest, by: AdminPrincipal): Promise<ChangeResult<TrustListAuthority>>;
  /** Key rotation: adds a document signer; the previous ones stay listed. */
  addDocumentSigner(id: string, pem: string, by: AdminPrincipal): Promise<ChangeResult<TrustListAuthority>>;
  declareCompromisedKey(
    id: string,
    request: CompromisedKeyRequest,
    by: AdminPrincipal,
  ): Promise<ChangeResult<TrustListAuthority>>;
  /** Credentials it signed from `at` on are refused; it stays listed for what it signed before. */
  withdraw(id: string, at: Date | undefined, by: AdminPrincipal): Promise<ChangeResult<TrustListAuthority>>;
  /** The authority's current entry (404 `ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN`). */
  entry(id: string): Promise<TrustListAuthority>;
}

async function requireAuthority(db: RegistryDb, id: string): Promise<AuthorityRecord> {
  const authority = await findAuthority(db, id);
  if (!authority) throw new TrustRegistryError('ERR_TRUST_REGISTRY_AUTHORITY_UNKNOWN');
  return authority;
}

async function entryOf(db: RegistryDb, id: string): Promise<TrustListAuthority> {
  const authority = await requireAuthority(db, id);
  return authorityEntry(authority, await listAuthorityCertificates(db, id), await listCompromisedKeys(db, id));
}

/** Refuses a certificate some authority (this one or another) already holds. */
async function requireNewCertificate(db: RegistryDb, sha256: string, field: string): Promise<void> {
  const owner = await findCertificateOwner(db, sha256);
  if (owner !== undefined) {
    throw new TrustRegistryError('ERR_TRUST_REGISTRY_CERTIFICATE_ENROLLED', `${field} is already enrolled`);
  }
}

export function createAuthorityService(context: RegistryContext, publisher: TrustListPublisher): AuthorityService {
  const { platform } = context;
  const sha = (der: Uint8Array) => certificateSha256(platform, der);

  return {
    enrol(request, by) {
      return publisher.change({
        action: 'authority.enrol',
        targetType: 'authority',
        targetId: request.id,
        actor: by.actor,
        async apply(tx, now) {
          if (await findAuthority(tx, request.id)) throw new TrustRegistryError('ERR_TRUST_REGISTRY_AUTHORITY_EXISTS');
          const catalog = new Map((await listCatalog(tx)).map((type) => [type.id, type]));
          for (const typeId of request.credential_types) {
            const type = catalog.get(typeId);
            if (!type) throw new ZzError('ERR_CATALOG_UNKNOWN_TYPE', `Credential type ${typeId} is not in the catalog`);
            if (!type.authority_kinds.includes(request.kind)) {
              throw new ZzError(
                'ERR_TRUST_DOCTYPE_NOT_ALLOWED',
                `The catalog does not admit authorities of kind ${request.kind} for ${typeId}`,
              );
            }
          }
          const iacas: ParsedCertificate[] = [];
          for (const [i, pem] of request.iaca.entries()) {
            iacas.push(await checkIacaCertificate(platform, pem, request.suite, now, `iaca[${i}]`));
          }
          const signers: ParsedCertificate[] = [];
          for (const [i, pem] of request.document_signers.entries()) {
            const field = `document_signers[${i}]`;
            signers.push(await checkDocumentSignerCertificate(platform, pem, iacas, request.suite, now, field));
          }
          await insertAuthority(tx, {
            id: request.id,
            name: request.name,
            kind: request.kind,
            region: request.region ?? null,
            suite: request.suite,
            credentialTypes: [...new Set(request.credential_types)],
            statusLists: [...new Set(request.status_lists)],
            enrolledAt: now,
            withdrawnAt: null,
          });
          const seen = new Set<string>();
          const certificates = [
            ...iacas.map((c, i) => ({ c, role: 'iaca' as const, field: `iaca[${i}]` })),
            ...signers.map((c, i) => ({ c, role: 'document_signer' as const, field: `document_signers[${i}]` })),
          ];
          for (const { c, role, field } of certificates) {
            const certificateSha = await sha(c.der);
            if (seen.has(certificateSha)) throw new ZzError('ERR_INPUT_INVALID', `${field} is listed twice`);
            seen.add(certificateSha);
            await requireNewCertificate(tx, certificateSha, field);
            await insertAuthorityCertificate(tx, {
              certificateSha256: certificateSha,
              authorityId: request.id,
              role,
              der: c.der,
              addedAt: now,
            });
          }
          return entryOf(tx, request.id);
        },
      });
    },

    addDocumentSigner(id, pem, by) {
      return publisher.change({
        action: 'authority.add_document_signer',
        targetType: 'authority',
        targetId: id,
        actor: by.actor,
        async apply(tx, now) {
          const authority = await requireAuthority(tx, id);
          if (authority.withdrawnAt !== null) throw new TrustRegistryError('ERR_TRUST_REGISTRY_AUTHORITY_WITHDRAWN');
          const certificates = await listAuthorityCertificates(tx, id);
          if (certificates.filter((c) => c.role === 'document_signer').length >= MAX_DOCUMENT_SIGNERS) {
            throw new TrustRegistryError(
              'ERR_TRUST_REGISTRY_LIMIT',
              `An authority lists at most ${MAX_DOCUMENT_SIGNERS} document signers`,
            );
          }
          const iacas = certificates.filter((c) => c.role === 'iaca').map((c) => parseCertificate(c.der));
          const signer = await checkDocumentSignerCertificate(platform, pem, iacas, authority.suite, now, 'pem');
          const certificateSha = await sha(signer.der);
          await requireNewCertificate(tx, certificateSha, 'pem');
          await insertAuthorityCertificate(tx, {
            certificateSha256: certificateSha,
            authorityId: id,
            role: 'document_signer',
            der: signer.der,
            addedAt: now,
          });
          return entryOf(tx, id);
        },
      });
    },

    declareCompromisedKey(id, request, by) {
      return publisher.change({
        action: 'authority.declare_compromised_key',
        targetType: 'authority',
        targetId: id,
        actor: by.actor,
        async apply(tx, now) {
          await requireAuthority(tx, id);
          const certificates = await listAuthorityCertificates(tx, id);
          const iacas = certificates.filter((c) => c.role === 'iaca').map((c) => parseCertificate(c.der));
          const certificate = await checkCompromisedCertificate(
            platform,
            request.certificatePem,
            certificates.map((c) => c.der),
            iacas,
            'certificate_pem',
          );
          const certificateSha = await sha(certificate.der);
          const declared = await listCompromisedKeys(tx, id);
          if (declared.some((k) => k.certificateSha256 === certificateSha)) {
            throw new TrustRegistryError('ERR_TRUST_REGISTRY_KEY_ALREADY_COMPROMISED');
          }
          await insertCompromisedKey(tx, {
            authorityId: id,
            certificateSha256: certificateSha,
            since: request.since,
            declaredAt: now,
          });
          return entryOf(tx, id);
        },
      });
    },

    withdraw(id, at, by) {
      return publisher.change({
        action: 'authority.withdraw',
        targetType: 'authority',
        targetId: id,
        actor: by.actor,
        async apply(tx, now) {
          const authority = await requireAuthority(tx, id);
          if (authority.withdrawnAt !== null) throw new TrustRegistryError('ERR_TRUST_REGISTRY_AUTHORITY_WITHDRAWN');
          await setAuthorityWithdrawn(tx, id, at ?? now);
          return entryOf(tx, id);
        },
      });
    },

    entry(id) {
      return entryOf(context.db, id);
    },
  };
}
