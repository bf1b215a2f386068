/** JSON schemas of the key-ring endpoints (validation and OpenAPI). */

export const ROTATE_BODY_SCHEMA = {
  type: 'object',
  properties: {
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 500,
      description: 'Why (recorded in the audit log)',
    },
    key_id: {
      type: 'string',
      pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$',
      description: 'KeyStore id of the new key (generated when absent and no certificate is given)',
    },
    certificate: {
      type: 'string',
      minLength: 1,
      maxLength: 65_536,
      description: 'A ready-made DS certificate (PEM, DS first) for `key_id`, signed by the IACA root',
    },
  },
  required: ['reason'],
  additionalProperties: false,
} as const;

const CERTIFICATE_ITEM = {
  type: 'object',
  properties: {
    kid: { type: 'string', description: 'certificateKid, base64url (COSE kid of compact QR credentials)' },
    state: { type: 'string', enum: ['active', 'previous'] },
    suite: { type: 'string' },
    subject: { type: 'string' },
    serial_number: { type: 'string' },
    not_before: { type: 'string', format: 'date-time' },
    not_after: { type: 'string', format: 'date-time' },
    activated_at: { type: 'string', format: 'date-time' },
    retired_at: { type: ['string', 'null'], format: 'date-time' },
    x5c: { type: 'array', items: { type: 'string' }, description: 'Standard base64 DER, DS first' },
    pem: { type: 'string', description: 'The DS certificate, PEM' },
  },
  required: [
    'kid',
    'state',
    'suite',
    'subject',
    'serial_number',
    'not_before',
    'not_after',
    'activated_at',
    'retired_at',
    'x5c',
    'pem',
  ],
  additionalProperties: false,
} as const;

export const CERTIFICATE_LIST_SCHEMA = {
  type: 'object',
  properties: { certificates: { type: 'array', items: CERTIFICATE_ITEM } },
  required: ['certificates'],
  additionalProperties: false,
} as const;

export const ROTATE_RESULT_SCHEMA = {
  type: 'object',
  properties: {
    kid: { type: 'string' },
    key_id: { type: ['string', 'null'] },
    previous_kid: { type: 'string' },
    not_before: { type: 'string', format: 'date-time' },
    not_after: { type: 'string', format: 'date-time' },
    activated_at: { type: 'string', format: 'date-time' },
  },
  required: ['kid', 'key_id', 'previous_kid', 'not_before', 'not_after', 'activated_at'],
  additionalProperties: false,
} as const;
