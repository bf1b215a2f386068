import type { HttpApp } from '@zhengzhao/server-kit';
import { problemResponses } from '@zhengzhao/server-kit';
import type { IssuerContext } from '../../context.js';
import { ID_SCHEMA } from '../admin/schema.js';
import { getWallet, listNotifications } from './wallet-repository.js';

/**
 * `GET /wallets/:walletId/notifications`: what the wallet must know at its next sync — a fresh
 * batch is waiting (`refresh`, after a card change, renewal or replacement), its credentials were
 * `suspended`, `resumed` or `revoked`. Only the wallet's own random id finds them; they carry no
 * personal data.
 */
export function registerWalletRoutes(app: HttpApp, context: IssuerContext): void {
  app.get(
    '/wallets/:walletId/notifications',
    {
      schema: {
        summary: 'Notifications for a wallet (refresh, suspended, resumed, revoked)',
        tags: ['wallets'],
        params: {
          type: 'object',
          properties: { walletId: ID_SCHEMA },
          required: ['walletId'],
          additionalProperties: false,
        },
        querystring: {
          type: 'object',
          properties: {
            since: { type: 'integer', minimum: 0, description: 'Only notifications at or after (epoch ms)' },
            limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          },
          additionalProperties: false,
        },
        response: {
          200: {
            type: 'object',
            properties: {
              walletId: { type: 'string' },
              state: { type: 'string', enum: ['active', 'suspended'] },
              notifications: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    id: { type: 'string' },
                    type: { type: 'string', enum: ['refresh', 'suspended', 'resumed', 'revoked'] },
                    createdAt: { type: 'string', format: 'date-time' },
                  },
                  required: ['id', 'type', 'createdAt'],
                  additionalProperties: false,
                },
              },
            },
            required: ['walletId', 'state', 'notifications'],
            additionalProperties: false,
          },
          ...problemResponses(400, 404),
        },
      },
    },
    async (request) => {
      const { walletId } = request.params as { walletId: string };
      const { since, limit } = request.query as { since?: number; limit: number };
      const wallet = await getWallet(context.db, walletId);
      const notifications = await listNotifications(context.db, walletId, {
        limit,
        ...(since !== undefined ? { since: new Date(since) } : {}),
      });
      return {
        walletId,
        state: wallet.state,
        notifications: notifications.map((n) => ({
          id: n.notificationId,
          type: n.type,
          createdAt: n.createdAt.toISOString(),
        })),
      };
    },
  );
}
