import { assertIssuerIdentifier, ZzError } from '@zhengzhao/core';
import { callIssuerJson } from './issuer/call-issuer-json.js';
import type { LostDeviceReport, LostDeviceResult } from './wallet-types.js';

const CARD_NUMBER_MAX = 64;

/**
 * Lost phone (issue 4 §6), used from ANOTHER device, without the lost wallet: the holder proves
 * the card again (card number + a fresh activation code from the clerk) at
 * `POST {issuer}/activation/lost-device`; the issuer suspends every wallet of the person and all
 * their copies (the status lists change within seconds). Re-activation on the new device is a
 * normal offer (`POST /activation` → `acceptOffer`).
 *
 * Errors: `ERR_OID4VCI_ACTIVATION_CODE_INVALID`, `…_EXPIRED`, `ERR_OID4VCI_ACTIVATION_LOCKED`
 * (too many attempts), `ERR_INPUT_INVALID` (bad input, checked before any call),
 * `ERR_WALLET_SYNC_FAILED` (issuer unreachable or odd answer).
 */
export async function reportLostDevice(report: LostDeviceReport): Promise<LostDeviceResult> {
  const issuer = assertIssuerIdentifier(report.issuerUrl, 'ERR_INPUT_INVALID').replace(/\/$/, '');
  if (
    typeof report.cardNumber !== 'string' ||
    report.cardNumber.length === 0 ||
    report.cardNumber.length > CARD_NUMBER_MAX
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'The card number is malformed');
  }
  if (typeof report.activationCode !== 'string' || !/^[0-9]{8}$/.test(report.activationCode)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The activation code is 8 digits');
  }
  const body = await callIssuerJson(report.fetch ?? globalThis.fetch, `${issuer}/activation/lost-device`, {
    method: 'POST',
    body: { card_number: report.cardNumber, activation_code: report.activationCode },
  });
  const wallets = body.suspended_wallets;
  const credentials = body.suspended_credentials;
  if (!Number.isSafeInteger(wallets) || !Number.isSafeInteger(credentials)) {
    throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answer is malformed');
  }
  return { suspendedWallets: wallets as number, suspendedCredentials: credentials as number };
}
