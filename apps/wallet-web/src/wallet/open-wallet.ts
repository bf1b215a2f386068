import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createIndexedDbWalletStore, createWallet, type Wallet } from '@zhengzhao/wallet';
import type { AppConfig } from './app-config.js';

/** The IndexedDB database the wallet lives in. */
export const WALLET_DATABASE = 'zz-wallet';

/**
 * The engine's fetch: every answer revalidated with the server (`cache: 'no-cache'`), so a status
 * list the browser holds under `max-age` is checked again (a 304 when unchanged) — a suspension or
 * revocation shows at the next sync, not when the HTTP cache expires.
 */
const revalidatingFetch: typeof fetch = (input, init) => fetch(input, { ...init, cache: 'no-cache' });

/** Opens the engine over IndexedDB and WebCrypto: `uninitialised` on first run, else `locked`. */
export async function openWallet(config: AppConfig): Promise<Wallet> {
  return createWallet({
    platform: createWebPlatform(),
    store: await createIndexedDbWalletStore(WALLET_DATABASE),
    fetch: revalidatingFetch,
    autoLockSeconds: config.autoLockSeconds,
    ...(config.issuerTrustAnchorsPem.length > 0 ? { trustAnchorsPem: config.issuerTrustAnchorsPem } : {}),
  });
}
