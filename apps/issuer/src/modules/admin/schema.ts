/** JSON schemas of the administration API (validation and OpenAPI). */

export const ID_SCHEMA = { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' } as const;

export const REASON_BODY_SCHEMA = {
  type: 'object',
  properties: {
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      description: 'Why (recorded in the audit log; refer to persons by internal id only)',
    },
  },
  required: ['reason'],
  additionalProperties: false,
} as const;

export const LIFECYCLE_RESULT_SCHEMA = {
  type: 'object',
  properties: {
    action: { type: 'string' },
    targetId: { type: 'string' },
    affected: { type: 'integer', description: 'Credential copies whose status changed' },
  },
  required: ['action', 'targetId', 'affected'],
  additionalProperties: false,
} as const;

export const AUDIT_QUERY_SCHEMA = {
  type: 'object',
  properties: {
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    before: { type: 'integer', minimum: 0, description: 'Only entries before this epoch-millisecond instant' },
    targetId: ID_SCHEMA,
  },
  additionalProperties: false,
} as const;

export const AUDIT_LIST_SCHEMA = {
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
          role: { type: 'string' },
          action: { type: 'string' },
          targetType: { type: 'string' },
          targetId: { type: 'string' },
          reason: { type: ['string', 'null'] },
          outcome: { type: 'string', enum: ['ok', 'denied'] },
        },
        required: ['id', 'at', 'actor', 'role', 'action', 'targetType', 'targetId', 'reason', 'outcome'],
        additionalProperties: false,
      },
    },
  },
  required: ['entries'],
  additionalProperties: false,
} as const;
