import { randomBytes } from 'node:crypto';
import { fromHex, toHex, utf8Encode } from '@zhengzhao/core';
import { sm2 } from 'sm-crypto-v2';
import { describe, expect, it } from 'vitest';
import { createSm2Suite, signSm2, verifySm2 } from '../../src/index.js';

const random = (length: number) => new Uint8Array(randomBytes(length));
const suite = createSm2Suite({ randomBytes: random });
const messages = [new Uint8Array(0), utf8Encode('message digest'), random(1), random(1000)];

describe('SM2 interop with sm-crypto-v2 (default user ID 1234567812345678)', () => {
  it.each(messages.map((m) => [m.length, m] as const))(
    'our signature verifies in sm-crypto-v2 (%i bytes)',
    async (_, m) => {
      const signer = await suite.generateSigner();
      const signature = await signer.sign(m);
      expect(signature.length).toBe(64);
      expect(sm2.doVerifySignature(m, toHex(signature), toHex(signer.publicKey.point), { hash: true })).toBe(true);
    },
  );

  it.each(messages.map((m) => [m.length, m] as const))(
    'sm-crypto-v2 signature verifies in ours (%i bytes)',
    async (_, m) => {
      const keys = sm2.generateKeyPairHex();
      const signature = fromHex(sm2.doSignature(m, keys.privateKey, { hash: true }));
      const point = fromHex(keys.publicKey);
      expect(await suite.verify(point, m, signature)).toBe(true);
      expect(verifySm2(point, m, signature)).toBe(true);
      // Same key imported into our suite derives the same public point.
      const ours = await suite.importSigner(fromHex(keys.privateKey.padStart(64, '0')));
      expect(toHex(ours.publicKey.point)).toBe(keys.publicKey);
    },
  );

  it('agrees on a custom user ID through signSm2 / verifySm2', () => {
    const keys = sm2.generateKeyPairHex();
    const userId = utf8Encode('alice@example.cn');
    const m = utf8Encode('hello');
    const ours = signSm2(fromHex(keys.privateKey.padStart(64, '0')), m, { randomBytes: random, userId });
    expect(sm2.doVerifySignature(m, toHex(ours), keys.publicKey, { hash: true, userId: 'alice@example.cn' })).toBe(
      true,
    );
    const theirs = fromHex(sm2.doSignature(m, keys.privateKey, { hash: true, userId: 'alice@example.cn' }));
    expect(verifySm2(fromHex(keys.publicKey), m, theirs, { userId })).toBe(true);
    expect(verifySm2(fromHex(keys.publicKey), m, theirs)).toBe(false);
  });

  it('many signatures by one key verify in both (exercises the precomputation tiers)', async () => {
    const signer = await suite.generateSigner();
    for (let i = 0; i < 60; i++) {
      const m = random(i);
      const signature = await signer.sign(m);
      expect(await suite.verify(signer.publicKey.point, m, signature)).toBe(true);
      if (i % 10 === 0) {
        expect(sm2.doVerifySignature(m, toHex(signature), toHex(signer.publicKey.point), { hash: true })).toBe(true);
      }
    }
  });
});
