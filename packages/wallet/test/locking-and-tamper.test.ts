import { describe, expect, it } from 'vitest';
import { createWallet } from '../src/create-wallet.js';
import type { Wallet } from '../src/wallet-types.js';
import { expectCode, newWallet, PIN, platform, storeContains, TEST_ITERATIONS } from './helpers.js';

const TX = {
  channel: 'proximity' as const,
  verifier: '如家酒店 Rujia Hotel',
  verifierOrganisation: 'Rujia',
  purpose: 'hotel',
  credentialType: 'cn.gov.eid.1',
  credentialId: 'card-1',
  elements: ['full_name', 'id_number'],
};

/** Every operation that needs the vault open, called with plausible arguments. */
const GUARDED: readonly [string, (w: Wallet) => Promise<unknown>][] = [
  ['credentials', (w) => w.credentials()],
  ['previewOffer', (w) => w.previewOffer('openid-credential-offer://?credential_offer=%7B%7D')],
  ['acceptOffer', (w) => w.acceptOffer('openid-credential-offer://?credential_offer=%7B%7D', '123456')],
  ['deleteCredential', (w) => w.deleteCredential('card-1')],
  ['refreshStatus', (w) => w.refreshStatus()],
  ['sync', (w) => w.sync()],
  ['qrPurposes', (w) => w.qrPurposes('card-1')],
  ['presentQr', (w) => w.presentQr('card-1', 'hotel')],
  ['transactions', (w) => w.transactions()],
  ['exportTransactions', (w) => w.exportTransactions()],
  ['deviceSigner', (w) => w.deviceSigner()],
  ['takeCopy', (w) => w.takeCopy('card-1', 'mso_mdoc')],
  ['recordTransaction', (w) => w.recordTransaction(TX)],
  ['addPrf', (w) => w.addPrf({ credentialId: new Uint8Array([1]), output: new Uint8Array(32) })],
  ['changePin', (w) => w.changePin('808182')],
];

describe('a locked wallet refuses everything with a typed error', () => {
  it.each(GUARDED)('%s: ERR_WALLET_NOT_INITIALISED before set-up, ERR_WALLET_LOCKED when locked', async (_, call) => {
    const { wallet } = await newWallet();
    await expectCode(call(wallet), 'ERR_WALLET_NOT_INITIALISED');
    await wallet.setUp({ pin: PIN });
    wallet.lock();
    await expectCode(call(wallet), 'ERR_WALLET_LOCKED');
  });
});

describe('auto-lock after inactivity, by the injected clock', () => {
  it('locks after autoLockSeconds without activity and tells listeners', async () => {
    const { wallet, clock } = await newWallet({ autoLockSeconds: 60 });
    const seen: string[] = [];
    const off = wallet.onStateChange((state) => seen.push(state));
    await wallet.setUp({ pin: PIN });
    clock.advance(59);
    expect(wallet.state).toBe('unlocked');
    expect(await wallet.transactions()).toEqual([]); // activity: the timer restarts
    clock.advance(59);
    wallet.touch(); // user interaction
    clock.advance(59);
    expect(wallet.state).toBe('unlocked');
    clock.advance(2);
    await expectCode(wallet.transactions(), 'ERR_WALLET_LOCKED');
    expect(wallet.state).toBe('locked');
    expect(seen).toEqual(['unlocked', 'locked']);
    off();
    await wallet.unlockWithPin(PIN);
    expect(seen).toEqual(['unlocked', 'locked']);
  });

  it('reads the state lazily too, and 0 disables auto-lock', async () => {
    const { wallet, clock } = await newWallet({ autoLockSeconds: 0 });
    await wallet.setUp({ pin: PIN });
    clock.advance(86_400);
    expect(wallet.state).toBe('unlocked');
    const other = await newWallet({ autoLockSeconds: 120 });
    await other.wallet.setUp({ pin: PIN });
    other.clock.advance(120);
    expect(other.wallet.state).toBe('locked');
    await expect(newWallet({ autoLockSeconds: -1 })).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
  });
});

describe('encrypted at rest, tampering detected', () => {
  it('stores the transaction log encrypted and detects a flipped bit or a moved record', async () => {
    const { wallet, store, clock } = await newWallet();
    await wallet.setUp({ pin: PIN });
    const first = await wallet.recordTransaction(TX);
    clock.advance(1);
    await wallet.recordTransaction({ ...TX, channel: 'online', elements: ['age_over_18'] });
    expect(storeContains(store, 'Rujia')).toBe(false);
    expect(storeContains(store, 'full_name')).toBe(false);
    const log = await wallet.transactions();
    expect(log.map((e) => e.channel)).toEqual(['online', 'proximity']); // newest first
    expect(log[1]).toMatchObject({ ...TX, id: first.id });
    expect(JSON.parse(await wallet.exportTransactions()).transactions).toHaveLength(2);

    const records = await store.list('transaction');
    const [a, b] = records as [(typeof records)[0], (typeof records)[0]];
    // a record copied under another id does not open (its id is in the AAD)
    await store.put('transaction', a.id, b.value);
    await expectCode(wallet.transactions(), 'ERR_WALLET_STORE_TAMPERED');
    const flipped = a.value.slice();
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] as number) ^ 1;
    await store.put('transaction', a.id, flipped);
    await expectCode(wallet.transactions(), 'ERR_WALLET_STORE_TAMPERED');
    await store.put('transaction', a.id, a.value.slice(0, 20));
    await expectCode(wallet.transactions(), 'ERR_WALLET_STORE_TAMPERED');
    await store.put('transaction', a.id, a.value);
    expect(await wallet.transactions()).toHaveLength(2);
  });

  it('refuses element values in the log', async () => {
    const { wallet } = await newWallet();
    await wallet.setUp({ pin: PIN });
    await expectCode(wallet.recordTransaction({ ...TX, elements: ['张三'] }), 'ERR_INPUT_INVALID');
    await expectCode(wallet.recordTransaction({ ...TX, elements: ['full name'] }), 'ERR_INPUT_INVALID');
    await expectCode(wallet.recordTransaction({ ...TX, channel: 'fax' as 'qr' }), 'ERR_INPUT_INVALID');
    await expectCode(wallet.recordTransaction({ ...TX, verifier: 'x'.repeat(201) }), 'ERR_INPUT_INVALID');
  });

  it('detects a tampered meta, device key or device public key', async () => {
    const { wallet, store } = await newWallet();
    await wallet.setUp({ pin: PIN });
    wallet.lock();
    const open = () => createWallet({ platform, store, pinIterations: TEST_ITERATIONS });
    const meta = (await store.get('meta', 'vault')) as Uint8Array;
    const device = (await store.get('device-key', 'device')) as Uint8Array;

    await store.put('meta', 'vault', meta.slice(0, 30));
    await expect(open()).rejects.toMatchObject({ code: 'ERR_WALLET_STORE_TAMPERED' });

    const parsed = JSON.parse(new TextDecoder().decode(meta));
    parsed.pin.iterations = 1e12; // a tampered meta must not hang the wallet
    await store.put('meta', 'vault', new TextEncoder().encode(JSON.stringify(parsed)));
    await expect(open()).rejects.toMatchObject({ code: 'ERR_WALLET_STORE_TAMPERED' });

    // another (valid) public key in the meta: the unwrapped private key does not match it
    const other = await platform.suite('ES256').generateSigner();
    const swapped = { ...JSON.parse(new TextDecoder().decode(meta)) };
    swapped.devicePublicKey = Buffer.from(other.publicKey.point).toString('base64url');
    await store.put('meta', 'vault', new TextEncoder().encode(JSON.stringify(swapped)));
    await expectCode((await open()).unlockWithPin(PIN), 'ERR_WALLET_STORE_TAMPERED');

    await store.put('meta', 'vault', meta);
    const wrapped = JSON.parse(new TextDecoder().decode(device));
    const bytes = Buffer.from(wrapped.wrapped, 'base64url');
    bytes[10] = (bytes[10] as number) ^ 0xff;
    wrapped.wrapped = bytes.toString('base64url');
    await store.put('device-key', 'device', new TextEncoder().encode(JSON.stringify(wrapped)));
    await expectCode((await open()).unlockWithPin(PIN), 'ERR_WALLET_STORE_TAMPERED');

    await store.put('device-key', 'device', device);
    const restored = await open();
    await restored.unlockWithPin(PIN);
    expect(restored.state).toBe('unlocked');
  });

  it('keeps no PIN, PRF output or data key in the clear', async () => {
    const { wallet, store } = await newWallet();
    const output = new Uint8Array(32).fill(0x5a);
    await wallet.setUp({ pin: 'correct-horse-battery', prf: { credentialId: new Uint8Array([9]), output } });
    expect(storeContains(store, 'correct-horse-battery')).toBe(false);
    expect(storeContains(store, output)).toBe(false);
    expect(storeContains(store, Buffer.from(output).toString('base64url'))).toBe(false);
  });
});
