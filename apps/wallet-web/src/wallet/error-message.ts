import { isZzError } from '@zhengzhao/core';
import { retryAfterSeconds } from '@zhengzhao/wallet';
import type { Messages } from '../i18n/messages.js';

/**
 * The sentence a person reads for an engine or WebAuthn error, chosen by its catalogue code
 * (never by message text). Unknown failures get the generic sentence; the code is kept in the
 * element's `data-error-code` by callers for support and tests.
 */
export function errorMessage(error: unknown, t: Messages, retryDelaySeconds = 0): string {
  if (!isZzError(error)) return t.genericError;
  switch (error.code) {
    case 'ERR_WALLET_PIN_INVALID':
      return t.pinWrong;
    case 'ERR_WALLET_UNLOCK_THROTTLED':
      return t.pinThrottled(Math.max(1, retryDelaySeconds));
    case 'ERR_WALLET_PIN_WEAK':
      return t.pinWeak;
    case 'ERR_WEBAUTHN_CANCELLED':
      return t.biometricCancelled;
    case 'ERR_WEBAUTHN_UNSUPPORTED':
    case 'ERR_WEBAUTHN_PRF_UNSUPPORTED':
      return t.biometricUnavailable;
    case 'ERR_WALLET_PRF_INVALID':
      return t.biometricFailed;
    case 'ERR_OID4VCI_INVALID_GRANT':
      return t.txCodeWrong;
    case 'ERR_OID4VCI_OFFER_MALFORMED':
    case 'ERR_OID4VCI_METADATA_INVALID':
      return t.offerInvalid;
    case 'ERR_WALLET_NO_COPIES_LEFT':
      return t.noCopiesLeft;
    case 'ERR_WALLET_SYNC_FAILED':
      return t.syncFailed;
    case 'ERR_OID4VCI_ACTIVATION_CODE_INVALID':
      return t.activationCodeWrong;
    case 'ERR_OID4VCI_ACTIVATION_CODE_EXPIRED':
      return t.activationCodeExpired;
    case 'ERR_OID4VCI_ACTIVATION_LOCKED': {
      const seconds = retryAfterSeconds(error);
      return t.activationLocked(seconds ? Math.ceil(seconds / 60) : undefined);
    }
    case 'ERR_ISSUER_CARD_NOT_ACTIVE':
      return t.cardNotActive;
    case 'ERR_OID4VP_NO_MATCHING_CREDENTIAL':
      return t.noMatchingCard;
    case 'ERR_READER_SCOPE':
      return t.readerOutOfScope;
    case 'ERR_READER_DEREGISTERED':
      return t.readerDeregistered;
    case 'ERR_READER_NOT_REGISTERED':
      return t.readerNotRegistered;
    case 'ERR_OID4VP_REQUEST_INVALID':
    case 'ERR_OID4VP_CLIENT_ID_INVALID':
    case 'ERR_OID4VP_REQUEST_URI_FAILED':
      return t.requestInvalid;
    default:
      return t.genericError;
  }
}

/** The catalogue code of an error, for `data-error-code` (empty when not a ZzError). */
export function errorCode(error: unknown): string {
  return isZzError(error) ? error.code : '';
}

/**
 * The sentence for a failed activation with the card (engine `activateWithCard`): as
 * {@link errorMessage}, but an unreachable issuer or an odd answer points at the issuer address
 * (under "advanced"), and malformed input says what each field must look like.
 */
export function activationErrorMessage(error: unknown, t: Messages): string {
  if (isZzError(error, 'ERR_WALLET_SYNC_FAILED') || isZzError(error, 'ERR_OID4VCI_ISSUER_RESPONSE')) {
    return t.activationUnreachable;
  }
  if (isZzError(error, 'ERR_INPUT_INVALID')) return t.activationInputInvalid;
  return errorMessage(error, t);
}
