/**
 * Runs in Chromium: the SDK's main entry and its browser subpath, bundled for the browser (a Node
 * built-in anywhere in their import graph fails the build), on the WebCrypto platform.
 */
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createIndexedDbCacheStore } from '../../src/browser/index.js';
import { createVerifier, type TrustBundle } from '../../src/index.js';

export interface VerifierSelfTestInput {
  readonly bundle: TrustBundle;
  readonly qr: string;
  readonly now: string;
}

export interface VerifierSelfTestResult {
  readonly stored: unknown;
  readonly storedBytes: number[];
  readonly namesAfterDelete: string[];
  readonly reopened: unknown;
  readonly online: { valid: boolean; status?: number; stale: boolean };
  readonly offline: { valid: boolean; statusAge?: number; lists: number };
  readonly badName: string | undefined;
}

async function run(input: VerifierSelfTestInput): Promise<VerifierSelfTestResult> {
  const store = createIndexedDbCacheStore('zz-selftest');
  await store.put('a.meta', { uri: 'https://x', n: 1 });
  await store.put('b.token', new Uint8Array([7, 8, 9]));
  await store.put('c', 'gone soon');
  await store.delete('c');
  const stored = await store.get('a.meta');
  const storedBytes = [...((await store.get('b.token')) as Uint8Array)];
  const namesAfterDelete = (await store.list()).sort();
  const reopened = await createIndexedDbCacheStore('zz-selftest').get('a.meta');
  let badName: string | undefined;
  try {
    await store.put('../x', 1);
  } catch (error) {
    badName = (error as { code?: string }).code;
  }

  const platform = createWebPlatform();
  let t = Date.parse(input.now);
  const clock = () => new Date(t);
  const verifierStore = createIndexedDbCacheStore('zz-verifier');
  const onlineVerifier = createVerifier({
    platform,
    trust: input.bundle,
    store: verifierStore,
    clock,
    fetch: globalThis.fetch.bind(globalThis),
  });
  const report = await onlineVerifier.verify(input.qr);
  t += 30_000;
  const offlineVerifier = createVerifier({
    platform,
    trust: input.bundle,
    store: createIndexedDbCacheStore('zz-verifier'),
    clock,
  });
  const offline = await offlineVerifier.verify(input.qr);
  return {
    stored,
    storedBytes,
    namesAfterDelete,
    reopened,
    online: {
      valid: report.valid,
      ...(report.statusValue !== undefined && { status: report.statusValue }),
      stale: report.cache.stale,
    },
    offline: {
      valid: offline.valid,
      ...(offline.cache.statusAgeSeconds !== undefined && { statusAge: offline.cache.statusAgeSeconds }),
      lists: offlineVerifier.cacheState().statusLists.length,
    },
    badName,
  };
}

(globalThis as unknown as { runVerifierSelfTest: typeof run }).runVerifierSelfTest = run;
