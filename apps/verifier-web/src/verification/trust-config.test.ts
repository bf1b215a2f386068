import { describe, expect, it } from 'vitest';
import { loadCounterTrust, nationalTrustOf, TRUST_CONFIG_STORAGE_KEY } from './trust-config.js';

const ROOT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const URL_ = 'https://counter.example.cn/app/trust.json';

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

const answer =
  (body: string, status = 200) =>
  async () =>
    new Response(body, { status });

describe('counter trust configuration', () => {
  it('reads the national root and resolves the list URL against trust.json, and remembers it', async () => {
    const storage = memoryStorage();
    const trust = await loadCounterTrust(URL_, {
      fetch: answer(JSON.stringify({ national_root: ROOT, trust_list_url: '../trust-list' })),
      storage,
    });
    expect(trust).toEqual({
      kind: 'national',
      nationalRoot: ROOT,
      trustListUrl: 'https://counter.example.cn/trust-list',
    });
    expect(storage.map.has(TRUST_CONFIG_STORAGE_KEY)).toBe(true);
    // offline next time: the remembered configuration
    const offline = await loadCounterTrust(URL_, {
      fetch: async () => {
        throw new TypeError('offline');
      },
      storage,
    });
    expect(offline).toEqual(trust);
  });

  it('treats any other document as a trust bundle at that URL, and falls back to it when nothing is known', async () => {
    const storage = memoryStorage();
    expect(
      await loadCounterTrust(URL_, { fetch: answer(JSON.stringify({ version: 1, issuers: [] })), storage }),
    ).toEqual({
      kind: 'bundle',
      url: URL_,
    });
    expect(await loadCounterTrust(URL_, { fetch: answer('not json'), storage })).toEqual({ kind: 'bundle', url: URL_ });
    expect(await loadCounterTrust(URL_, { fetch: answer('', 404), storage })).toEqual({ kind: 'bundle', url: URL_ });
  });

  it('refuses a root that is no certificate and list URLs that are not http(s)', () => {
    expect(nationalTrustOf({ national_root: 'x', trust_list_url: 'https://a/' }, URL_)).toBeUndefined();
    expect(nationalTrustOf({ national_root: ROOT, trust_list_url: 'javascript:alert(1)' }, URL_)).toBeUndefined();
    expect(nationalTrustOf({ national_root: ROOT }, URL_)).toBeUndefined();
    expect(nationalTrustOf(null, URL_)).toBeUndefined();
  });
});
