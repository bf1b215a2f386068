import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newSortableId, type RegistryContext } from '../../context.js';
import { errorCodeOf } from '../../errors.js';
import { type AuditTargetType, appendAuditEntry } from '../audit/audit-repository.js';
import type { AdminAuthenticator, AdminPrincipal } from './admin-auth.js';

/** How an admin route is named in the audit log. */
export interface AdminAudit {
  readonly action: string;
  readonly targetType: AuditTargetType;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    trustRegistryAudit?: AdminAudit;
  }
  interface FastifyRequest {
    trustRegistryAdmin?: AdminPrincipal;
  }
}

const TARGET_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The registry id a request is about: the `:id` / `:typeId` path parameter, else the body's `id`. */
function targetIdOf(request: FastifyRequest): string {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<
    string,
    unknown
  >;
  for (const candidate of [params.id, params.typeId, body.id]) {
    if (typeof candidate === 'string' && TARGET_ID.test(candidate)) return candidate;
  }
  return '-';
}

/** The authenticated administrator of a request inside an admin scope. */
export function adminOf(request: FastifyRequest): AdminPrincipal {
  return request.trustRegistryAdmin as AdminPrincipal;
}

/**
 * Registers admin routes in a scope where every request first shows a bearer token (401
 * `ERR_ADMIN_UNAUTHENTICATED` before the body is read). Successful changes audit themselves,
 * in their own transaction (see `TrustListPublisher.change`); here every refusal of an
 * authenticated request — bad input, unknown id, conflict — is audited too, with its problem
 * code and no input.
 */
export async function registerAdminScope(
  app: FastifyInstance,
  context: RegistryContext,
  authenticator: AdminAuthenticator,
  routes: (scope: FastifyInstance) => void,
): Promise<void> {
  await app.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request) => {
      const header = request.headers.authorization;
      request.trustRegistryAdmin = authenticator.authenticate(typeof header === 'string' ? header : undefined);
    });
    scope.addHook('onError', async (request, _reply, error) => {
      const principal = request.trustRegistryAdmin;
      const audit = request.routeOptions.config.trustRegistryAudit;
      if (!principal || !audit) return;
      const at = context.clock();
      try {
        await appendAuditEntry(context.db, {
          id: newSortableId(context.platform, 'au', at),
          at,
          actor: principal.actor,
          action: audit.action,
          targetType: audit.targetType,
          targetId: targetIdOf(request),
          outcome: 'refused',
          errorCode: errorCodeOf(error),
          sequence: null,
        });
      } catch (auditError) {
        request.log.error({ code: errorCodeOf(auditError) }, 'audit entry of a refused request failed');
      }
    });
    routes(scope);
  });
}
