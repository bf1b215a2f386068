import { problemResponses } from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import { IDENTIFIER_PATTERN, newSortableId, type RegistryContext } from '../../context.js';
import { adminOf } from '../admin/admin-scope.js';
import { appendAuditEntry, listAuditEntries } from './audit-repository.js';

const AUDIT_LIST_SCHEMA = {
  type: 'object',
  properties: {
    entries: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          at: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          action: { type: 'string' },
          target_type: { type: 'string' },
          target_id: { type: 'string' },
          outcome: { type: 'string', enum: ['ok', 'refused'] },
          error_code: { type: ['string', 'null'] },
          sequence: { type: ['integer', 'null'] },
        },
        required: ['id', 'at', 'actor', 'action', 'target_type', 'target_id', 'outcome', 'error_code', 'sequence'],
      },
    },
  },
  required: ['entries'],
} as const;

/** `GET /admin/audit?limit&target_id`: the append-only audit log, newest first (admin scope; itself audited). */
export function registerAuditRoutes(scope: FastifyInstance, context: RegistryContext): void {
  scope.get(
    '/admin/audit',
    {
      config: { trustRegistryAudit: { action: 'audit.read', targetType: 'audit' } },
      schema: {
        summary: 'Read the audit log, newest first',
        tags: ['admin'],
        querystring: {
          type: 'object',
          properties: {
            limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
            target_id: { type: 'string', pattern: IDENTIFIER_PATTERN },
          },
          additionalProperties: false,
        },
        response: { 200: AUDIT_LIST_SCHEMA, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const query = request.query as { limit: number; target_id?: string };
      const entries = await listAuditEntries(context.db, {
        limit: query.limit,
        ...(query.target_id !== undefined ? { targetId: query.target_id } : {}),
      });
      const at = context.clock();
      await appendAuditEntry(context.db, {
        id: newSortableId(context.platform, 'au', at),
        at,
        actor: adminOf(request).actor,
        action: 'audit.read',
        targetType: 'audit',
        targetId: query.target_id ?? '-',
        outcome: 'ok',
        errorCode: null,
        sequence: null,
      });
      return {
        entries: entries.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actor: e.actor,
          action: e.action,
          target_type: e.targetType,
          target_id: e.targetId,
          outcome: e.outcome,
          error_code: e.errorCode,
          sequence: e.sequence,
        })),
      };
    },
  );
}
