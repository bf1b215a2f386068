/**
 * JSON Schemas of the registry API (validation at the edge and the OpenAPI document at /docs).
 * Every body refuses unknown properties; names and address parts are bounded as in
 * validate-person.ts, which checks them again.
 */

const text = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

export const personIdParams = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' } },
} as const;

export const emptyBody = { type: 'object', additionalProperties: false, properties: {} } as const;

export const addressBody = {
  type: 'object',
  required: ['address'],
  additionalProperties: false,
  properties: {
    address: {
      type: 'object',
      required: ['region_code', 'city', 'district', 'street'],
      additionalProperties: false,
      properties: {
        region_code: { type: 'string', pattern: '^[0-9]{6}$' },
        city: text(32),
        district: text(32),
        street: text(64),
      },
    },
  },
} as const;

export const nameBody = {
  type: 'object',
  required: ['family_name', 'given_name'],
  additionalProperties: false,
  properties: { family_name: text(16), given_name: text(16) },
} as const;

export const lostBody = {
  type: 'object',
  additionalProperties: false,
  properties: { reason: { type: 'string', enum: ['lost', 'stolen'] } },
} as const;

export const cancelBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: { type: 'string', enum: ['death', 'emigration', 'duplicate_registration'] } },
} as const;

export const searchQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 64 },
    after: { type: 'string', pattern: '^[A-Za-z0-9-]{1,64}$' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const eventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    after: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER, default: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

export const eventReceiptSchema = {
  type: 'object',
  required: ['event_id', 'type', 'sequence', 'person_id', 'card_state'],
  properties: {
    event_id: { type: 'string' },
    type: { type: 'string' },
    sequence: { type: 'integer' },
    person_id: { type: 'string' },
    card_state: { type: 'string' },
  },
} as const;

const nullableText = { type: ['string', 'null'] } as const;

export const personSummarySchema = {
  type: 'object',
  required: ['person_id', 'full_name', 'card_state', 'card_number', 'sequence'],
  properties: {
    person_id: { type: 'string' },
    full_name: { type: 'string' },
    card_state: { type: 'string' },
    card_number: nullableText,
    sequence: { type: 'integer' },
  },
} as const;

export const personListSchema = {
  type: 'object',
  required: ['persons'],
  properties: { persons: { type: 'array', items: personSummarySchema } },
} as const;

export const personDetailSchema = {
  type: 'object',
  properties: {
    person_id: { type: 'string' },
    id_number: { type: 'string' },
    family_name: { type: 'string' },
    given_name: { type: 'string' },
    full_name: { type: 'string' },
    sex: { type: 'integer' },
    birth_date: { type: 'string' },
    ethnicity: { type: 'string' },
    address: {
      type: 'object',
      properties: {
        region_code: { type: 'string' },
        city: { type: 'string' },
        district: { type: 'string' },
        street: { type: 'string' },
        line: { type: 'string' },
      },
    },
    card_state: { type: 'string' },
    cancellation_reason: nullableText,
    card: {
      type: ['object', 'null'],
      properties: {
        card_number: { type: 'string' },
        issuing_authority: { type: 'string' },
        issue_date: { type: 'string' },
        expiry_date: { type: 'string' },
      },
    },
    sequence: { type: 'integer' },
  },
} as const;
