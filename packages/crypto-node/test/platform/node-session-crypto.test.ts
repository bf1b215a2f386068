import { readFileSync } from 'node:fs';
import { bytesEqual, fromHex, isZzError, toHex } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../../src/index.js';

const session = createNodePlatform().session;
const vectors = new URL('../../../../../shared/vectors/wycheproof/', import.meta.url);
const load = (name: string) => JSON.parse(readFileSync(new URL(name, vectors), 'utf8'));

describe('node session crypto', () => {
  if (!session) throw new Error('the node platform must provide session crypto');

  it('answers synchronously (no promises on the hot path)', () => {
    const pair = session.generateEcdhKeyPair();
    expect(pair).not.toBeInstanceOf(Promise);
    if (pair instanceof Promise) return;
    const other = session.generateEcdhKeyPair();
    if (other instanceof Promise) return;
    const z = pair.deriveSharedSecret(other.publicKey);
    expect(z).toBeInstanceOf(Uint8Array);
    expect(bytesEqual(z as Uint8Array, other.deriveSharedSecret(pair.publicKey) as Uint8Array)).toBe(true);
    expect(session.hkdfSha256(new Uint8Array(32), new Uint8Array(0), new Uint8Array(0), 32)).toBeInstanceOf(Uint8Array);
  });

  it('passes every Wycheproof HKDF-SHA-256 case (86)', () => {
    const file = load('hkdf_sha256_test.json');
    let count = 0;
    for (const group of file.testGroups) {
      for (const t of group.tests) {
        count++;
        const run = () => session.hkdfSha256(fromHex(t.ikm), fromHex(t.salt), fromHex(t.info), t.size);
        if (t.result === 'valid') expect(toHex(run() as Uint8Array), `#${t.tcId}`).toBe(t.okm);
        else expect(() => run()).toThrow(expect.objectContaining({ code: 'ERR_INPUT_INVALID' }));
      }
    }
    expect(count).toBe(86);
  });

  it('passes the 48 applicable Wycheproof AES-GCM cases (256-bit key, 96-bit IV, 128-bit tag, no AAD)', () => {
    const file = load('aes_gcm_test.json');
    let count = 0;
    for (const group of file.testGroups) {
      if (group.keySize !== 256 || group.ivSize !== 96 || group.tagSize !== 128) continue;
      for (const t of group.tests) {
        if (t.aad !== '') continue;
        count++;
        const key = fromHex(t.key);
        const iv = fromHex(t.iv);
        if (t.result === 'valid') {
          expect(toHex(session.aesGcmEncrypt(key, iv, fromHex(t.msg)) as Uint8Array)).toBe(t.ct + t.tag);
          expect(toHex(session.aesGcmDecrypt(key, iv, fromHex(t.ct + t.tag)) as Uint8Array)).toBe(t.msg);
        } else {
          let failure: unknown;
          try {
            session.aesGcmDecrypt(key, iv, fromHex(t.ct + t.tag));
          } catch (error) {
            failure = error;
          }
          expect(isZzError(failure, 'ERR_SESSION_DECRYPTION'), `#${t.tcId}`).toBe(true);
        }
      }
    }
    expect(count).toBe(48);
  });
});
