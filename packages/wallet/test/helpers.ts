import { type ErrorCode, isZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { expect } from 'vitest';
import { createWallet } from '../src/create-wallet.js';
import { createMemoryWalletStore, type MemoryWalletStore } from '../src/store/create-memory-wallet-store.js';
import type { CreateWalletOptions, Wallet } from '../src/wallet-types.js';

export const platform = createNodePlatform();
/** Few PBKDF2 rounds in tests; the default (600,000) is tested once on its own. */
export const TEST_ITERATIONS = 1_000;
export const PIN = '271828';

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-11-27T10:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(seconds: number) {
      t += seconds * 1000;
    },
  };
}

export async function newWallet(
  extra: Partial<CreateWalletOptions> & { store?: MemoryWalletStore } = {},
): Promise<{ wallet: Wallet; store: MemoryWalletStore; clock: ReturnType<typeof manualClock> }> {
  const store = extra.store ?? createMemoryWalletStore();
  const clock = manualClock();
  const wallet = await createWallet({ platform, store, clock: clock.now, pinIterations: TEST_ITERATIONS, ...extra });
  return { wallet, store, clock };
}

/** Asserts that `promise` rejects with a ZzError of `code`. */
export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeDefined();
  expect(isZzError(error) ? error.code : error).toBe(code);
}

/** True when `needle` (UTF-8) occurs anywhere in the stored bytes. */
export function storeContains(store: MemoryWalletStore, needle: string | Uint8Array): boolean {
  const bytes = typeof needle === 'string' ? new TextEncoder().encode(needle) : needle;
  return store
    .dump()
    .some(({ id, value }) => indexOf(value, bytes) >= 0 || id.includes(typeof needle === 'string' ? needle : '\u0000'));
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
