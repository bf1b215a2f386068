import type { RegistryDb } from '../../context.js';

/** One published trust list, both forms. */
export interface TrustListVersion {
  readonly sequence: number;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Compact JWS (`application/zz-trust-list+jwt`). */
  readonly jws: string;
  /** Tagged COSE_Sign1 (`application/zz-trust-list+cose`). */
  readonly cose: Uint8Array;
}

/** The highest published sequence number, 0 before the first list. */
export async function latestSequence(db: RegistryDb): Promise<number> {
  const row = await db
    .selectFrom('trust_list_versions')
    .select((eb) => eb.fn.max('sequence').as('sequence'))
    .executeTakeFirst();
  return row?.sequence === null || row?.sequence === undefined ? 0 : Number(row.sequence);
}

/** Sequence and issue time of the newest list, without its bytes. */
export async function latestVersionHead(
  db: RegistryDb,
): Promise<{ readonly sequence: number; readonly issuedAt: Date } | undefined> {
  const row = await db
    .selectFrom('trust_list_versions')
    .select(['sequence', 'issued_at'])
    .orderBy('sequence', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { sequence: Number(row.sequence), issuedAt: new Date(Number(row.issued_at)) } : undefined;
}

export async function findTrustListVersion(db: RegistryDb, sequence: number): Promise<TrustListVersion | undefined> {
  const row = await db
    .selectFrom('trust_list_versions')
    .selectAll()
    .where('sequence', '=', sequence)
    .executeTakeFirst();
  return row
    ? {
        sequence: Number(row.sequence),
        issuedAt: new Date(Number(row.issued_at)),
        expiresAt: new Date(Number(row.expires_at)),
        jws: row.jws,
        cose: row.cose,
      }
    : undefined;
}

/** Stores a version; the primary key refuses a sequence number twice. */
export async function insertTrustListVersion(db: RegistryDb, version: TrustListVersion): Promise<void> {
  await db
    .insertInto('trust_list_versions')
    .values({
      sequence: version.sequence,
      issued_at: version.issuedAt.getTime(),
      expires_at: version.expiresAt.getTime(),
      jws: version.jws,
      cose: version.cose,
    })
    .execute();
}
