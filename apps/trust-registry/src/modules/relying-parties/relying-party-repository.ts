import type { LocalizedText } from '@zhengzhao/core';
import type { RegistryDb } from '../../context.js';
import type { RelyingPartiesTable } from '../../db/schema.js';

/** A registered relying party as stored (its certificates are separate rows). */
export interface RelyingPartyRecord {
  readonly id: string;
  /** Its name, which its certificates carry. */
  readonly name: LocalizedText;
  /** Id of its registration profile. */
  readonly profile: string;
  readonly dnsNames: readonly string[];
  readonly registeredAt: Date;
  readonly deregisteredAt: Date | null;
}

/** A reader / access certificate the national root issued to a relying party. */
export interface RelyingPartyCertificateRecord {
  readonly certificateSha256: string;
  readonly relyingPartyId: string;
  readonly der: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly issuedAt: Date;
}

function toRelyingParty(row: RelyingPartiesTable): RelyingPartyRecord {
  return {
    id: row.id,
    name: JSON.parse(row.name) as LocalizedText,
    // set on every row since migration 0002 (an empty id would fail the signing of the list)
    profile: row.profile_id ?? '',
    dnsNames: JSON.parse(row.dns_names) as string[],
    registeredAt: new Date(Number(row.registered_at)),
    deregisteredAt: row.deregistered_at === null ? null : new Date(Number(row.deregistered_at)),
  };
}

export async function findRelyingParty(db: RegistryDb, id: string): Promise<RelyingPartyRecord | undefined> {
  const row = await db.selectFrom('relying_parties').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRelyingParty(row) : undefined;
}

export async function listRelyingParties(db: RegistryDb): Promise<RelyingPartyRecord[]> {
  return (await db.selectFrom('relying_parties').selectAll().orderBy('id').execute()).map(toRelyingParty);
}

export async function insertRelyingParty(db: RegistryDb, record: RelyingPartyRecord): Promise<void> {
  await db
    .insertInto('relying_parties')
    .values({
      id: record.id,
      name: JSON.stringify(record.name),
      profile_id: record.profile,
      dns_names: JSON.stringify(record.dnsNames),
      registered_at: record.registeredAt.getTime(),
      deregistered_at: record.deregisteredAt?.getTime() ?? null,
    })
    .execute();
}

export async function setRelyingPartyDeregistered(db: RegistryDb, id: string, at: Date): Promise<void> {
  await db.updateTable('relying_parties').set({ deregistered_at: at.getTime() }).where('id', '=', id).execute();
}

/** Certificates of one relying party, or of all, oldest first. */
export async function listRelyingPartyCertificates(
  db: RegistryDb,
  relyingPartyId?: string,
): Promise<RelyingPartyCertificateRecord[]> {
  const rows = await db
    .selectFrom('relying_party_certificates')
    .selectAll()
    .$if(relyingPartyId !== undefined, (q) => q.where('relying_party_id', '=', relyingPartyId as string))
    .orderBy('relying_party_id')
    .orderBy('ordinal')
    .execute();
  return rows.map((r) => ({
    certificateSha256: r.certificate_sha256,
    relyingPartyId: r.relying_party_id,
    der: r.certificate,
    notBefore: new Date(Number(r.not_before)),
    notAfter: new Date(Number(r.not_after)),
    issuedAt: new Date(Number(r.issued_at)),
  }));
}

/** Adds a certificate after the party's others (run under the registry lock). */
export async function insertRelyingPartyCertificate(
  db: RegistryDb,
  record: RelyingPartyCertificateRecord,
): Promise<void> {
  const last = await db
    .selectFrom('relying_party_certificates')
    .select((eb) => eb.fn.max('ordinal').as('ordinal'))
    .where('relying_party_id', '=', record.relyingPartyId)
    .executeTakeFirst();
  await db
    .insertInto('relying_party_certificates')
    .values({
      certificate_sha256: record.certificateSha256,
      relying_party_id: record.relyingPartyId,
      certificate: record.der,
      ordinal: Number(last?.ordinal ?? 0) + 1,
      not_before: record.notBefore.getTime(),
      not_after: record.notAfter.getTime(),
      issued_at: record.issuedAt.getTime(),
    })
    .execute();
}
