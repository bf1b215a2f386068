import { bytesEqual, fromHex, isZzError, type Platform, toHex } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { expectZzError, loadSharedVector, PLATFORMS } from './helpers.js';

interface HkdfFile {
  readonly numberOfTests: number;
  readonly testGroups: readonly {
    readonly tests: readonly {
      tcId: number;
      ikm: string;
      salt: string;
      info: string;
      size: number;
      okm: string;
      result: 'valid' | 'invalid';
    }[];
  }[];
}
interface AeadFile {
  readonly numberOfTests: number;
  readonly testGroups: readonly {
    readonly keySize: number;
    readonly ivSize: number;
    readonly tagSize: number;
    readonly tests: readonly {
      tcId: number;
      key: string;
      iv: string;
      aad: string;
      msg: string;
      ct: string;
      tag: string;
      result: 'valid' | 'invalid' | 'acceptable';
    }[];
  }[];
}

const hkdf = loadSharedVector<HkdfFile>('wycheproof/hkdf_sha256_test.json');
const hkdfCases = hkdf.testGroups.flatMap((group) => group.tests);
const aead = loadSharedVector<AeadFile>('wycheproof/aes_gcm_test.json');
/** Only AES-256, 96-bit IV, 128-bit tag and empty AAD fit the session API (18013-5 §9.1.1.5). */
const gcmCases = aead.testGroups
  .filter((group) => group.keySize === 256 && group.ivSize === 96 && group.tagSize === 128)
  .flatMap((group) => group.tests)
  .filter((test) => test.aad === '');

function sessionOf(platform: Platform) {
  const session = platform.session;
  if (!session) throw new Error('platform has no session crypto');
  return session;
}

describe('Wycheproof selections', () => {
  it('has the expected case counts', () => {
    expect(hkdfCases.length).toBe(hkdf.numberOfTests);
    expect(hkdfCases.length).toBe(86);
    expect(gcmCases.length).toBe(48);
    expect(gcmCases.some((test) => test.result === 'invalid')).toBe(true);
  });
});

describe.each(PLATFORMS)('session crypto on %s', (_, platform) => {
  const session = sessionOf(platform);

  it(`HKDF-SHA-256: all ${hkdfCases.length} Wycheproof cases`, async () => {
    const failures: string[] = [];
    for (const test of hkdfCases) {
      const args = [fromHex(test.ikm), fromHex(test.salt), fromHex(test.info), test.size] as const;
      if (test.result === 'valid') {
        const okm = await session.hkdfSha256(...args);
        if (toHex(okm) !== test.okm) failures.push(`#${test.tcId}`);
      } else {
        await expectZzError(() => session.hkdfSha256(...args), 'ERR_INPUT_INVALID');
      }
    }
    expect(failures).toEqual([]);
  });

  it(`AES-256-GCM: the ${gcmCases.length} applicable Wycheproof cases`, async () => {
    const failures: string[] = [];
    let valid = 0;
    for (const test of gcmCases) {
      const key = fromHex(test.key);
      const iv = fromHex(test.iv);
      const data = fromHex(test.ct + test.tag);
      let plaintext: Uint8Array | 'rejected';
      try {
        plaintext = await session.aesGcmDecrypt(key, iv, data);
      } catch (error) {
        if (!isZzError(error, 'ERR_SESSION_DECRYPTION')) throw error;
        plaintext = 'rejected';
      }
      if (test.result === 'valid') {
        valid++;
        if (plaintext === 'rejected' || toHex(plaintext) !== test.msg) failures.push(`decrypt #${test.tcId}`);
        const sealed = await session.aesGcmEncrypt(key, iv, fromHex(test.msg));
        if (toHex(sealed) !== test.ct + test.tag) failures.push(`encrypt #${test.tcId}`);
      } else if (test.result === 'invalid' && plaintext !== 'rejected') {
        failures.push(`accepted invalid #${test.tcId}`);
      }
    }
    expect(valid).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });

  it('AES-GCM refuses bad sizes and short or tampered data', async () => {
    const key = new Uint8Array(32).fill(7);
    const iv = new Uint8Array(12);
    const sealed = await session.aesGcmEncrypt(key, iv, new Uint8Array([1, 2, 3]));
    expect(sealed.length).toBe(3 + 16);
    await expectZzError(() => session.aesGcmEncrypt(new Uint8Array(16), iv, sealed), 'ERR_INPUT_INVALID');
    await expectZzError(() => session.aesGcmEncrypt(key, new Uint8Array(16), sealed), 'ERR_INPUT_INVALID');
    await expectZzError(() => session.aesGcmDecrypt(key, iv, sealed.subarray(0, 15)), 'ERR_SESSION_DECRYPTION');
    const tampered = new Uint8Array(sealed);
    tampered[0] = (tampered[0] as number) ^ 1;
    await expectZzError(() => session.aesGcmDecrypt(key, iv, tampered), 'ERR_SESSION_DECRYPTION');
    await expectZzError(() => session.aesGcmDecrypt(key, iv, 'x' as unknown as Uint8Array), 'ERR_INPUT_INVALID');
  });

  it.each(PLATFORMS)('ECDH P-256 agrees with %s', async (_, there) => {
    const mine = await session.generateEcdhKeyPair();
    const theirs = await sessionOf(there).generateEcdhKeyPair();
    expect(mine.publicKey.length).toBe(65);
    expect(mine.publicKey[0]).toBe(4);
    const z1 = await mine.deriveSharedSecret(theirs.publicKey);
    const z2 = await theirs.deriveSharedSecret(mine.publicKey);
    expect(z1.length).toBe(32);
    expect(bytesEqual(z1, z2)).toBe(true);
  });

  it('ECDH refuses points that are not uncompressed P-256 points', async () => {
    const pair = await session.generateEcdhKeyPair();
    const offCurve = new Uint8Array(pair.publicKey);
    offCurve[64] = (offCurve[64] as number) ^ 1;
    for (const point of [offCurve, new Uint8Array(65), pair.publicKey.subarray(0, 33)]) {
      await expectZzError(() => pair.deriveSharedSecret(point), 'ERR_CRYPTO_KEY_INVALID');
    }
  });
});
