/** JSON schemas of the catalog endpoints (validation and OpenAPI). */

import { IDENTIFIER_SCHEMA, SEQUENCE_SCHEMA } from '../admin/schema.js';

export const TYPE_PARAMS_SCHEMA = {
  type: 'object',
  properties: { typeId: IDENTIFIER_SCHEMA },
  required: ['typeId'],
  additionalProperties: false,
} as const;

export const AUTHORITY_KINDS_BODY_SCHEMA = {
  type: 'object',
  properties: {
    authority_kinds: {
      type: 'array',
      items: IDENTIFIER_SCHEMA,
      maxItems: 32,
      uniqueItems: true,
      description: 'Kinds of authority that may issue the type (empty: none)',
    },
  },
  required: ['authority_kinds'],
  additionalProperties: false,
} as const;

const LOCALIZED_OUT = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
} as const;

export const CATALOG_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Type id: mdoc docType and SD-JWT vct' },
    namespace: { type: 'string', description: 'mdoc namespace of its elements' },
    name: LOCALIZED_OUT,
    authority_kinds: { type: 'array', items: { type: 'string' } },
    elements: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, value_type: { type: 'string' }, name: LOCALIZED_OUT },
        required: ['id', 'value_type', 'name'],
      },
    },
  },
  required: ['id', 'namespace', 'name', 'authority_kinds', 'elements'],
} as const;

export const CATALOG_SCHEMA = {
  type: 'object',
  properties: { credential_types: { type: 'array', items: CATALOG_ENTRY_SCHEMA } },
  required: ['credential_types'],
} as const;

export const CATALOG_RESULT_SCHEMA = {
  type: 'object',
  properties: { credential_type: CATALOG_ENTRY_SCHEMA, sequence: SEQUENCE_SCHEMA },
  required: ['credential_type', 'sequence'],
} as const;
