import { encodeCertificatePem, type TrustListAuthority } from '@zhengzhao/core';
import { rfc3339 } from '../../context.js';
import type { AuthorityCertificateRecord, AuthorityRecord, CompromisedKeyRecord } from './authority-repository.js';

/** An authority's trust-list entry from its records (certificates in the order they were added). */
export function authorityEntry(
  authority: AuthorityRecord,
  certificates: readonly AuthorityCertificateRecord[],
  compromised: readonly CompromisedKeyRecord[],
): TrustListAuthority {
  const own = certificates.filter((c) => c.authorityId === authority.id);
  const keys = compromised.filter((k) => k.authorityId === authority.id);
  return {
    id: authority.id,
    name: authority.name,
    kind: authority.kind,
    ...(authority.region !== null && { region: authority.region }),
    suite: authority.suite,
    iaca: own.filter((c) => c.role === 'iaca').map((c) => encodeCertificatePem(c.der)),
    document_signers: own.filter((c) => c.role === 'document_signer').map((c) => encodeCertificatePem(c.der)),
    credential_types: [...authority.credentialTypes],
    status_lists: [...authority.statusLists],
    ...(authority.withdrawnAt !== null && { withdrawn_at: rfc3339(authority.withdrawnAt.getTime()) }),
    ...(keys.length > 0 && {
      compromised_keys: keys.map((k) => ({
        certificate_sha256: k.certificateSha256,
        since: rfc3339(k.since.getTime()),
      })),
    }),
  };
}
