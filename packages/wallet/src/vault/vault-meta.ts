import { decodeBase64url, encodeBase64url, parseJson, utf8Decode, utf8Encode, ZzError } from '@zhengzhao/core';
import type { WrappedKey } from './data-key.js';
import { MAX_PIN_ITERATIONS, MIN_PIN_ITERATIONS } from './vault-constants.js';

/**
 * The vault's meta record (kind `meta`, id `vault`): everything needed to unlock, nothing that
 * unlocks by itself — salts, KDF parameters, the data key wrapped per unlock method, the WebAuthn
 * credential ids, the device public key. Stored as JSON.
 */
export interface VaultMeta {
  readonly version: 1;
  /** The wallet id the issuer knows the device key by (RFC 7638 thumbprint, base64url). */
  readonly walletId: string;
  /** Uncompressed P-256 point of the device key. */
  readonly devicePublicKey: Uint8Array;
  /** The WebAuthn PRF `eval.first` input (32 random bytes per wallet). */
  readonly prfSalt: Uint8Array;
  /** The HKDF salt for the PRF wrapping key (32 random bytes per wallet). */
  readonly hkdfSalt: Uint8Array;
  readonly pin: { readonly iterations: number; readonly salt: Uint8Array; readonly key: WrappedKey };
  readonly prf: readonly { readonly credentialId: Uint8Array; readonly key: WrappedKey }[];
}

export const VAULT_META_ID = 'vault';
export const DEVICE_KEY_ID = 'device';

const MAX_PRF_CREDENTIALS = 8;

type Json = Record<string, unknown>;

const wrappedToJson = (key: WrappedKey) => ({ iv: encodeBase64url(key.iv), wrapped: encodeBase64url(key.wrapped) });

export function encodeVaultMeta(meta: VaultMeta): Uint8Array {
  return utf8Encode(
    JSON.stringify({
      version: meta.version,
      walletId: meta.walletId,
      devicePublicKey: encodeBase64url(meta.devicePublicKey),
      prfSalt: encodeBase64url(meta.prfSalt),
      hkdfSalt: encodeBase64url(meta.hkdfSalt),
      pin: { iterations: meta.pin.iterations, salt: encodeBase64url(meta.pin.salt), key: wrappedToJson(meta.pin.key) },
      prf: meta.prf.map((p) => ({ credentialId: encodeBase64url(p.credentialId), key: wrappedToJson(p.key) })),
    }),
  );
}

function tampered(what: string): never {
  throw new ZzError('ERR_WALLET_STORE_TAMPERED', `The vault meta is malformed (${what})`);
}

function obj(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) tampered(what);
  return value as Json;
}

function b64(value: unknown, what: string, min = 1, max = 4096): Uint8Array {
  if (typeof value !== 'string') tampered(what);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(value);
  } catch {
    tampered(what);
  }
  if (bytes.length < min || bytes.length > max) tampered(what);
  return bytes;
}

export function decodeWrappedKey(value: unknown, what: string): WrappedKey {
  const o = obj(value, what);
  return { iv: b64(o.iv, `${what}.iv`, 12, 12), wrapped: b64(o.wrapped, `${what}.wrapped`, 16, 4096) };
}

export function encodeWrappedKey(key: WrappedKey): Uint8Array {
  return utf8Encode(JSON.stringify(wrappedToJson(key)));
}

export function decodeWrappedKeyRecord(bytes: Uint8Array): WrappedKey {
  let value: unknown;
  try {
    value = parseJson(utf8Decode(bytes));
  } catch {
    tampered('device key record');
  }
  return decodeWrappedKey(value, 'device key');
}

/** Reads the meta record strictly: a changed or truncated one is `ERR_WALLET_STORE_TAMPERED`. */
export function decodeVaultMeta(bytes: Uint8Array): VaultMeta {
  let value: unknown;
  try {
    value = parseJson(utf8Decode(bytes));
  } catch {
    tampered('not JSON');
  }
  const o = obj(value, 'meta');
  if (o.version !== 1) tampered('version');
  if (typeof o.walletId !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(o.walletId)) tampered('walletId');
  const pin = obj(o.pin, 'pin');
  const iterations = pin.iterations;
  if (
    typeof iterations !== 'number' ||
    !Number.isSafeInteger(iterations) ||
    iterations < MIN_PIN_ITERATIONS ||
    iterations > MAX_PIN_ITERATIONS
  ) {
    tampered('pin.iterations');
  }
  if (!Array.isArray(o.prf) || o.prf.length > MAX_PRF_CREDENTIALS) tampered('prf');
  return {
    version: 1,
    walletId: o.walletId,
    devicePublicKey: b64(o.devicePublicKey, 'devicePublicKey', 65, 65),
    prfSalt: b64(o.prfSalt, 'prfSalt', 32, 32),
    hkdfSalt: b64(o.hkdfSalt, 'hkdfSalt', 32, 32),
    pin: { iterations, salt: b64(pin.salt, 'pin.salt', 16, 64), key: decodeWrappedKey(pin.key, 'pin.key') },
    prf: (o.prf as unknown[]).map((entry, i) => {
      const p = obj(entry, `prf[${i}]`);
      return {
        credentialId: b64(p.credentialId, `prf[${i}].credentialId`, 1, 1023),
        key: decodeWrappedKey(p.key, `prf[${i}].key`),
      };
    }),
  };
}

export { MAX_PRF_CREDENTIALS };
