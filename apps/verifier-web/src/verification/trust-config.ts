/**
 * The counter's trust configuration, `trust.json` (URL: trust-config-url.ts). Two shapes:
 * - national (the normal one): `{ "national_root": "-----BEGIN CERTIFICATE-----…",
 *   "trust_list_url": "https://trust.gov.cn/trust-list" }` — the counter pins that root and
 *   verifies every province's credentials with the signed national trust list it downloads
 *   (the URL may be relative to trust.json);
 * - a trust bundle (`{ "version": 1, "issuers": [...] }`, the pre-registry format): the file
 *   itself is the bundle, re-downloaded on refresh.
 * The last national configuration is kept in localStorage, so a counter that starts offline
 * still knows its root (and its IndexedDB store still holds the last verified list).
 */
export type CounterTrust =
  | { readonly kind: 'national'; readonly nationalRoot: string; readonly trustListUrl: string }
  | { readonly kind: 'bundle'; readonly url: string };

/** localStorage key of the last national configuration. */
export const TRUST_CONFIG_STORAGE_KEY = 'zz-counter-trust-config';
const MAX_CONFIG_CHARS = 64 * 1024;

export interface LoadCounterTrustOptions {
  readonly fetch?: typeof fetch;
  readonly storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Reads a national configuration from parsed JSON (undefined when it is not one). */
export function nationalTrustOf(json: unknown, baseUrl: string): CounterTrust | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const { national_root: root, trust_list_url: listUrl } = json as Record<string, unknown>;
  if (typeof root !== 'string' || !root.includes('-----BEGIN CERTIFICATE-----') || typeof listUrl !== 'string') {
    return undefined;
  }
  try {
    const url = new URL(listUrl, baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return { kind: 'national', nationalRoot: root, trustListUrl: url.href };
  } catch {
    return undefined;
  }
}

/**
 * Downloads trust.json from `url` and says how the counter trusts. Never throws: an unreachable
 * or unreadable file falls back to the stored national configuration, and without one to bundle
 * mode on `url` (the verifier then trusts nothing until a refresh succeeds).
 */
export async function loadCounterTrust(url: string, options: LoadCounterTrustOptions = {}): Promise<CounterTrust> {
  const fetcher = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const storage = options.storage ?? globalThis.localStorage;
  const stored = (): CounterTrust | undefined => {
    try {
      const text = storage?.getItem(TRUST_CONFIG_STORAGE_KEY);
      return text ? nationalTrustOf(JSON.parse(text), url) : undefined;
    } catch {
      return undefined;
    }
  };
  try {
    const response = await fetcher(url, { cache: 'no-cache' });
    if (!response.ok) return stored() ?? { kind: 'bundle', url };
    const text = await response.text();
    if (text.length > MAX_CONFIG_CHARS * 16) return stored() ?? { kind: 'bundle', url };
    const json: unknown = JSON.parse(text);
    const national = nationalTrustOf(json, url);
    if (national?.kind === 'national') {
      try {
        storage?.setItem(
          TRUST_CONFIG_STORAGE_KEY,
          JSON.stringify({ national_root: national.nationalRoot, trust_list_url: national.trustListUrl }),
        );
      } catch {
        // storage full or disabled: the counter still works while this page lives
      }
      return national;
    }
    return { kind: 'bundle', url };
  } catch {
    return stored() ?? { kind: 'bundle', url };
  }
}
