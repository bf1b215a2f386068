import { ZzError } from '@zhengzhao/core';
import type { CredentialConfigurationId } from '../ports.js';

/**
 * Request shapes, checked by hand (no Ajv type coercion: `5` never becomes `"5"`), and their JSON
 * Schemas for the OpenAPI document only (the routes install a pass-through validator).
 */

export const ACTIVATION_CODE_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: { person_id: { type: 'string', maxLength: 128 }, card_number: { type: 'string', maxLength: 64 } },
  description: 'Exactly one of person_id (issuer internal id) or card_number.',
} as const;

export const ACTIVATION_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['card_number', 'activation_code'],
  properties: {
    card_number: { type: 'string', maxLength: 64 },
    activation_code: { type: 'string', pattern: '^[0-9]{8}$' },
  },
} as const;

/** `POST /activation/lost-device`: the same proof of the card as activation. */
export const LOST_DEVICE_REQUEST_SCHEMA = {
  ...ACTIVATION_REQUEST_SCHEMA,
  description: 'Card number and a fresh activation code from the clerk; suspends every wallet of the person.',
} as const;

/** `POST /wallets/:walletId/offer`: a key proof by the wallet's device key (refresh-service.ts). */
export const WALLET_OFFER_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['proof'],
  properties: { proof: { type: 'string', maxLength: 8192, description: 'openid4vci-proof+jwt with a c_nonce' } },
} as const;

export const TOKEN_REQUEST_SCHEMA = {
  type: 'object',
  required: ['grant_type', 'pre-authorized_code'],
  properties: {
    grant_type: { const: 'urn:ietf:params:oauth:grant-type:pre-authorized_code' },
    'pre-authorized_code': { type: 'string' },
    tx_code: { type: 'string' },
  },
} as const;

export const CREDENTIAL_REQUEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['credential_configuration_id', 'proofs'],
  properties: {
    credential_configuration_id: { type: 'string', description: 'One of the issuer metadata’s configurations' },
    proofs: {
      type: 'object',
      additionalProperties: false,
      required: ['jwt'],
      properties: { jwt: { type: 'array', minItems: 1, items: { type: 'string' } } },
    },
  },
} as const;

type Obj = Record<string, unknown>;
const CARD_NUMBER = /^[0-9A-Za-z-]{1,64}$/;
const PERSON_ID = /^[\x21-\x7e]{1,128}$/;

function object(
  value: unknown,
  code: 'ERR_INPUT_INVALID' | 'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST',
  what: string,
): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new ZzError(code, `${what} must be a JSON object`);
  return value as Obj;
}

function onlyKeys(
  value: Obj,
  allowed: readonly string[],
  code: 'ERR_INPUT_INVALID' | 'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST',
): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  if (extra !== undefined) throw new ZzError(code, 'Request has an unknown member');
}

export function parseActivationCodeRequest(body: unknown): { personId: string } | { cardNumber: string } {
  const b = object(body, 'ERR_INPUT_INVALID', 'body');
  onlyKeys(b, ['person_id', 'card_number'], 'ERR_INPUT_INVALID');
  if ((b.person_id === undefined) === (b.card_number === undefined)) {
    throw new ZzError('ERR_INPUT_INVALID', 'Give exactly one of person_id, card_number');
  }
  if (b.person_id !== undefined) {
    if (typeof b.person_id !== 'string' || !PERSON_ID.test(b.person_id))
      throw new ZzError('ERR_INPUT_INVALID', 'person_id is malformed');
    return { personId: b.person_id };
  }
  if (typeof b.card_number !== 'string' || !CARD_NUMBER.test(b.card_number))
    throw new ZzError('ERR_INPUT_INVALID', 'card_number is malformed');
  return { cardNumber: b.card_number };
}

const WALLET_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function parseWalletOfferRequest(walletId: unknown, body: unknown): { walletId: string; proof: string } {
  if (typeof walletId !== 'string' || !WALLET_ID.test(walletId))
    throw new ZzError('ERR_INPUT_INVALID', 'walletId is malformed');
  const b = object(body, 'ERR_INPUT_INVALID', 'body');
  onlyKeys(b, ['proof'], 'ERR_INPUT_INVALID');
  if (typeof b.proof !== 'string' || b.proof.length === 0 || b.proof.length > 8192) {
    throw new ZzError('ERR_INPUT_INVALID', 'proof must be a JWT');
  }
  return { walletId, proof: b.proof };
}

export function parseActivationRequest(body: unknown): { cardNumber: string; activationCode: string } {
  const b = object(body, 'ERR_INPUT_INVALID', 'body');
  onlyKeys(b, ['card_number', 'activation_code'], 'ERR_INPUT_INVALID');
  if (typeof b.card_number !== 'string' || !CARD_NUMBER.test(b.card_number))
    throw new ZzError('ERR_INPUT_INVALID', 'card_number is malformed');
  if (typeof b.activation_code !== 'string' || !/^[0-9]{8}$/.test(b.activation_code)) {
    throw new ZzError('ERR_INPUT_INVALID', 'activation_code must be 8 digits');
  }
  return { cardNumber: b.card_number, activationCode: b.activation_code };
}

export interface ParsedCredentialRequest {
  readonly configurationId: CredentialConfigurationId;
  readonly proofs: readonly string[];
}

/**
 * A Credential Request (OpenID4VCI 1.0 §8.2) in the 1.0 shape: `credential_configuration_id` and
 * `proofs.jwt` (1..batchSize strings). The pre-final singular `proof`, `credential_identifier`,
 * encryption parameters and unknown members are `invalid_credential_request`; an unknown
 * configuration id is `unknown_credential_configuration`.
 */
export function parseCredentialRequest(
  body: unknown,
  batchSize: number,
  configurationIds: readonly string[],
): ParsedCredentialRequest {
  const code = 'ERR_OID4VCI_INVALID_CREDENTIAL_REQUEST';
  const b = object(body, code, 'Credential request');
  if (b.proof !== undefined) throw new ZzError(code, 'Use proofs (OpenID4VCI 1.0); the singular proof is not accepted');
  onlyKeys(b, ['credential_configuration_id', 'proofs'], code);
  const id = b.credential_configuration_id;
  if (typeof id !== 'string') throw new ZzError(code, 'credential_configuration_id is required');
  if (!configurationIds.includes(id)) throw new ZzError('ERR_OID4VCI_UNKNOWN_CREDENTIAL_CONFIGURATION');
  const proofs = object(b.proofs, code, 'proofs');
  onlyKeys(proofs, ['jwt'], code);
  const jwt = proofs.jwt;
  if (!Array.isArray(jwt) || jwt.length === 0) throw new ZzError(code, 'proofs.jwt must be a non-empty array');
  if (jwt.length > batchSize) throw new ZzError(code, `At most ${batchSize} proofs per request (batch_size)`);
  if (jwt.some((p) => typeof p !== 'string')) throw new ZzError(code, 'Every proof must be a string');
  return { configurationId: id as CredentialConfigurationId, proofs: jwt as string[] };
}

export const PAPER_CARD_REQUEST_SCHEMA = {
  type: 'object',
  properties: {
    person_id: { type: 'string', description: 'The registry person id' },
    purpose: { type: 'string', enum: ['paper_basic', 'paper_with_portrait'], description: 'Default paper_basic' },
  },
  required: ['person_id'],
  additionalProperties: false,
} as const;

export function parsePaperCardRequest(body: unknown): {
  personId: string;
  purpose: 'paper_basic' | 'paper_with_portrait';
} {
  const b = object(body, 'ERR_INPUT_INVALID', 'body');
  onlyKeys(b, ['person_id', 'purpose'], 'ERR_INPUT_INVALID');
  if (typeof b.person_id !== 'string' || !PERSON_ID.test(b.person_id)) {
    throw new ZzError('ERR_INPUT_INVALID', 'person_id is malformed');
  }
  const purpose = b.purpose ?? 'paper_basic';
  if (purpose !== 'paper_basic' && purpose !== 'paper_with_portrait') {
    throw new ZzError('ERR_INPUT_INVALID', 'purpose must be paper_basic or paper_with_portrait');
  }
  return { personId: b.person_id, purpose };
}
