import { bytesEqual, type Platform, utf8Encode, ZzError } from '@zhengzhao/core';
import type { CryptoKeyPairSigner } from '@zhengzhao/crypto-web';
import type { WalletStore } from '../store/wallet-store.js';
import type { PrfInput } from '../wallet-types.js';
import { generateDataKey, unwrapDataKey, type WrappedKey, wrapDataKey } from './data-key.js';
import { derivePinKey, derivePrfKey } from './derive-wrapping-keys.js';
import { createDeviceKey, unwrapDeviceSigner } from './device-key.js';
import { randomBytes, source, subtle } from './subtle.js';
import {
  decodeUnlockAttempts,
  encodeUnlockAttempts,
  pinRetryDelaySeconds,
  UNLOCK_ATTEMPTS_ID,
} from './unlock-throttle.js';
import { DATA_KEY_AAD, MAX_PIN_LENGTH, MIN_PIN_LENGTH } from './vault-constants.js';
import {
  DEVICE_KEY_ID,
  decodeVaultMeta,
  decodeWrappedKeyRecord,
  encodeVaultMeta,
  encodeWrappedKey,
  MAX_PRF_CREDENTIALS,
  VAULT_META_ID,
  type VaultMeta,
} from './vault-meta.js';
import { walletIdOfKey } from './wallet-id.js';

/**
 * An open vault: the non-extractable data key and device key, and the key of the unlock method
 * used (kept so that `addPrf` and `changePin` can re-wrap the data key without asking again).
 * Dropped on lock.
 */
export interface OpenVault {
  readonly meta: VaultMeta;
  readonly dataKey: CryptoKey;
  readonly deviceSigner: CryptoKeyPairSigner;
  readonly unlock: { readonly key: CryptoKey; readonly wrapped: WrappedKey; readonly aad: string };
}

/** The PRF salt handed out before `setUp` (kind `meta`): the WebAuthn credential is made with it. */
export const PENDING_PRF_SALT_ID = 'pending-prf-salt';

/** The PRF salt for a wallet not yet set up: created once, then the same until `setUp`. */
export async function pendingPrfSalt(store: WalletStore): Promise<Uint8Array> {
  const stored = await store.get('meta', PENDING_PRF_SALT_ID);
  if (stored?.length === 32) return stored;
  const salt = randomBytes(32);
  await store.put('meta', PENDING_PRF_SALT_ID, salt);
  return salt;
}

/** The meta record, or undefined before `setUp`. */
export async function loadVaultMeta(store: WalletStore): Promise<VaultMeta | undefined> {
  const bytes = await store.get('meta', VAULT_META_ID);
  return bytes === undefined ? undefined : decodeVaultMeta(bytes);
}

/**
 * A PIN the wallet accepts: 6 to 64 characters, not one repeated character and not a run such
 * as 123456 or 654321. `ERR_WALLET_PIN_WEAK` otherwise.
 */
export function checkPinStrength(pin: unknown): asserts pin is string {
  if (typeof pin !== 'string' || pin.length < MIN_PIN_LENGTH || pin.length > MAX_PIN_LENGTH) {
    throw new ZzError('ERR_WALLET_PIN_WEAK', `The PIN must have ${MIN_PIN_LENGTH} to ${MAX_PIN_LENGTH} characters`);
  }
  const codes = [...pin].map((c) => c.codePointAt(0) as number);
  const steps = new Set(codes.slice(1).map((c, i) => c - (codes[i] as number)));
  if (steps.size === 1 && [...steps].every((s) => Math.abs(s) <= 1)) {
    throw new ZzError('ERR_WALLET_PIN_WEAK', 'The PIN must not be one repeated character or a simple run');
  }
}

function checkPrfInput(prf: PrfInput): void {
  if (!(prf?.credentialId instanceof Uint8Array) || prf.credentialId.length === 0 || prf.credentialId.length > 1023) {
    throw new ZzError('ERR_INPUT_INVALID', 'The WebAuthn credential id must be 1 to 1023 bytes');
  }
  if (!(prf.output instanceof Uint8Array) || prf.output.length !== 32) {
    throw new ZzError('ERR_INPUT_INVALID', 'The PRF output must be 32 bytes');
  }
}

/**
 * First run (issue 4 §2): a random 256-bit data key wrapped under the PIN key (PBKDF2) and, when
 * given, under the PRF key (HKDF); a P-256 device key wrapped under the data key. Writes the
 * meta and the wrapped device key in one atomic batch and returns the vault open.
 */
export async function createVault(
  store: WalletStore,
  platform: Platform,
  input: { pin: string; prf?: PrfInput; iterations: number; prfSalt: Uint8Array },
): Promise<OpenVault> {
  checkPinStrength(input.pin);
  if (input.prf) checkPrfInput(input.prf);
  const extractable = await generateDataKey();
  const pinSalt = randomBytes(32);
  const hkdfSalt = randomBytes(32);
  const prfSalt = input.prfSalt;
  const pinKey = await derivePinKey(input.pin, pinSalt, input.iterations);
  const pinWrap = await wrapDataKey(extractable, pinKey, DATA_KEY_AAD.pin);
  const prf = input.prf
    ? [
        {
          credentialId: input.prf.credentialId.slice(),
          key: await wrapDataKey(extractable, await derivePrfKey(input.prf.output, hkdfSalt), DATA_KEY_AAD.prf),
        },
      ]
    : [];
  const device = await createDeviceKey(extractable);
  const meta: VaultMeta = {
    version: 1,
    walletId: await walletIdOfKey(platform, { suite: 'ES256', point: device.publicKey }),
    devicePublicKey: device.publicKey,
    prfSalt,
    hkdfSalt,
    pin: { iterations: input.iterations, salt: pinSalt, key: pinWrap },
    prf,
  };
  await store.putMany([
    { kind: 'meta', id: VAULT_META_ID, value: encodeVaultMeta(meta) },
    { kind: 'device-key', id: DEVICE_KEY_ID, value: encodeWrappedKey(device.wrapped) },
    { kind: 'meta', id: UNLOCK_ATTEMPTS_ID },
    { kind: 'meta', id: PENDING_PRF_SALT_ID },
  ]);
  // from here on only the non-extractable copy is used
  return openWith(store, meta, { key: pinKey, wrapped: pinWrap, aad: DATA_KEY_AAD.pin });
}

async function openWith(store: WalletStore, meta: VaultMeta, unlock: OpenVault['unlock']): Promise<OpenVault> {
  const dataKey = await unwrapDataKey(unlock.wrapped, unlock.key, unlock.aad);
  if (!dataKey) throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The data key does not unwrap');
  const deviceBytes = await store.get('device-key', DEVICE_KEY_ID);
  if (!deviceBytes) throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The device key is missing');
  const deviceSigner = await unwrapDeviceSigner(dataKey, decodeWrappedKeyRecord(deviceBytes), meta.devicePublicKey);
  return { meta, dataKey, deviceSigner, unlock };
}

/** Seconds before the next PIN attempt is allowed. */
export async function pinDelay(store: WalletStore, now: Date): Promise<number> {
  return pinRetryDelaySeconds(decodeUnlockAttempts(await store.get('meta', UNLOCK_ATTEMPTS_ID)), now);
}

/**
 * Unlock with the PIN: refused while throttled (`ERR_WALLET_UNLOCK_THROTTLED`), a wrong PIN is
 * counted and is `ERR_WALLET_PIN_INVALID`; a right one clears the count.
 */
export async function openVaultWithPin(
  store: WalletStore,
  meta: VaultMeta,
  pin: string,
  now: Date,
): Promise<OpenVault> {
  if (typeof pin !== 'string' || pin.length === 0 || pin.length > MAX_PIN_LENGTH) {
    throw new ZzError('ERR_WALLET_PIN_INVALID');
  }
  const attempts = decodeUnlockAttempts(await store.get('meta', UNLOCK_ATTEMPTS_ID));
  const wait = pinRetryDelaySeconds(attempts, now);
  if (wait > 0) throw new ZzError('ERR_WALLET_UNLOCK_THROTTLED', `Try again in ${wait} s`);
  const key = await derivePinKey(pin, meta.pin.salt, meta.pin.iterations);
  const dataKey = await unwrapDataKey(meta.pin.key, key, DATA_KEY_AAD.pin);
  if (!dataKey) {
    await store.put(
      'meta',
      UNLOCK_ATTEMPTS_ID,
      encodeUnlockAttempts({ failures: (attempts?.failures ?? 0) + 1, lastFailureAt: now.getTime() }),
    );
    throw new ZzError('ERR_WALLET_PIN_INVALID');
  }
  if (attempts) await store.delete('meta', UNLOCK_ATTEMPTS_ID);
  return openWith(store, meta, { key, wrapped: meta.pin.key, aad: DATA_KEY_AAD.pin });
}

/** Unlock with a WebAuthn PRF output: tries each enrolled credential's wrap. */
export async function openVaultWithPrf(store: WalletStore, meta: VaultMeta, output: Uint8Array): Promise<OpenVault> {
  if (!(output instanceof Uint8Array) || output.length !== 32) throw new ZzError('ERR_WALLET_PRF_INVALID');
  if (meta.prf.length === 0) throw new ZzError('ERR_WALLET_PRF_INVALID', 'No authenticator is enrolled');
  const key = await derivePrfKey(output, meta.hkdfSalt);
  for (const entry of meta.prf) {
    if (await unwrapDataKey(entry.key, key, DATA_KEY_AAD.prf)) {
      return openWith(store, meta, { key, wrapped: entry.key, aad: DATA_KEY_AAD.prf });
    }
  }
  throw new ZzError('ERR_WALLET_PRF_INVALID');
}

/** The data key, extractable for a moment, to wrap it under a new unlock key. */
async function extractableDataKey(vault: OpenVault): Promise<CryptoKey> {
  const { wrapped, key, aad } = vault.unlock;
  try {
    return await subtle().unwrapKey(
      'raw',
      source(wrapped.wrapped),
      key,
      { name: 'AES-GCM', iv: source(wrapped.iv), additionalData: source(utf8Encode(aad)) },
      { name: 'AES-GCM', length: 256 },
      true,
      ['encrypt', 'decrypt', 'wrapKey', 'unwrapKey'],
    );
  } catch (error) {
    throw new ZzError('ERR_WALLET_STORE_TAMPERED', 'The data key does not unwrap', { cause: error });
  }
}

/** Adds (or replaces, by credential id) a PRF unlock. Returns the new meta. */
export async function addPrfToVault(store: WalletStore, vault: OpenVault, prf: PrfInput): Promise<VaultMeta> {
  checkPrfInput(prf);
  const others = vault.meta.prf.filter((p) => !bytesEqual(p.credentialId, prf.credentialId));
  if (others.length >= MAX_PRF_CREDENTIALS) throw new ZzError('ERR_INPUT_INVALID', 'Too many authenticators enrolled');
  const key = await wrapDataKey(
    await extractableDataKey(vault),
    await derivePrfKey(prf.output, vault.meta.hkdfSalt),
    DATA_KEY_AAD.prf,
  );
  const meta: VaultMeta = { ...vault.meta, prf: [...others, { credentialId: prf.credentialId.slice(), key }] };
  await store.put('meta', VAULT_META_ID, encodeVaultMeta(meta));
  return meta;
}

/** Re-wraps the data key under a new PIN (fresh salt, the configured iterations). */
export async function changeVaultPin(
  store: WalletStore,
  vault: OpenVault,
  pin: string,
  iterations: number,
): Promise<VaultMeta> {
  checkPinStrength(pin);
  const salt = randomBytes(32);
  const key = await wrapDataKey(
    await extractableDataKey(vault),
    await derivePinKey(pin, salt, iterations),
    DATA_KEY_AAD.pin,
  );
  const meta: VaultMeta = { ...vault.meta, pin: { iterations, salt, key } };
  await store.put('meta', VAULT_META_ID, encodeVaultMeta(meta));
  return meta;
}
