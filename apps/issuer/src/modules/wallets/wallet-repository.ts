import { type EcPublicJwk, type PublicKey, publicKeyToJwk, ZzError } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { IssuerDatabase } from '../../db/schema.js';

export type WalletState = 'active' | 'suspended';

/** A holder's wallet (one device) bound to a person by its device key. */
export interface WalletRecord {
  readonly walletId: string;
  readonly personId: string;
  readonly deviceKey: EcPublicJwk;
  readonly state: WalletState;
  readonly createdAt: Date;
}

/** What a wallet is told at its next sync (no personal data, only what happened). */
export type WalletNotificationType = 'refresh' | 'suspended' | 'resumed' | 'revoked';

export interface WalletNotification {
  readonly notificationId: string;
  readonly type: WalletNotificationType;
  readonly createdAt: Date;
}

export async function findWallet(
  db: Kysely<IssuerDatabase>,
  walletId: string,
  options: { forUpdate?: boolean } = {},
): Promise<WalletRecord | undefined> {
  const row = await db
    .selectFrom('wallets')
    .selectAll()
    .where('wallet_id', '=', walletId)
    .$if(options.forUpdate === true, (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    walletId: row.wallet_id,
    personId: row.person_id,
    deviceKey: JSON.parse(row.device_key) as EcPublicJwk,
    state: row.state,
    createdAt: new Date(Number(row.created_at)),
  };
}

/** The wallet, or `ERR_ISSUER_WALLET_UNKNOWN`. */
export async function getWallet(
  db: Kysely<IssuerDatabase>,
  walletId: string,
  options: { forUpdate?: boolean } = {},
): Promise<WalletRecord> {
  const wallet = await findWallet(db, walletId, options);
  if (!wallet) throw new ZzError('ERR_ISSUER_WALLET_UNKNOWN', 'No wallet with this id');
  return wallet;
}

/** Inserts a wallet for `personId` bound to `deviceKey`, active. */
export async function insertWallet(
  db: Kysely<IssuerDatabase>,
  wallet: { walletId: string; personId: string; deviceKey: PublicKey; now: Date },
): Promise<WalletRecord> {
  const deviceKey = publicKeyToJwk(wallet.deviceKey);
  await db
    .insertInto('wallets')
    .values({
      wallet_id: wallet.walletId,
      person_id: wallet.personId,
      device_key: JSON.stringify(deviceKey),
      state: 'active',
      created_at: wallet.now.getTime(),
    })
    .execute();
  return { walletId: wallet.walletId, personId: wallet.personId, deviceKey, state: 'active', createdAt: wallet.now };
}

export async function setWalletState(db: Kysely<IssuerDatabase>, walletId: string, state: WalletState): Promise<void> {
  await db.updateTable('wallets').set({ state }).where('wallet_id', '=', walletId).execute();
}

/** Ids of the person's wallets, optionally only those in `state`. */
export async function listWalletIdsOfPerson(
  db: Kysely<IssuerDatabase>,
  personId: string,
  state?: WalletState,
): Promise<string[]> {
  const rows = await db
    .selectFrom('wallets')
    .select('wallet_id')
    .where('person_id', '=', personId)
    .$if(state !== undefined, (q) => q.where('state', '=', state as WalletState))
    .orderBy('wallet_id')
    .execute();
  return rows.map((r) => r.wallet_id);
}

/** Appends one notification per wallet. */
export async function addNotifications(
  db: Kysely<IssuerDatabase>,
  notifications: readonly { notificationId: string; walletId: string; type: WalletNotificationType }[],
  now: Date,
): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notifications')
    .values(
      notifications.map((n) => ({
        notification_id: n.notificationId,
        wallet_id: n.walletId,
        type: n.type,
        created_at: now.getTime(),
      })),
    )
    .execute();
}

/** The wallet's notifications, oldest first, at most `limit`, created at or after `since`. */
export async function listNotifications(
  db: Kysely<IssuerDatabase>,
  walletId: string,
  options: { limit: number; since?: Date },
): Promise<WalletNotification[]> {
  const rows = await db
    .selectFrom('notifications')
    .select(['notification_id', 'type', 'created_at'])
    .where('wallet_id', '=', walletId)
    .$if(options.since !== undefined, (q) => q.where('created_at', '>=', (options.since as Date).getTime()))
    .orderBy('created_at')
    .orderBy('notification_id')
    .limit(options.limit)
    .execute();
  return rows.map((r) => ({
    notificationId: r.notification_id,
    type: r.type as WalletNotificationType,
    createdAt: new Date(Number(r.created_at)),
  }));
}
