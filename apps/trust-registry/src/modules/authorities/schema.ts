/** JSON schemas of the authority endpoints (validation and OpenAPI). */

import { IDENTIFIER_SCHEMA, INSTANT_SCHEMA, LOCALIZED_SCHEMA, PEM_SCHEMA, SEQUENCE_SCHEMA } from '../admin/schema.js';
import { MAX_DOCUMENT_SIGNERS } from './authority-service.js';

export const ENROL_AUTHORITY_BODY_SCHEMA = {
  type: 'object',
  properties: {
    id: { ...IDENTIFIER_SCHEMA, description: 'Stable id, e.g. cn-44-gat' },
    name: LOCALIZED_SCHEMA,
    kind: { ...IDENTIFIER_SCHEMA, description: 'Kind of authority: public_security, transport, human_resources…' },
    region: { type: 'string', pattern: '^[0-9]{2}$', description: 'GB/T 2260 province-level code, e.g. 44' },
    suite: { type: 'string', enum: ['ES256', 'SM2'] },
    iaca: { type: 'array', items: PEM_SCHEMA, minItems: 1, maxItems: 8, uniqueItems: true },
    document_signers: { type: 'array', items: PEM_SCHEMA, maxItems: MAX_DOCUMENT_SIGNERS, uniqueItems: true },
    credential_types: { type: 'array', items: IDENTIFIER_SCHEMA, minItems: 1, maxItems: 64, uniqueItems: true },
    status_lists: {
      type: 'array',
      items: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
      maxItems: 16,
      uniqueItems: true,
      description: 'URL prefixes of its status lists',
    },
  },
  required: ['id', 'name', 'kind', 'suite', 'iaca', 'document_signers', 'credential_types', 'status_lists'],
  additionalProperties: false,
} as const;

export const DOCUMENT_SIGNER_BODY_SCHEMA = {
  type: 'object',
  properties: { pem: { ...PEM_SCHEMA, description: 'The new document-signer certificate, under an enrolled IACA' } },
  required: ['pem'],
  additionalProperties: false,
} as const;

export const COMPROMISED_KEY_BODY_SCHEMA = {
  type: 'object',
  properties: {
    certificate_pem: { ...PEM_SCHEMA, description: 'The compromised IACA or document-signer certificate' },
    since: { ...INSTANT_SCHEMA, description: 'From when signatures by it are refused (RFC 3339)' },
  },
  required: ['certificate_pem', 'since'],
  additionalProperties: false,
} as const;

const LOCALIZED_OUT = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
} as const;

/** An authority as the trust list carries it. */
export const AUTHORITY_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: LOCALIZED_OUT,
    kind: { type: 'string' },
    region: { type: 'string' },
    suite: { type: 'string' },
    iaca: { type: 'array', items: { type: 'string' } },
    document_signers: { type: 'array', items: { type: 'string' } },
    credential_types: { type: 'array', items: { type: 'string' } },
    status_lists: { type: 'array', items: { type: 'string' } },
    withdrawn_at: { type: 'string', format: 'date-time' },
    compromised_keys: {
      type: 'array',
      items: {
        type: 'object',
        properties: { certificate_sha256: { type: 'string' }, since: { type: 'string', format: 'date-time' } },
        required: ['certificate_sha256', 'since'],
      },
    },
  },
  required: ['id', 'name', 'kind', 'suite', 'iaca', 'document_signers', 'credential_types', 'status_lists'],
} as const;

export const AUTHORITY_RESULT_SCHEMA = {
  type: 'object',
  properties: { authority: AUTHORITY_ENTRY_SCHEMA, sequence: SEQUENCE_SCHEMA },
  required: ['authority', 'sequence'],
} as const;
