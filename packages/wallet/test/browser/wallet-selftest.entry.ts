/**
 * Runs in Chromium: the wallet engine on the WebCrypto platform and IndexedDB, bundled for the
 * browser (a Node built-in anywhere in its import graph fails the build). Reports each case to
 * the Node test that drives the page.
 */
import { isZzError } from '@zhengzhao/core';
import { createWebPlatform } from '@zhengzhao/crypto-web';
import { createWallet } from '../../src/create-wallet.js';
import { createIndexedDbWalletStore } from '../../src/store/create-indexed-db-wallet-store.js';

export interface WalletSelfTestCase {
  readonly name: string;
  readonly ok: boolean;
  readonly detail?: string;
}

const PIN = '271828';
const PRF = { credentialId: new Uint8Array([1, 2, 3]), output: new Uint8Array(32).fill(9) };
const TX = {
  channel: 'proximity' as const,
  verifier: 'Hotel',
  purpose: 'hotel',
  credentialType: 'cn.gov.eid.1',
  credentialId: 'c1',
  elements: ['full_name'],
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (error) {
    return isZzError(error) ? error.code : String(error);
  }
}

async function runWalletSelfTest(): Promise<{ cases: WalletSelfTestCase[]; defaultSetUpMs: number }> {
  const cases: WalletSelfTestCase[] = [];
  const check = async (name: string, fn: () => Promise<boolean | string>) => {
    try {
      const result = await fn();
      cases.push(result === true ? { name, ok: true } : { name, ok: false, detail: String(result) });
    } catch (error) {
      cases.push({
        name,
        ok: false,
        detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      });
    }
  };
  const platform = createWebPlatform();
  const name = `zz-wallet-selftest-${crypto.randomUUID()}`;
  const store = await createIndexedDbWalletStore(name);
  const wallet = await createWallet({ platform, store, pinIterations: 1000 });

  await check('sets up with PIN and PRF on WebCrypto + IndexedDB', async () => {
    await wallet.setUp({ pin: PIN, prf: PRF });
    return wallet.state === 'unlocked' || wallet.state;
  });
  await check('the device key is non-extractable and signs', async () => {
    const signer = (await wallet.deviceSigner()) as unknown as { keyPair: CryptoKeyPair } & Awaited<
      ReturnType<typeof wallet.deviceSigner>
    >;
    const data = new Uint8Array([1, 2, 3]);
    const signature = await signer.sign(data);
    const verified = await platform.suite('ES256').verify(signer.publicKey.point, data, signature);
    const exported = await codeOf(crypto.subtle.exportKey('pkcs8', signer.keyPair.privateKey));
    return (!signer.keyPair.privateKey.extractable && verified && exported !== 'resolved') || exported;
  });
  await check('logs a transaction, sealed', async () => {
    await wallet.recordTransaction(TX);
    const raw = await store.list('transaction');
    const text = new TextDecoder('latin1').decode(raw[0]?.value);
    return (raw.length === 1 && !text.includes('Hotel')) || `records ${raw.length}`;
  });
  await check('locks; a wrong PIN is refused with a typed error', async () => {
    wallet.lock();
    const code = await codeOf(wallet.unlockWithPin('314159'));
    return code === 'ERR_WALLET_PIN_INVALID' || code;
  });
  await check('a second instance reopens from IndexedDB with the PRF output', async () => {
    const again = await createWallet({ platform, store: await createIndexedDbWalletStore(name), pinIterations: 1000 });
    if (again.state !== 'locked') return again.state;
    await again.unlockWithPrf(PRF.output);
    const log = await again.transactions();
    return (log.length === 1 && log[0]?.verifier === 'Hotel') || JSON.stringify(log);
  });
  await check('detects a tampered record', async () => {
    await wallet.unlockWithPin(PIN);
    const [record] = await store.list('transaction');
    if (!record) return 'no record';
    const bad = record.value.slice();
    bad[bad.length - 1] = (bad[bad.length - 1] as number) ^ 1;
    await store.put('transaction', record.id, bad);
    const code = await codeOf(wallet.transactions());
    await store.put('transaction', record.id, record.value);
    return code === 'ERR_WALLET_STORE_TAMPERED' || code;
  });
  await check('putMany is all or nothing', async () => {
    const before = (await store.ids('credential')).length;
    const code = await codeOf(
      store.putMany([
        { kind: 'credential', id: 'a', value: new Uint8Array([1]) },
        { kind: 'nope' as 'credential', id: 'b', value: new Uint8Array([2]) },
      ]),
    );
    const after = (await store.ids('credential')).length;
    await store.putMany([
      { kind: 'credential', id: 'x', value: new Uint8Array([1]) },
      { kind: 'status', id: 'y', value: new Uint8Array([2]) },
    ]);
    await store.putMany([{ kind: 'credential', id: 'x' }]);
    const ok = code !== 'resolved' && after === before && (await store.get('credential', 'x')) === undefined;
    return ok || `code ${code}, ${before} → ${after}`;
  });
  await check('reset clears the database', async () => {
    await wallet.reset();
    return ((await store.ids('meta')).length === 0 && wallet.state === 'uninitialised') || wallet.state;
  });

  // the default PIN cost in a real browser
  const timed = await createWallet({ platform, store: await createIndexedDbWalletStore(`${name}-timed`) });
  const started = performance.now();
  await timed.setUp({ pin: PIN });
  const defaultSetUpMs = performance.now() - started;
  timed.lock();
  const unlockStarted = performance.now();
  await timed.unlockWithPin(PIN);
  cases.push({ name: `default PIN unlock ${Math.round(performance.now() - unlockStarted)} ms`, ok: true });
  return { cases, defaultSetUpMs };
}

(globalThis as unknown as { runWalletSelfTest: typeof runWalletSelfTest }).runWalletSelfTest = runWalletSelfTest;
