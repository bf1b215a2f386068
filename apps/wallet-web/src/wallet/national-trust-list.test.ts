import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createTestNationalRegistry, type TestNationalRegistry } from '@zhengzhao/test-kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './app-config.js';
import { forgetNationalTrustList, nationalTrustList, TRUST_LIST_STORAGE_KEY } from './national-trust-list.js';

const platform = createNodePlatform();
const NOW = new Date('2026-06-01T08:00:00Z');
const URL_ = 'https://trust.example.cn/trust-list';

let registry: TestNationalRegistry;
beforeAll(async () => {
  registry = await createTestNationalRegistry({ now: NOW, platform });
});
beforeEach(() => forgetNationalTrustList());

function memoryStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

const config = () => ({ ...DEFAULT_CONFIG, nationalRootPem: registry.root.pem, trustListUrl: URL_ });
const serving =
  (body: string, status = 200) =>
  async () =>
    new Response(body, { status });

describe('the wallet’s national trust list', () => {
  it('downloads and verifies the list against the root, keeps it, and uses the kept one offline', async () => {
    const storage = memoryStorage();
    const list = await nationalTrustList(platform, config(), {
      fetch: serving(await registry.jws(registry.list({ sequence: 4 }))),
      storage,
      now: NOW,
    });
    expect(list?.list.sequence).toBe(4);
    expect(storage.map.get(TRUST_LIST_STORAGE_KEY)).toContain('.');
    forgetNationalTrustList();
    const offline = await nationalTrustList(platform, config(), {
      fetch: async () => {
        throw new TypeError('offline');
      },
      storage,
      now: NOW,
    });
    expect(offline?.list.sequence).toBe(4);
  });

  it('keeps the held list when the download is older (rollback), forged, or from another root', async () => {
    const storage = memoryStorage();
    await nationalTrustList(platform, config(), {
      fetch: serving(await registry.jws(registry.list({ sequence: 6 }))),
      storage,
      now: NOW,
    });
    const other = await createTestNationalRegistry({ now: NOW, platform });
    for (const body of [
      await registry.jws(registry.list({ sequence: 5 })),
      'not.a.list',
      await other.jws(other.list({ sequence: 9 })),
    ]) {
      const later = new Date(NOW.getTime() + 11 * 60 * 1000); // past the ten-minute reuse window
      const list = await nationalTrustList(platform, config(), { fetch: serving(body), storage, now: later });
      expect(list?.list.sequence).toBe(6);
      forgetNationalTrustList();
      await nationalTrustList(platform, config(), { fetch: serving(''), storage, now: NOW });
    }
  });

  it('has no list without a configured root, or when nothing verifiable was ever obtained', async () => {
    expect(await nationalTrustList(platform, DEFAULT_CONFIG, { now: NOW })).toBeUndefined();
    expect(
      await nationalTrustList(platform, config(), { fetch: serving('', 503), storage: memoryStorage(), now: NOW }),
    ).toBeUndefined();
  });

  it('a list held for one root is not used under another', async () => {
    const storage = memoryStorage();
    await nationalTrustList(platform, config(), {
      fetch: serving(await registry.jws(registry.list({ sequence: 3 }))),
      storage: memoryStorage(),
      now: NOW,
    });
    const other = await createTestNationalRegistry({ now: NOW, platform });
    const otherConfig = { ...DEFAULT_CONFIG, nationalRootPem: other.root.pem, trustListUrl: URL_ };
    const list = await nationalTrustList(platform, otherConfig, { fetch: serving(''), storage, now: NOW });
    expect(list).toBeUndefined();
  });
});
