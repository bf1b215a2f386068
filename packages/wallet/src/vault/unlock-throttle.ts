import { parseJson, utf8Decode, utf8Encode } from '@zhengzhao/core';

/** Failed PIN attempts (kind `meta`, id `unlock-attempts`); not secret. */
export interface UnlockAttempts {
  readonly failures: number;
  /** ms since the epoch. */
  readonly lastFailureAt: number;
}

export const UNLOCK_ATTEMPTS_ID = 'unlock-attempts';

/** Attempts allowed without waiting. */
export const FREE_PIN_ATTEMPTS = 3;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = 3600;

/**
 * Seconds to wait before the next PIN attempt: none for the first {@link FREE_PIN_ATTEMPTS}
 * failures, then 30 s doubling per failure up to one hour. This slows a person trying PINs on
 * the phone; it does NOT stop an attacker who copied the storage (README.md: only the PBKDF2
 * cost does, and the PRF unlock does not depend on a PIN at all).
 */
export function pinRetryDelaySeconds(attempts: UnlockAttempts | undefined, now: Date): number {
  if (!attempts || attempts.failures < FREE_PIN_ATTEMPTS) return 0;
  const delay = Math.min(FIRST_DELAY_SECONDS * 2 ** (attempts.failures - FREE_PIN_ATTEMPTS), MAX_DELAY_SECONDS);
  const waited = (now.getTime() - attempts.lastFailureAt) / 1000;
  return Math.max(0, Math.ceil(delay - Math.max(0, waited)));
}

export function encodeUnlockAttempts(attempts: UnlockAttempts): Uint8Array {
  return utf8Encode(JSON.stringify(attempts));
}

/**
 * Reads the record. An unreadable one counts as {@link FREE_PIN_ATTEMPTS} failures (the next wrong
 * PIN waits); only someone with the storage can corrupt it, and they could delete it anyway.
 */
export function decodeUnlockAttempts(bytes: Uint8Array | undefined): UnlockAttempts | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value = parseJson(utf8Decode(bytes)) as Partial<UnlockAttempts>;
    if (
      Number.isSafeInteger(value.failures) &&
      (value.failures as number) >= 0 &&
      Number.isSafeInteger(value.lastFailureAt)
    ) {
      return { failures: value.failures as number, lastFailureAt: value.lastFailureAt as number };
    }
  } catch {
    // fall through
  }
  return { failures: FREE_PIN_ATTEMPTS, lastFailureAt: 0 };
}
