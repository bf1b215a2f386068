import {
  createTrustListSource,
  decodeCertificatePemChain,
  type Platform,
  TRUST_LIST_JWS_MEDIA_TYPE,
  type TrustListSource,
  verifyTrustList,
} from '@zhengzhao/core';
import type { AppConfig } from './app-config.js';

/** localStorage key of the last verified trust list (the signed JWS as downloaded). */
export const TRUST_LIST_STORAGE_KEY = 'zz-wallet-trust-list';
/** A held list younger than this is used without asking the network again. */
const REFRESH_AFTER_MS = 10 * 60 * 1000;
const MAX_LIST_CHARS = 32 * 1024 * 1024;

let held: { source: TrustListSource; sequence: number; at: number; root: string } | undefined;

/**
 * The national trust list for checking relying parties (Zhengzhao issue 6 §4–5), when the wallet
 * is configured with the national root: downloaded (at most every ten minutes), verified against
 * the root only, never older than the one held (rollback refused), kept in localStorage so an
 * offline phone still knows who is registered. A list that fails verification is ignored and the
 * held one stays in use; undefined when there is none at all (then readers are checked against
 * the root only, without registration).
 */
export async function nationalTrustList(
  platform: Platform,
  config: AppConfig,
  options: { readonly fetch?: typeof fetch; readonly storage?: Pick<Storage, 'getItem' | 'setItem'>; now?: Date } = {},
): Promise<TrustListSource | undefined> {
  if (!config.nationalRootPem) return undefined;
  const now = options.now ?? new Date();
  const root = config.nationalRootPem;
  if (held && held.root !== root) held = undefined; // another deployment's root: start over
  if (held && now.getTime() - held.at < REFRESH_AFTER_MS) return held.source;
  const storage = options.storage ?? globalThis.localStorage;
  let roots: Uint8Array[];
  try {
    roots = decodeCertificatePemChain(config.nationalRootPem);
  } catch {
    return undefined;
  }
  const accept = async (signed: string, minSequence: number | undefined) => {
    const verified = await verifyTrustList(platform, signed, {
      roots,
      now,
      ...(minSequence !== undefined && { minSequence }),
    });
    const source = await createTrustListSource(platform, verified, roots);
    held = { source, sequence: verified.list.sequence, at: now.getTime(), root };
    return signed;
  };
  if (!held) {
    const stored = storage?.getItem(TRUST_LIST_STORAGE_KEY);
    if (stored) await accept(stored, undefined).catch(() => undefined);
  }
  if (config.trustListUrl) {
    try {
      const fetcher = options.fetch ?? ((url: string, init?: RequestInit) => globalThis.fetch(url, init));
      const response = await fetcher(config.trustListUrl, {
        headers: { accept: TRUST_LIST_JWS_MEDIA_TYPE },
        cache: 'no-cache',
      });
      const text = response.ok ? await response.text() : '';
      if (text.length > 0 && text.length <= MAX_LIST_CHARS) {
        const signed = await accept(text.trim(), held?.sequence);
        try {
          storage?.setItem(TRUST_LIST_STORAGE_KEY, signed);
        } catch {
          // storage full: the list is still used for this page
        }
      }
    } catch {
      // offline, or a list refused (older, expired, forged): the held list stays in use
    }
  }
  return held?.source;
}

/** Forgets the list held in memory (tests). */
export function forgetNationalTrustList(): void {
  held = undefined;
}
