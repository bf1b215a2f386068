import { type ErrorCode, SESSION_STATUS, type SessionStatus } from '@zhengzhao/core';

/** Failures of the session encryption: the message did not decrypt, was replayed, or the key was bad. */
const ENCRYPTION_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'ERR_SESSION_DECRYPTION',
  'ERR_SESSION_REPLAY',
  'ERR_SESSION_COUNTER_EXHAUSTED',
  'ERR_CRYPTO_KEY_INVALID',
  'ERR_CRYPTO_OPERATION',
]);

/**
 * The SessionData status a holder answers a bad reader message with (ISO/IEC 18013-5 §9.1.1.4,
 * Table 20): 10 (session encryption error) when it does not decrypt — tampered, replayed or out
 * of order —, 11 (CBOR decoding error) for anything that does not decode or parse.
 */
export function sessionFailureStatus(code: ErrorCode): SessionStatus {
  return ENCRYPTION_FAILURES.has(code) ? SESSION_STATUS.decryptionError : SESSION_STATUS.decodingError;
}
