import { utf8Encode } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import { createSignerFromCryptoKeyPair, generateNonExtractableSigner, webRandomBytes } from '../../src/index.js';
import { expectZzError } from './helpers.js';

describe('generateNonExtractableSigner (wallet device key)', () => {
  it('signs ES256 that Node verifies, with a private key that cannot be exported', async () => {
    const signer = await generateNonExtractableSigner();
    expect(signer.suite).toBe('ES256');
    expect(signer.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('jwk', signer.keyPair.privateKey)).rejects.toBeDefined();
    expect('exportPrivateScalar' in signer).toBe(false);
    const data = utf8Encode('device authentication');
    const signature = await signer.sign(data);
    expect(createNodePlatform().suite('ES256').verify(signer.publicKey.point, data, signature)).toBe(true);
  });

  it('is rebuilt from a structured clone of its key pair (as read back from IndexedDB)', async () => {
    const signer = await generateNonExtractableSigner();
    const restored = await createSignerFromCryptoKeyPair(structuredClone(signer.keyPair));
    expect(restored.publicKey.point).toEqual(signer.publicKey.point);
    const data = utf8Encode('again');
    expect(
      createNodePlatform()
        .suite('ES256')
        .verify(signer.publicKey.point, data, await restored.sign(data)),
    ).toBe(true);
  });

  it('refuses a key pair of another algorithm', async () => {
    const rsa = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    await expectZzError(() => createSignerFromCryptoKeyPair(rsa), 'ERR_CRYPTO_KEY_INVALID');
    await expectZzError(() => createSignerFromCryptoKeyPair({} as CryptoKeyPair), 'ERR_CRYPTO_KEY_INVALID');
  });
});

describe('webRandomBytes', () => {
  it('fills more than one 65,536-byte chunk and refuses bad lengths', async () => {
    const bytes = webRandomBytes(65536 * 2 + 7);
    expect(bytes.length).toBe(131079);
    expect(bytes.subarray(131072).some((b) => b !== 0) || bytes.subarray(65536, 65600).some((b) => b !== 0)).toBe(true);
    await expectZzError(() => webRandomBytes(-1), 'ERR_INPUT_INVALID');
  });
});
