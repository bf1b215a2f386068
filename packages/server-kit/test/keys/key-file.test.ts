import { isZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptKeyFile, type EncryptedKeyFile, encryptKeyFile } from '../../src/index.js';

const platform = createNodePlatform();
const passphrase = 'correct horse battery';

async function rejectsTyped(file: unknown): Promise<boolean> {
  try {
    await decryptKeyFile(platform, file, passphrase);
    return false;
  } catch (error) {
    return isZzError(error);
  }
}

describe('zz-key-1 key files against malformed input', () => {
  it('refuses any JSON value with a typed error (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expect(await rejectsTyped(value)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a valid file with any member replaced by a random string (property)', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const file = encryptKeyFile(signer, passphrase);
    const members = ['iv', 'ciphertext', 'salt', 'x'] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...members), fc.string({ maxLength: 80 }), async (member, text) => {
        const copy = structuredClone(file) as EncryptedKeyFile;
        if (member === 'salt') copy.kdf.salt = text;
        else if (member === 'x') copy.publicKey.x = text;
        else copy[member] = text;
        if (JSON.stringify(copy) === JSON.stringify(file)) return;
        expect(await rejectsTyped(copy)).toBe(true);
      }),
      { numRuns: 25 },
    );
    expect(await rejectsTyped({ ...file, iv: '' })).toBe(true);
    expect(await rejectsTyped({ ...file, publicKey: null })).toBe(true);
  });
});
