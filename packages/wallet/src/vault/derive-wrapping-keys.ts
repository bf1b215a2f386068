import { utf8Encode, ZzError } from '@zhengzhao/core';
import { source, subtle } from './subtle.js';
import { MAX_PIN_ITERATIONS, MIN_PIN_ITERATIONS, PRF_WRAP_INFO } from './vault-constants.js';

const WRAP_USAGES: KeyUsage[] = ['wrapKey', 'unwrapKey'];
const AES_256_GCM: AesKeyGenParams = { name: 'AES-GCM', length: 256 };

/**
 * The key that wraps the data key under the PIN: PBKDF2-SHA-256 (RFC 8018 §5.2) over the PIN's
 * UTF-8 with a per-wallet random salt and `iterations` rounds, into a non-extractable
 * AES-256-GCM key that can only wrap and unwrap.
 */
export async function derivePinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  if (!Number.isSafeInteger(iterations) || iterations < MIN_PIN_ITERATIONS || iterations > MAX_PIN_ITERATIONS) {
    throw new ZzError('ERR_INPUT_INVALID', `PIN iterations must be ${MIN_PIN_ITERATIONS}..${MAX_PIN_ITERATIONS}`);
  }
  const material = await subtle().importKey('raw', source(utf8Encode(pin.normalize('NFC'))), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: source(salt), iterations },
    material,
    AES_256_GCM,
    false,
    WRAP_USAGES,
  );
}

/**
 * The key that wraps the data key under a WebAuthn PRF output (the `prf` extension's
 * `results.first`, itself HMAC-SHA-256 inside the authenticator): HKDF-SHA-256 (RFC 5869) with
 * a per-wallet random salt and a fixed `info`, into a non-extractable AES-256-GCM key.
 */
export async function derivePrfKey(prfOutput: Uint8Array, salt: Uint8Array): Promise<CryptoKey> {
  if (!(prfOutput instanceof Uint8Array) || prfOutput.length < 16 || prfOutput.length > 64) {
    throw new ZzError('ERR_INPUT_INVALID', 'The PRF output must be 16 to 64 bytes');
  }
  const material = await subtle().importKey('raw', source(prfOutput), 'HKDF', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: source(salt), info: source(utf8Encode(PRF_WRAP_INFO)) },
    material,
    AES_256_GCM,
    false,
    WRAP_USAGES,
  );
}
