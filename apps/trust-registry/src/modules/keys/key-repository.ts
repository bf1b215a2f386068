import type { RegistryDb } from '../../context.js';
import type { RegistryKeysTable } from '../../db/schema.js';

/** One certificate of the registry's own keys. */
export interface RegistryCertificateRecord {
  readonly certificateSha256: string;
  readonly role: RegistryKeysTable['role'];
  readonly keyId: string;
  readonly der: Uint8Array;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly createdAt: Date;
}

/** The newest certificate of `role`, or undefined before the first start. */
export async function findLatestRegistryCertificate(
  db: RegistryDb,
  role: RegistryKeysTable['role'],
): Promise<RegistryCertificateRecord | undefined> {
  const row = await db
    .selectFrom('registry_keys')
    .selectAll()
    .where('role', '=', role)
    .orderBy('created_at', 'desc')
    .orderBy('not_after', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row
    ? {
        certificateSha256: row.certificate_sha256,
        role: row.role,
        keyId: row.key_id,
        der: row.certificate,
        notBefore: new Date(Number(row.not_before)),
        notAfter: new Date(Number(row.not_after)),
        createdAt: new Date(Number(row.created_at)),
      }
    : undefined;
}

export async function insertRegistryCertificate(db: RegistryDb, record: RegistryCertificateRecord): Promise<void> {
  await db
    .insertInto('registry_keys')
    .values({
      certificate_sha256: record.certificateSha256,
      role: record.role,
      key_id: record.keyId,
      certificate: record.der,
      not_before: record.notBefore.getTime(),
      not_after: record.notAfter.getTime(),
      created_at: record.createdAt.getTime(),
    })
    .execute();
}
