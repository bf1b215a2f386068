import { describe, expect, it } from 'vitest';
import { createWallet } from '../src/create-wallet.js';
import { createMemoryWalletStore } from '../src/store/create-memory-wallet-store.js';
import { DEFAULT_PIN_ITERATIONS } from '../src/vault/vault-constants.js';
import { expectCode, newWallet, PIN, platform, TEST_ITERATIONS } from './helpers.js';

const prf = (seed: number) => ({
  credentialId: new Uint8Array([1, 2, 3, seed]),
  output: new Uint8Array(32).fill(seed),
});

describe('set-up and unlock (issue 4 §2)', () => {
  it('starts uninitialised, sets up unlocked, locks and unlocks with the PIN', async () => {
    const { wallet, store } = await newWallet();
    expect(wallet.state).toBe('uninitialised');
    await expectCode(wallet.walletId(), 'ERR_WALLET_NOT_INITIALISED');
    await wallet.setUp({ pin: PIN });
    expect(wallet.state).toBe('unlocked');
    expect(await wallet.walletId()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    wallet.lock();
    expect(wallet.state).toBe('locked');
    await wallet.unlockWithPin(PIN);
    expect(wallet.state).toBe('unlocked');

    // a second instance over the same store starts locked and opens with the same PIN
    const again = await createWallet({ platform, store, pinIterations: TEST_ITERATIONS });
    expect(again.state).toBe('locked');
    await again.unlockWithPin(PIN);
    expect(await again.walletId()).toBe(await wallet.walletId());
    await expectCode(again.setUp({ pin: PIN }), 'ERR_WALLET_ALREADY_INITIALISED');
  });

  it('refuses weak PINs', async () => {
    const { wallet } = await newWallet();
    for (const pin of ['12345', '000000', '123456', '987654', 'aaaaaaa', '']) {
      await expectCode(wallet.setUp({ pin }), 'ERR_WALLET_PIN_WEAK');
    }
    await expectCode(wallet.setUp({ pin: 42 as unknown as string }), 'ERR_WALLET_PIN_WEAK');
    expect(wallet.state).toBe('uninitialised');
  });

  it('counts wrong PINs and makes the holder wait after three', async () => {
    const { wallet, clock } = await newWallet();
    await wallet.setUp({ pin: PIN });
    wallet.lock();
    for (let i = 0; i < 3; i++) await expectCode(wallet.unlockWithPin('314159'), 'ERR_WALLET_PIN_INVALID');
    expect(await wallet.pinRetryDelaySeconds()).toBe(30);
    // even the right PIN waits now
    await expectCode(wallet.unlockWithPin(PIN), 'ERR_WALLET_UNLOCK_THROTTLED');
    clock.advance(31);
    expect(await wallet.pinRetryDelaySeconds()).toBe(0);
    await expectCode(wallet.unlockWithPin('314159'), 'ERR_WALLET_PIN_INVALID');
    expect(await wallet.pinRetryDelaySeconds()).toBe(60); // doubles
    clock.advance(61);
    await wallet.unlockWithPin(PIN);
    expect(wallet.state).toBe('unlocked');
    wallet.lock();
    expect(await wallet.pinRetryDelaySeconds()).toBe(0); // a right PIN clears the count
    await expectCode(wallet.unlockWithPin(''), 'ERR_WALLET_PIN_INVALID');
  });

  it('counts concurrent wrong PINs one by one', async () => {
    const { wallet } = await newWallet();
    await wallet.setUp({ pin: PIN });
    wallet.lock();
    const results = await Promise.allSettled(
      ['111112', '111113', '111114', '111115'].map((p) => wallet.unlockWithPin(p)),
    );
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    expect(await wallet.pinRetryDelaySeconds()).toBeGreaterThan(0);
  });

  it('unlocks with the WebAuthn PRF output, refuses another output', async () => {
    const { wallet } = await newWallet();
    const salt = await wallet.prfSalt();
    expect(salt).toHaveLength(32);
    expect(await wallet.prfSalt()).toEqual(salt); // stable before set-up: the UI creates the credential with it
    await wallet.setUp({ pin: PIN, prf: prf(7) });
    expect(await wallet.prfSalt()).toEqual(salt);
    expect(await wallet.prfCredentialIds()).toEqual([prf(7).credentialId]);
    wallet.lock();
    await expectCode(wallet.unlockWithPrf(prf(8).output), 'ERR_WALLET_PRF_INVALID');
    await expectCode(wallet.unlockWithPrf(new Uint8Array(5)), 'ERR_WALLET_PRF_INVALID');
    expect(wallet.state).toBe('locked');
    await wallet.unlockWithPrf(prf(7).output);
    expect(wallet.state).toBe('unlocked');
  });

  it('enrols biometrics later only when unlocked, and changes the PIN', async () => {
    const { wallet } = await newWallet();
    await wallet.setUp({ pin: PIN });
    await expectCode(wallet.addPrf({ credentialId: new Uint8Array(0), output: prf(1).output }), 'ERR_INPUT_INVALID');
    wallet.lock();
    await expectCode(wallet.unlockWithPrf(prf(3).output), 'ERR_WALLET_PRF_INVALID'); // none enrolled
    await expectCode(wallet.addPrf(prf(3)), 'ERR_WALLET_LOCKED');
    await wallet.unlockWithPin(PIN);
    await wallet.addPrf(prf(3));
    await wallet.changePin('808182');
    wallet.lock();
    await wallet.unlockWithPrf(prf(3).output);
    wallet.lock();
    await expectCode(wallet.unlockWithPin(PIN), 'ERR_WALLET_PIN_INVALID');
    await wallet.unlockWithPin('808182');
    expect(wallet.state).toBe('unlocked');
  });

  it('keeps the device key non-extractable', async () => {
    const { wallet } = await newWallet();
    await wallet.setUp({ pin: PIN });
    const signer = (await wallet.deviceSigner()) as Awaited<ReturnType<typeof wallet.deviceSigner>> & {
      keyPair: CryptoKeyPair;
    };
    expect(signer.keyPair.privateKey.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('pkcs8', signer.keyPair.privateKey)).rejects.toThrow();
    const signature = await signer.sign(new Uint8Array([1, 2, 3]));
    expect(await platform.suite('ES256').verify(signer.publicKey.point, new Uint8Array([1, 2, 3]), signature)).toBe(
      true,
    );
  });

  it(`uses ${DEFAULT_PIN_ITERATIONS} PBKDF2 iterations by default`, async () => {
    const store = createMemoryWalletStore();
    const wallet = await createWallet({ platform, store });
    const started = performance.now();
    await wallet.setUp({ pin: PIN });
    const elapsed = performance.now() - started;
    const meta = JSON.parse(new TextDecoder().decode(await store.get('meta', 'vault')));
    expect(meta.pin.iterations).toBe(600_000);
    expect(elapsed).toBeGreaterThan(0);
    console.info(`set-up with 600,000 PBKDF2-SHA-256 iterations took ${elapsed.toFixed(0)} ms`);
  });

  it('erases everything on reset', async () => {
    const { wallet, store } = await newWallet();
    await wallet.setUp({ pin: PIN });
    await wallet.reset();
    expect(wallet.state).toBe('uninitialised');
    expect(store.dump()).toEqual([]);
  });
});
