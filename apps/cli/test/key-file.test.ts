import { isZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { decryptKeyFile, encryptKeyFile } from '@zhengzhao/server-kit';
import { describe, expect, it } from 'vitest';

const platform = createNodePlatform();

describe('encrypted key files (private keys never on disk in clear)', () => {
  it('round-trips a signer under its passphrase and keeps the scalar out of the file', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const file = encryptKeyFile(signer, 'correct horse battery');
    const text = JSON.stringify(file);
    expect(text).not.toContain(Buffer.from(signer.exportPrivateScalar()).toString('base64url'));
    const opened = await decryptKeyFile(platform, JSON.parse(text), 'correct horse battery');
    expect(opened.exportPrivateScalar()).toEqual(signer.exportPrivateScalar());
    const data = new TextEncoder().encode('sign me');
    expect(await platform.suite('ES256').verify(signer.publicKey.point, data, await opened.sign(data))).toBe(true);
  });

  it('refuses a wrong passphrase, a tampered file and a malformed one with typed errors', async () => {
    const signer = await platform.suite('ES256').generateSigner();
    const file = encryptKeyFile(signer, 'correct horse battery');
    await expect(decryptKeyFile(platform, file, 'wrong passphrase')).rejects.toSatisfy((e) =>
      isZzError(e, 'ERR_KEYSTORE_PASSPHRASE'),
    );
    const flipped = {
      ...file,
      ciphertext: `${file.ciphertext.slice(0, -2)}${file.ciphertext.endsWith('AA') ? 'AB' : 'AA'}`,
    };
    await expect(decryptKeyFile(platform, flipped, 'correct horse battery')).rejects.toSatisfy((e) => isZzError(e));
    for (const bad of [null, 7, {}, { ...file, kdf: { ...file.kdf, N: 1 << 30 } }, { ...file, suite: 'RS256' }]) {
      await expect(decryptKeyFile(platform, bad, 'correct horse battery')).rejects.toSatisfy((e) =>
        isZzError(e, 'ERR_KEYSTORE_FORMAT'),
      );
    }
    expect(() => encryptKeyFile(signer, 'short')).toThrow();
  });
});
