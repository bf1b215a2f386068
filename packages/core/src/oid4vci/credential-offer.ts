import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';
import { assertIssuerIdentifier, isEndpointUrl } from './issuer-url.js';
import { type CredentialOffer, PRE_AUTHORIZED_CODE_GRANT, type TxCodeDescription } from './types.js';

/** Largest offer accepted, as JSON text or as a whole link (16 KiB). */
export const MAX_CREDENTIAL_OFFER_LENGTH = 16 * 1024;

const MAX_CONFIGURATION_IDS = 32;
const MAX_ID_LENGTH = 128;
const MAX_CODE_LENGTH = 1024;
const MAX_DESCRIPTION_LENGTH = 300;
const CODE: ErrorCode = 'ERR_OID4VCI_OFFER_MALFORMED';

type Obj = Record<string, unknown>;

function fail(message: string): never {
  throw new ZzError(CODE, message);
}

function object(value: unknown, what: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be a JSON object`);
  return value as Obj;
}

function onlyKeys(value: Obj, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(value)) if (!allowed.includes(key)) fail(`${what} has an unknown member`);
}

function text(value: unknown, max: number, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) fail(`${what} must be a non-empty string`);
  return value;
}

function validateTxCode(value: unknown): TxCodeDescription {
  const tx = object(value, 'tx_code');
  onlyKeys(tx, ['input_mode', 'length', 'description'], 'tx_code');
  if (tx.input_mode !== undefined && tx.input_mode !== 'numeric' && tx.input_mode !== 'text') {
    fail('tx_code.input_mode must be numeric or text');
  }
  if (
    tx.length !== undefined &&
    !(Number.isSafeInteger(tx.length) && (tx.length as number) > 0 && (tx.length as number) <= 64)
  ) {
    fail('tx_code.length must be an integer from 1 to 64');
  }
  if (tx.description !== undefined) text(tx.description, MAX_DESCRIPTION_LENGTH, 'tx_code.description');
  return tx as TxCodeDescription;
}

/**
 * Checks the shape of a Credential Offer (OpenID4VCI 1.0 §4.1.1) and returns it, typed. Strict:
 * unknown members, duplicate or empty configuration ids, a non-https issuer and oversized
 * strings are `ERR_OID4VCI_OFFER_MALFORMED`.
 */
export function validateCredentialOffer(value: unknown): CredentialOffer {
  const offer = object(value, 'credential offer');
  onlyKeys(offer, ['credential_issuer', 'credential_configuration_ids', 'grants'], 'credential offer');
  assertIssuerIdentifier(offer.credential_issuer, CODE);
  const ids = offer.credential_configuration_ids;
  if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_CONFIGURATION_IDS) {
    fail('credential_configuration_ids must be a non-empty array');
  }
  for (const id of ids) text(id, MAX_ID_LENGTH, 'credential configuration id');
  if (new Set(ids).size !== ids.length) fail('credential_configuration_ids has duplicates');
  if (offer.grants !== undefined) {
    const grants = object(offer.grants, 'grants');
    onlyKeys(grants, [PRE_AUTHORIZED_CODE_GRANT, 'authorization_code'], 'grants');
    const pre = grants[PRE_AUTHORIZED_CODE_GRANT];
    if (pre !== undefined) {
      const grant = object(pre, 'pre-authorized_code grant');
      onlyKeys(grant, ['pre-authorized_code', 'tx_code', 'authorization_server'], 'pre-authorized_code grant');
      text(grant['pre-authorized_code'], MAX_CODE_LENGTH, 'pre-authorized_code');
      if (grant.tx_code !== undefined) validateTxCode(grant.tx_code);
      if (grant.authorization_server !== undefined && !isEndpointUrl(grant.authorization_server)) {
        fail('authorization_server must be an https URL');
      }
    }
    const auth = grants.authorization_code;
    if (auth !== undefined) {
      const grant = object(auth, 'authorization_code grant');
      onlyKeys(grant, ['issuer_state', 'authorization_server'], 'authorization_code grant');
      if (grant.issuer_state !== undefined) text(grant.issuer_state, MAX_CODE_LENGTH, 'issuer_state');
      if (grant.authorization_server !== undefined && !isEndpointUrl(grant.authorization_server)) {
        fail('authorization_server must be an https URL');
      }
    }
  }
  return offer as unknown as CredentialOffer;
}
