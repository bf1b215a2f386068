import { ZzError } from '@zhengzhao/core';
import { callIssuerJson } from '../issuer/call-issuer-json.js';
import type { WalletFetch } from '../wallet-types.js';

export type NotificationType = 'refresh' | 'suspended' | 'resumed' | 'revoked';

export interface IssuerNotifications {
  readonly state: 'active' | 'suspended';
  readonly notifications: readonly { readonly id: string; readonly type: NotificationType; readonly createdAt: Date }[];
}

const TYPES: readonly string[] = ['refresh', 'suspended', 'resumed', 'revoked'];
const LIMIT = 200;

/**
 * `GET {issuer}/wallets/{walletId}/notifications?since=…` (apps/issuer wallets module): what
 * happened to this wallet's credentials since the last sync. Only the wallet's random id finds
 * them and they carry no personal data. A malformed answer is `ERR_WALLET_SYNC_FAILED`.
 */
export async function fetchNotifications(
  fetchFn: WalletFetch,
  issuer: string,
  walletId: string,
  since: number,
): Promise<IssuerNotifications> {
  const base = issuer.replace(/\/$/, '');
  const url = `${base}/wallets/${encodeURIComponent(walletId)}/notifications?since=${since}&limit=${LIMIT}`;
  const body = await callIssuerJson(fetchFn, url, { method: 'GET' });
  const fail = (): never => {
    throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The notifications answer is malformed');
  };
  if (body.state !== 'active' && body.state !== 'suspended') fail();
  if (!Array.isArray(body.notifications) || body.notifications.length > LIMIT) fail();
  const notifications = (body.notifications as unknown[]).map((n) => {
    const { id, type, createdAt } = (n ?? {}) as Record<string, unknown>;
    const at = typeof createdAt === 'string' ? new Date(createdAt) : undefined;
    if (
      typeof id !== 'string' ||
      typeof type !== 'string' ||
      !TYPES.includes(type) ||
      !at ||
      Number.isNaN(at.getTime())
    ) {
      return fail();
    }
    return { id, type: type as NotificationType, createdAt: at };
  });
  return { state: body.state as 'active' | 'suspended', notifications };
}
