/** JSON schemas shared by the administration routes (validation and OpenAPI). */

import { IDENTIFIER_PATTERN } from '../../context.js';

export const IDENTIFIER_SCHEMA = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;

/** Path parameter `:id`. */
export const ID_PARAMS_SCHEMA = {
  type: 'object',
  properties: { id: IDENTIFIER_SCHEMA },
  required: ['id'],
  additionalProperties: false,
} as const;

/** A name or purpose in Chinese and English (each fits an X.509 name attribute). */
export const LOCALIZED_SCHEMA = {
  type: 'object',
  properties: {
    'zh-CN': { type: 'string', minLength: 1, maxLength: 128 },
    en: { type: 'string', minLength: 1, maxLength: 128 },
  },
  required: ['zh-CN', 'en'],
  additionalProperties: false,
} as const;

/** An RFC 3339 instant with a time zone. */
export const INSTANT_SCHEMA = { type: 'string', format: 'date-time', maxLength: 40 } as const;

/** `{ at? }`: when a withdrawal or de-registration takes effect (default now). */
export const EFFECTIVE_AT_BODY_SCHEMA = {
  type: 'object',
  properties: { at: INSTANT_SCHEMA },
  additionalProperties: false,
} as const;

/** One PEM certificate. */
export const PEM_SCHEMA = { type: 'string', minLength: 1, maxLength: 16_384 } as const;

/** What every change answers with besides its entry: the trust-list version that published it. */
export const SEQUENCE_SCHEMA = {
  type: 'integer',
  minimum: 1,
  description: 'Sequence number of the trust list that publishes the change',
} as const;
