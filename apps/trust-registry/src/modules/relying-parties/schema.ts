/** JSON schemas of the relying-party endpoints (validation and OpenAPI). */

import { IDENTIFIER_SCHEMA, LOCALIZED_SCHEMA, SEQUENCE_SCHEMA } from '../admin/schema.js';
import { ELEMENTS_OUT_SCHEMA } from '../registration-profiles/schema.js';

/** A public EC JWK, checked in code (`readRelyingPartyKey`); here only its outer shape. */
export const JWK_SCHEMA = {
  type: 'object',
  maxProperties: 16,
  description: 'The relying party’s EC P-256 public key as a JWK (never its private key)',
} as const;

export const REGISTER_RELYING_PARTY_BODY_SCHEMA = {
  type: 'object',
  properties: {
    id: { ...IDENTIFIER_SCHEMA, description: 'Stable id, e.g. hotel-chain-1' },
    name: { ...LOCALIZED_SCHEMA, description: 'Its name, as its certificates carry it and wallets show it' },
    profile: { ...IDENTIFIER_SCHEMA, description: 'Its registration profile (GET /registration-profiles), e.g. hotel' },
    public_key_jwk: JWK_SCHEMA,
    dns_names: {
      type: 'array',
      items: { type: 'string', format: 'hostname', minLength: 1, maxLength: 253 },
      maxItems: 16,
      uniqueItems: true,
    },
  },
  required: ['id', 'name', 'profile', 'public_key_jwk'],
  additionalProperties: false,
} as const;

export const ISSUE_CERTIFICATE_BODY_SCHEMA = {
  type: 'object',
  properties: { public_key_jwk: JWK_SCHEMA },
  required: ['public_key_jwk'],
  additionalProperties: false,
} as const;

const LOCALIZED_OUT = {
  type: 'object',
  properties: { 'zh-CN': { type: 'string' }, en: { type: 'string' } },
  required: ['zh-CN', 'en'],
} as const;

export const RELYING_PARTY_ENTRY_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: LOCALIZED_OUT,
    profile: { type: 'string' },
    purpose: { ...LOCALIZED_OUT, description: 'Its registration profile’s' },
    elements: { ...ELEMENTS_OUT_SCHEMA, description: 'Its registration profile’s' },
    dns_names: { type: 'array', items: { type: 'string' } },
    registered_at: { type: 'string', format: 'date-time' },
    deregistered_at: { type: 'string', format: 'date-time' },
    certificates: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          sha256: { type: 'string', description: 'base64url SHA-256 of the DER, as the trust list names it' },
          pem: { type: 'string' },
          not_before: { type: 'string', format: 'date-time' },
          not_after: { type: 'string', format: 'date-time' },
        },
        required: ['sha256', 'pem', 'not_before', 'not_after'],
      },
    },
  },
  required: ['id', 'name', 'profile', 'purpose', 'elements', 'dns_names', 'registered_at', 'certificates'],
} as const;

export const ISSUED_CERTIFICATE_SCHEMA = {
  type: 'object',
  properties: {
    relying_party: RELYING_PARTY_ENTRY_SCHEMA,
    certificate_pem: { type: 'string', description: 'The reader / access certificate (PEM)' },
    chain_pem: { type: 'array', items: { type: 'string' }, description: '[certificate, national root], PEM' },
    certificate_sha256: { type: 'string' },
    not_before: { type: 'string', format: 'date-time' },
    not_after: { type: 'string', format: 'date-time' },
    sequence: SEQUENCE_SCHEMA,
  },
  required: [
    'relying_party',
    'certificate_pem',
    'chain_pem',
    'certificate_sha256',
    'not_before',
    'not_after',
    'sequence',
  ],
} as const;

export const RELYING_PARTY_RESULT_SCHEMA = {
  type: 'object',
  properties: { relying_party: RELYING_PARTY_ENTRY_SCHEMA, sequence: SEQUENCE_SCHEMA },
  required: ['relying_party', 'sequence'],
} as const;
