import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';
import type { StatusChange } from '../status/status-repository.js';

/** Token Status List values (draft-ietf-oauth-status-list §7.1). */
export const CREDENTIAL_STATUS = { valid: 0, invalid: 1, suspended: 2 } as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUS)[keyof typeof CREDENTIAL_STATUS];

/** One issued credential copy as stored (never its bytes or claims). */
export interface CredentialRecord {
  readonly credentialId: string;
  readonly personId: string;
  readonly walletId: string;
  readonly configurationId: string;
  readonly format: string;
  readonly statusShard: number | null;
  readonly statusIndex: number | null;
  readonly status: CredentialStatus;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

export async function insertCredentials(
  db: Kysely<IssuerDatabase>,
  records: readonly CredentialRecord[],
): Promise<void> {
  if (records.length === 0) return;
  await db
    .insertInto('credentials')
    .values(
      records.map((r) => ({
        credential_id: r.credentialId,
        person_id: r.personId,
        wallet_id: r.walletId,
        configuration_id: r.configurationId,
        format: r.format,
        status_shard: r.statusShard,
        status_index: r.statusIndex,
        status: r.status,
        issued_at: r.issuedAt.getTime(),
        expires_at: r.expiresAt.getTime(),
      })),
    )
    .execute();
}

export async function listCredentials(
  db: Kysely<IssuerDatabase>,
  filter: { personId?: string; walletId?: string },
): Promise<CredentialRecord[]> {
  const rows = await db
    .selectFrom('credentials')
    .selectAll()
    .$if(filter.personId !== undefined, (q) => q.where('person_id', '=', filter.personId as string))
    .$if(filter.walletId !== undefined, (q) => q.where('wallet_id', '=', filter.walletId as string))
    .orderBy('issued_at')
    .orderBy('credential_id')
    .execute();
  return rows.map((r) => ({
    credentialId: r.credential_id,
    personId: r.person_id,
    walletId: r.wallet_id,
    configurationId: r.configuration_id,
    format: r.format,
    statusShard: r.status_shard,
    statusIndex: r.status_index === null ? null : Number(r.status_index),
    status: r.status as CredentialStatus,
    issuedAt: new Date(Number(r.issued_at)),
    expiresAt: new Date(Number(r.expires_at)),
  }));
}

export interface SetStatusFilter {
  readonly personId?: string;
  readonly walletId?: string;
  /** Only rows whose status is one of these. */
  readonly from: readonly CredentialStatus[];
  /** Only rows whose wallet is active (resuming never wakes a suspended device). */
  readonly activeWalletsOnly?: boolean;
}

/**
 * Moves every matching credential to `to` and records the list entries that changed in
 * `changes` (applied to the in-memory lists after commit). Returns how many rows changed.
 */
export async function setCredentialStatus(
  db: Kysely<IssuerDatabase>,
  filter: SetStatusFilter,
  to: CredentialStatus,
  changes: StatusChange[],
): Promise<number> {
  if (filter.personId === undefined && filter.walletId === undefined) return 0;
  const rows = await db
    .updateTable('credentials')
    .set({ status: to })
    .$if(filter.personId !== undefined, (q) => q.where('person_id', '=', filter.personId as string))
    .$if(filter.walletId !== undefined, (q) => q.where('wallet_id', '=', filter.walletId as string))
    .where('status', 'in', [...filter.from])
    .$if(filter.activeWalletsOnly === true, (q) =>
      q.where('wallet_id', 'in', (eb) => eb.selectFrom('wallets').select('wallet_id').where('state', '=', 'active')),
    )
    .returning(['status_shard', 'status_index'])
    .execute();
  // a person's paper cards (no wallet) follow the person's card: revoked, suspended and resumed with it
  const paper =
    filter.personId !== undefined && filter.walletId === undefined
      ? await db
          .updateTable('paper_cards')
          .set({ status: to })
          .where('person_id', '=', filter.personId)
          .where('status', 'in', [...filter.from])
          .returning(['status_shard', 'status_index'])
          .execute()
      : [];
  for (const row of [...rows, ...paper]) {
    if (row.status_shard !== null && row.status_index !== null) {
      changes.push({ shardId: row.status_shard, index: Number(row.status_index), status: to });
    }
  }
  return rows.length + paper.length;
}
