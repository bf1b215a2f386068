/**
 * Parameters of the wallet vault (README.md "Keys and vault"). Changing any of them is a new
 * vault version: existing wallets keep the values they were created with (stored in the meta).
 */

/** PBKDF2-SHA-256 iterations for the PIN (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256). */
export const DEFAULT_PIN_ITERATIONS = 600_000;
/** Fewest iterations accepted when reading a stored vault or creating one (tests use few). */
export const MIN_PIN_ITERATIONS = 1_000;
/** Most iterations accepted from a stored vault (a tampered meta must not hang the wallet). */
export const MAX_PIN_ITERATIONS = 10_000_000;

/** HKDF `info` of the key that wraps the data key under a WebAuthn PRF output. */
export const PRF_WRAP_INFO = 'zhengzhao wallet v1 prf wrap';
/** AAD of the wrapped data key, per unlock method. */
export const DATA_KEY_AAD = {
  pin: 'zhengzhao wallet v1 data-key pin',
  prf: 'zhengzhao wallet v1 data-key prf',
} as const;
/** AAD of the wrapped device private key. */
export const DEVICE_KEY_AAD = 'zhengzhao wallet v1 device-key';

/** Version byte in front of every sealed record. */
export const RECORD_VERSION = 1;
export const GCM_IV_LENGTH = 12;
export const GCM_TAG_LENGTH = 16;

/** Shortest PIN accepted. */
export const MIN_PIN_LENGTH = 6;
export const MAX_PIN_LENGTH = 64;
