import type { LocalizedText, SuiteId } from '@zhengzhao/core';
import type { RegistryDb } from '../../context.js';
import type { AuthoritiesTable, AuthorityCertificatesTable } from '../../db/schema.js';

/** An enrolled issuing authority as stored (its certificates are separate rows). */
export interface AuthorityRecord {
  readonly id: string;
  readonly name: LocalizedText;
  readonly kind: string;
  readonly region: string | null;
  readonly suite: SuiteId;
  readonly credentialTypes: readonly string[];
  readonly statusLists: readonly string[];
  readonly enrolledAt: Date;
  readonly withdrawnAt: Date | null;
}

/** An IACA root or document-signer certificate of an authority. */
export interface AuthorityCertificateRecord {
  readonly certificateSha256: string;
  readonly authorityId: string;
  readonly role: AuthorityCertificatesTable['role'];
  readonly der: Uint8Array;
  readonly addedAt: Date;
}

/** A certificate declared compromised from `since` on. */
export interface CompromisedKeyRecord {
  readonly authorityId: string;
  readonly certificateSha256: string;
  readonly since: Date;
  readonly declaredAt: Date;
}

function toAuthority(row: AuthoritiesTable): AuthorityRecord {
  return {
    id: row.id,
    name: JSON.parse(row.name) as LocalizedText,
    kind: row.kind,
    region: row.region,
    suite: row.suite as SuiteId,
    credentialTypes: JSON.parse(row.credential_types) as string[],
    statusLists: JSON.parse(row.status_lists) as string[],
    enrolledAt: new Date(Number(row.enrolled_at)),
    withdrawnAt: row.withdrawn_at === null ? null : new Date(Number(row.withdrawn_at)),
  };
}

export async function findAuthority(db: RegistryDb, id: string): Promise<AuthorityRecord | undefined> {
  const row = await db.selectFrom('authorities').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAuthority(row) : undefined;
}

export async function listAuthorities(db: RegistryDb): Promise<AuthorityRecord[]> {
  return (await db.selectFrom('authorities').selectAll().orderBy('id').execute()).map(toAuthority);
}

export async function insertAuthority(db: RegistryDb, record: AuthorityRecord): Promise<void> {
  await db
    .insertInto('authorities')
    .values({
      id: record.id,
      name: JSON.stringify(record.name),
      kind: record.kind,
      region: record.region,
      suite: record.suite,
      credential_types: JSON.stringify(record.credentialTypes),
      status_lists: JSON.stringify(record.statusLists),
      enrolled_at: record.enrolledAt.getTime(),
      withdrawn_at: record.withdrawnAt?.getTime() ?? null,
    })
    .execute();
}

export async function setAuthorityWithdrawn(db: RegistryDb, id: string, at: Date): Promise<void> {
  await db.updateTable('authorities').set({ withdrawn_at: at.getTime() }).where('id', '=', id).execute();
}

/** Certificates of one authority, or of all; in the order they were added. */
export async function listAuthorityCertificates(
  db: RegistryDb,
  authorityId?: string,
): Promise<AuthorityCertificateRecord[]> {
  const rows = await db
    .selectFrom('authority_certificates')
    .selectAll()
    .$if(authorityId !== undefined, (q) => q.where('authority_id', '=', authorityId as string))
    .orderBy('authority_id')
    .orderBy('ordinal')
    .execute();
  return rows.map((r) => ({
    certificateSha256: r.certificate_sha256,
    authorityId: r.authority_id,
    role: r.role,
    der: r.certificate,
    addedAt: new Date(Number(r.added_at)),
  }));
}

/** The authority holding a certificate, if any (a certificate belongs to one authority only). */
export async function findCertificateOwner(db: RegistryDb, certificateSha256: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('authority_certificates')
    .select('authority_id')
    .where('certificate_sha256', '=', certificateSha256)
    .executeTakeFirst();
  return row?.authority_id;
}

/** Adds a certificate after the authority's others (run under the registry lock). */
export async function insertAuthorityCertificate(db: RegistryDb, record: AuthorityCertificateRecord): Promise<void> {
  const last = await db
    .selectFrom('authority_certificates')
    .select((eb) => eb.fn.max('ordinal').as('ordinal'))
    .where('authority_id', '=', record.authorityId)
    .executeTakeFirst();
  await db
    .insertInto('authority_certificates')
    .values({
      certificate_sha256: record.certificateSha256,
      authority_id: record.authorityId,
      role: record.role,
      certificate: record.der,
      ordinal: Number(last?.ordinal ?? 0) + 1,
      added_at: record.addedAt.getTime(),
    })
    .execute();
}

export async function listCompromisedKeys(db: RegistryDb, authorityId?: string): Promise<CompromisedKeyRecord[]> {
  const rows = await db
    .selectFrom('compromised_keys')
    .selectAll()
    .$if(authorityId !== undefined, (q) => q.where('authority_id', '=', authorityId as string))
    .orderBy('authority_id')
    .orderBy('since')
    .orderBy('certificate_sha256')
    .execute();
  return rows.map((r) => ({
    authorityId: r.authority_id,
    certificateSha256: r.certificate_sha256,
    since: new Date(Number(r.since)),
    declaredAt: new Date(Number(r.declared_at)),
  }));
}

export async function insertCompromisedKey(db: RegistryDb, record: CompromisedKeyRecord): Promise<void> {
  await db
    .insertInto('compromised_keys')
    .values({
      authority_id: record.authorityId,
      certificate_sha256: record.certificateSha256,
      since: record.since.getTime(),
      declared_at: record.declaredAt.getTime(),
    })
    .execute();
}
