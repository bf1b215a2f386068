import { ZzError } from '@zhengzhao/core';
import type { HttpApp } from '@zhengzhao/server-kit';
import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type IssuerContext, newSortableId } from '../../context.js';
import { appendAuditEntry, listAuditEntries } from '../audit/audit-repository.js';
import type { AdminAction, AdminAuthenticator, AdminPrincipal } from './admin-auth.js';
import type { LifecycleResult, LifecycleService } from './lifecycle-service.js';
import {
  AUDIT_LIST_SCHEMA,
  AUDIT_QUERY_SCHEMA,
  ID_SCHEMA,
  LIFECYCLE_RESULT_SCHEMA,
  REASON_BODY_SCHEMA,
} from './schema.js';

export interface AdminRoutesOptions {
  readonly context: IssuerContext;
  readonly lifecycle: LifecycleService;
  readonly authenticator: AdminAuthenticator;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    adminAction?: AdminAction;
  }
  interface FastifyRequest {
    adminPrincipal?: AdminPrincipal;
  }
}

type Target = { type: 'person' | 'wallet' | 'paper_card'; param: 'personId' | 'walletId' | 'paperCardId' };

const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The lifecycle administration API (DESIGN.md §6.6). Every route authenticates the bearer token
 * first (401 `ERR_ADMIN_UNAUTHENTICATED`, before the body is even read), then checks the role
 * (403 `ERR_ADMIN_FORBIDDEN`, itself recorded in the audit log as `denied`), then validates the
 * input. Each action and its audit entry commit together.
 */
export async function registerAdminRoutes(app: HttpApp, options: AdminRoutesOptions): Promise<void> {
  const { context, lifecycle, authenticator } = options;

  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest) => {
      const action = request.routeOptions.config.adminAction;
      if (action === undefined) return;
      const header = request.headers.authorization;
      const principal = authenticator.authenticate(typeof header === 'string' ? header : undefined);
      if (!authenticator.allows(principal, action)) {
        const params = (request.params ?? {}) as Record<string, unknown>;
        const raw = params.personId ?? params.walletId ?? params.paperCardId;
        const at = context.clock();
        await appendAuditEntry(context.db, {
          id: newSortableId(context, 'au', at),
          at,
          actor: principal.actor,
          role: principal.role,
          action,
          targetType: action.startsWith('wallet.')
            ? 'wallet'
            : action.startsWith('person.')
              ? 'person'
              : action.startsWith('paper_card.')
                ? 'paper_card'
                : 'audit',
          targetId: typeof raw === 'string' && SAFE_ID.test(raw) ? raw : '-',
          reason: null,
          outcome: 'denied',
        });
        throw new ZzError('ERR_ADMIN_FORBIDDEN', `Role ${principal.role} may not perform ${action}`);
      }
      request.adminPrincipal = principal;
    });

    const lifecycleRoute = (
      path: string,
      action: AdminAction,
      target: Target,
      summary: string,
      handler: (id: string, by: AdminPrincipal, reason: string) => Promise<LifecycleResult>,
    ) =>
      scope.post(
        path,
        {
          config: { adminAction: action },
          schema: {
            summary,
            tags: ['admin'],
            params: {
              type: 'object',
              properties: { [target.param]: ID_SCHEMA },
              required: [target.param],
              additionalProperties: false,
            },
            body: REASON_BODY_SCHEMA,
            response: { 200: LIFECYCLE_RESULT_SCHEMA, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
          },
        },
        async (request) => {
          const id = (request.params as Record<string, string>)[target.param] as string;
          const { reason } = request.body as { reason: string };
          const result = await handler(id, request.adminPrincipal as AdminPrincipal, reason);
          return { action, targetId: id, affected: result.affected };
        },
      );

    const person: Target = { type: 'person', param: 'personId' };
    const wallet: Target = { type: 'wallet', param: 'walletId' };
    lifecycleRoute(
      '/admin/persons/:personId/suspend',
      'person.suspend',
      person,
      'Suspend every credential of a person (clerk, supervisor)',
      lifecycle.suspendPerson,
    );
    lifecycleRoute(
      '/admin/persons/:personId/resume',
      'person.resume',
      person,
      'Resume a suspended person (clerk, supervisor)',
      lifecycle.resumePerson,
    );
    lifecycleRoute(
      '/admin/persons/:personId/revoke',
      'person.revoke',
      person,
      'Revoke every credential of a person (supervisor)',
      lifecycle.revokePerson,
    );
    lifecycleRoute(
      '/admin/wallets/:walletId/suspend',
      'wallet.suspend',
      wallet,
      'Suspend one device’s credentials — lost phone (clerk, supervisor)',
      lifecycle.suspendWallet,
    );
    lifecycleRoute(
      '/admin/wallets/:walletId/resume',
      'wallet.resume',
      wallet,
      'Resume one device’s credentials (clerk, supervisor)',
      lifecycle.resumeWallet,
    );
    lifecycleRoute(
      '/admin/paper-cards/:paperCardId/revoke',
      'paper_card.revoke',
      { type: 'paper_card', param: 'paperCardId' },
      'Revoke one printed paper card — lost or withdrawn (clerk, supervisor)',
      lifecycle.revokePaperCard,
    );

    scope.get(
      '/admin/audit',
      {
        config: { adminAction: 'audit.read' },
        schema: {
          summary: 'Read the append-only audit log, newest first (auditor, supervisor)',
          tags: ['admin'],
          querystring: AUDIT_QUERY_SCHEMA,
          response: { 200: AUDIT_LIST_SCHEMA, ...problemResponses(400, 401, 403) },
        },
      },
      async (request) => {
        const query = request.query as { limit: number; before?: number; targetId?: string };
        const by = request.adminPrincipal as AdminPrincipal;
        const entries = await listAuditEntries(context.db, {
          limit: query.limit,
          ...(query.before !== undefined ? { before: new Date(query.before) } : {}),
          ...(query.targetId !== undefined ? { targetId: query.targetId } : {}),
        });
        const at = context.clock();
        await appendAuditEntry(context.db, {
          id: newSortableId(context, 'au', at),
          at,
          actor: by.actor,
          role: by.role,
          action: 'audit.read',
          targetType: 'audit',
          targetId: query.targetId ?? '-',
          reason: null,
          outcome: 'ok',
        });
        return { entries: entries.map((e) => ({ ...e, at: e.at.toISOString() })) };
      },
    );
  });
}
