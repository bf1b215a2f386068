import { ZzError } from '@zhengzhao/core';
import { postCardProof } from './issuer/post-card-proof.js';
import type { LostDeviceReport, LostDeviceResult } from './wallet-types.js';

/**
 * Lost phone (issue 4 §6), used from ANOTHER device, without the lost wallet: the holder proves
 * the card again (card number + a fresh activation code from the clerk) at
 * `POST {issuer}/activation/lost-device`; the issuer suspends every wallet of the person and all
 * their copies (the status lists change within seconds). Re-activation on the new device is
 * `activateWithCard` (`POST /activation`) → `acceptOffer`.
 *
 * Errors: as `activateWithCard` — `ERR_OID4VCI_ACTIVATION_CODE_INVALID`, `…_EXPIRED`,
 * `ERR_OID4VCI_ACTIVATION_LOCKED` (too many attempts), `ERR_ISSUER_CARD_NOT_ACTIVE`,
 * `ERR_INPUT_INVALID` (bad input, checked before any call), `ERR_WALLET_SYNC_FAILED` (issuer
 * unreachable or odd answer).
 */
export async function reportLostDevice(report: LostDeviceReport): Promise<LostDeviceResult> {
  const body = await postCardProof(report, '/activation/lost-device');
  const wallets = body.suspended_wallets;
  const credentials = body.suspended_credentials;
  if (!Number.isSafeInteger(wallets) || !Number.isSafeInteger(credentials)) {
    throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answer is malformed');
  }
  return { suspendedWallets: wallets as number, suspendedCredentials: credentials as number };
}
