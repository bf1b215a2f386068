import { assertIssuerIdentifier, type ErrorCode, ZzError } from '@zhengzhao/core';
import type { CardProof } from '../wallet-types.js';
import { callIssuerJson } from './call-issuer-json.js';
import { IssuerRefusal } from './issuer-refusal.js';

/** The issuer's card-number rule (`POST /activation` schema): letters, digits, hyphens, ≤ 64. */
const CARD_NUMBER = /^[0-9A-Za-z-]{1,64}$/;
/** The one-time activation code the registry clerk shows (the SMS stand-in): 8 digits. */
const ACTIVATION_CODE = /^[0-9]{8}$/;
/** Longest raw input looked at (before white space is dropped). */
const RAW_MAX = 256;
/** How long the holder waits for the issuer by default. */
export const DEFAULT_CARD_PROOF_TIMEOUT_MS = 20_000;
const MAX_TIMEOUT_MS = 120_000;

/**
 * The refusals of the card-proof endpoints the holder can act on, kept as the issuer sent them:
 * wrong card number or code (also a code already used: the issuer does not say which, so a
 * guesser learns nothing), expired code, locked out after too many failures, card not active
 * (lost, cancelled, replaced), and a body the issuer found malformed.
 */
const KEPT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ERR_OID4VCI_ACTIVATION_CODE_INVALID',
  'ERR_OID4VCI_ACTIVATION_CODE_EXPIRED',
  'ERR_OID4VCI_ACTIVATION_LOCKED',
  'ERR_ISSUER_CARD_NOT_ACTIVE',
  'ERR_INPUT_INVALID',
]);

export type CardProofPath = '/activation' | '/activation/lost-device';

/**
 * Checks what the holder typed before anything is sent: the issuer an https URL (or http on
 * the loopback interface, for the demo) without query or fragment (OpenID4VCI 1.0 §12.2.1); the
 * card number and the 8-digit activation code in the issuer's shapes. White space is dropped
 * (people type `1234 5678`); case is kept. Anything else is `ERR_INPUT_INVALID`.
 */
export function readCardProof(proof: CardProof): { issuer: string; cardNumber: string; activationCode: string } {
  const url = typeof proof.issuerUrl === 'string' ? proof.issuerUrl.trim() : proof.issuerUrl;
  const issuer = assertIssuerIdentifier(url, 'ERR_INPUT_INVALID').replace(/\/$/, '');
  const squeeze = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length <= RAW_MAX ? value.replace(/\s+/g, '') : undefined;
  const cardNumber = squeeze(proof.cardNumber);
  if (cardNumber === undefined || !CARD_NUMBER.test(cardNumber)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The card number is malformed');
  }
  const activationCode = squeeze(proof.activationCode);
  if (activationCode === undefined || !ACTIVATION_CODE.test(activationCode)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The activation code is 8 digits');
  }
  const timeout = proof.timeoutMs;
  if (timeout !== undefined && (!Number.isSafeInteger(timeout) || timeout <= 0 || timeout > MAX_TIMEOUT_MS)) {
    throw new ZzError('ERR_INPUT_INVALID', `timeoutMs must be 1…${MAX_TIMEOUT_MS}`);
  }
  return { issuer, cardNumber, activationCode };
}

/**
 * Proves the card at one of the issuer's holder endpoints — `POST {issuer}/activation` (a
 * credential offer) or `POST {issuer}/activation/lost-device` (suspend the other wallets) — with
 * `{card_number, activation_code}`, and returns the JSON answer. The refusals in {@link KEPT}
 * keep their code (`ERR_OID4VCI_ACTIVATION_LOCKED` with the issuer's `Retry-After`, see
 * `retryAfterSeconds`); any other 429 is `ERR_OID4VCI_ACTIVATION_LOCKED` too; every other failure
 * — unreachable, no answer within `timeoutMs`, an odd answer or code — is `ERR_WALLET_SYNC_FAILED`.
 */
export async function postCardProof(proof: CardProof, path: CardProofPath): Promise<Record<string, unknown>> {
  const { issuer, cardNumber, activationCode } = readCardProof(proof);
  const fetchFn = proof.fetch ?? ((url, init) => globalThis.fetch(url, init));
  try {
    return await callIssuerJson(fetchFn, `${issuer}${path}`, {
      method: 'POST',
      body: { card_number: cardNumber, activation_code: activationCode },
      timeoutMs: proof.timeoutMs ?? DEFAULT_CARD_PROOF_TIMEOUT_MS,
    });
  } catch (error) {
    if (!(error instanceof IssuerRefusal) || KEPT.has(error.code)) throw error;
    if (error.httpStatus === 429) {
      throw new IssuerRefusal('ERR_OID4VCI_ACTIVATION_LOCKED', 429, error.retryAfterSeconds);
    }
    throw new ZzError('ERR_WALLET_SYNC_FAILED', `The issuer answered ${error.httpStatus}`, { cause: error });
  }
}
