import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isZzError } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { describe, expect, it } from 'vitest';
import { createFileKeyStore } from '../../src/index.js';

const platform = createNodePlatform();
const passphrase = 'correct horse battery staple';
const data = new TextEncoder().encode('mobile security object');

function tempDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'zz-keys-')), 'keys');
}

describe('file key store (keys encrypted at rest)', () => {
  it('generates, lists and signs; files are 0600 zz-key-1 and hold no clear scalar', async () => {
    const dir = tempDir();
    const store = createFileKeyStore({ dir, passphrase, platform });
    const info = await store.generateKey('gd-ds-2026-01', 'ES256');
    expect(info.suite).toBe('ES256');
    expect(info.publicKey.point).toHaveLength(65);
    const file = join(dir, 'gd-ds-2026-01.key.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('zz-key-1');
    expect(readdirSync(dir)).toEqual(['gd-ds-2026-01.key.json']); // no temporary file left

    const signer = await store.getSigner('gd-ds-2026-01');
    expect('exportPrivateScalar' in signer).toBe(false);
    const signature = await signer.sign(data);
    expect(await platform.suite('ES256').verify(info.publicKey.point, data, signature)).toBe(true);
    expect(await store.getSigner('gd-ds-2026-01')).toBe(signer); // unlocked once, cached

    await store.generateKey('gd-ds-2026-02', 'ES256');
    expect((await store.listKeys()).map((k) => k.keyId)).toEqual(['gd-ds-2026-01', 'gd-ds-2026-02']);
  });

  it('round-trips an imported key through a second store instance', async () => {
    const dir = tempDir();
    const original = await platform.suite('ES256').generateSigner();
    await createFileKeyStore({ dir, passphrase, platform }).putKey('imported', original);
    const text = readFileSync(join(dir, 'imported.key.json'), 'utf8');
    expect(text).not.toContain(Buffer.from(original.exportPrivateScalar()).toString('base64url'));
    const reopened = createFileKeyStore({ dir, passphrase, platform });
    expect((await reopened.getKeyInfo('imported')).publicKey).toEqual(original.publicKey);
    const signature = await (await reopened.getSigner('imported')).sign(data);
    expect(await platform.suite('ES256').verify(original.publicKey.point, data, signature)).toBe(true);
  });

  it('refuses a wrong passphrase, unknown and taken ids, bad ids and corrupt files with typed errors', async () => {
    const dir = tempDir();
    const store = createFileKeyStore({ dir, passphrase, platform });
    await store.generateKey('k1', 'ES256');
    const wrong = createFileKeyStore({ dir, passphrase: 'wrong passphrase', platform });
    await expect(wrong.getSigner('k1')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_PASSPHRASE'));
    // listing needs no passphrase
    expect((await wrong.listKeys()).map((k) => k.keyId)).toEqual(['k1']);
    await expect(store.getSigner('k2')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_KEY_UNKNOWN'));
    await expect(store.generateKey('k1', 'ES256')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_KEY_EXISTS'));
    for (const bad of ['../k1', '.hidden', '', 'a/b', 'x'.repeat(200)]) {
      await expect(store.getKeyInfo(bad)).rejects.toSatisfy((e) => isZzError(e, 'ERR_INPUT_INVALID'));
    }
    writeFileSync(join(dir, 'broken.key.json'), '{"format":"zz-key-1"', { mode: 0o600 });
    await expect(store.getSigner('broken')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_FORMAT'));
    writeFileSync(join(dir, 'other.key.json'), JSON.stringify({ format: 'something-else' }), { mode: 0o600 });
    await expect(store.getSigner('other')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_FORMAT'));
    // a failed unlock is not cached: the right passphrase still works afterwards
    expect((await store.getSigner('k1')).suite).toBe('ES256');
  });

  it('refuses a short passphrase when storing', async () => {
    const store = createFileKeyStore({ dir: tempDir(), passphrase: 'short', platform });
    await expect(store.generateKey('k', 'ES256')).rejects.toSatisfy((e) => isZzError(e, 'ERR_KEYSTORE_PASSPHRASE'));
  });
});
