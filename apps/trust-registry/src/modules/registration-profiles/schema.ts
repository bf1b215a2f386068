/** JSON schemas of the registration-profile endpoints (validation and OpenAPI). */

import { IDENTIFIER_PATTERN } from '../../context.js';
import { IDENTIFIER_SCHEMA, LOCALIZED_SCHEMA, SEQUENCE_SCHEMA } from '../admin/schema.js';

/** credential type → namespace → element ids. */
export const ELEMENTS_SCHEMA = {
  type: 'object',
  minProperties: 1,
  maxProperties: 16,
  propertyNames: { pattern: IDENTIFIER_PATTERN },
  additionalProperties: {
    type: 'object',
    minProperties: 1,
    maxProperties: 4,
    propertyNames: { pattern: IDENTIFIER_PATTERN },
    additionalProperties: { type: 'array', items: IDENTIFIER_SCHEMA, minItems: 1, maxItems: 128, uniqueItems: true },
  },
  description: 'The elements its relying parties may request: credential type → namespace → element ids',
} as const;

export const PUT_REGISTRATION_PROFILE_BODY_SCHEMA = {
  type: 'object',
  properties: {
    name: { ...LOCALIZED_SCHEMA, description: 'What the registration is, e.g. 旅馆住宿登记 / Hotel registration' },
    purpose: { ...LOCALIZED_SCHEMA, description: 'Why its relying parties ask, as wallets show it' },
    elements: ELEMENTS_SCHEMA,
  },
  required: ['name', 'purpose', 'elements'],
  additionalProperties: false,
} as const;

const LOCALIZED_OUT = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
} as const;

export const ELEMENTS_OUT_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
} as const;

export const REGISTRATION_PROFILE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'Stable id, e.g. hotel' },
    name: LOCALIZED_OUT,
    purpose: LOCALIZED_OUT,
    elements: ELEMENTS_OUT_SCHEMA,
  },
  required: ['id', 'name', 'purpose', 'elements'],
} as const;

export const REGISTRATION_PROFILES_SCHEMA = {
  type: 'object',
  properties: { registration_profiles: { type: 'array', items: REGISTRATION_PROFILE_SCHEMA } },
  required: ['registration_profiles'],
} as const;

export const REGISTRATION_PROFILE_RESULT_SCHEMA = {
  type: 'object',
  properties: { registration_profile: REGISTRATION_PROFILE_SCHEMA, sequence: SEQUENCE_SCHEMA },
  required: ['registration_profile', 'sequence'],
} as const;
