import { createHash } from 'node:crypto';
import { concatBytes, fromHex, toHex, utf8Encode } from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { computeSm2Za, createSm2Suite, SM2_CURVE, SM2_DEFAULT_USER_ID, sm3, verifySm2 } from '../../src/index.js';
import { loadSm2Sm3Vectors } from '../vectors.js';

const vectors = loadSm2Sm3Vectors();
const hex32 = (value: bigint) => value.toString(16).padStart(64, '0');

/** A random source that first yields the given bytes (the vector's k), then fails loudly. */
function fixedRandom(...outputs: Uint8Array[]) {
  const queue = [...outputs];
  return (length: number) => {
    const next = queue.shift();
    if (next === undefined || next.length !== length) throw new Error('unexpected randomness request');
    return next;
  };
}

describe.each(vectors.sm2_sign)('SM2 vector: $name', (vector) => {
  const point = concatBytes(new Uint8Array([4]), fromHex(vector.public_key_x), fromHex(vector.public_key_y));
  const message = fromHex(vector.message_hex);

  it('is on the recommended curve sm2p256v1 (not the GM/T 0003 Annex test curve)', () => {
    expect(vector.curve.p).toBe(hex32(SM2_CURVE.p));
    expect(vector.curve.a).toBe(hex32(SM2_CURVE.a));
    expect(vector.curve.b).toBe(hex32(SM2_CURVE.b));
    expect(vector.curve.gx).toBe(hex32(SM2_CURVE.Gx));
    expect(vector.curve.gy).toBe(hex32(SM2_CURVE.Gy));
    expect(vector.curve.n).toBe(hex32(SM2_CURVE.n));
    expect(toHex(fromHex(vector.user_id_hex))).toBe(toHex(SM2_DEFAULT_USER_ID));
  });

  it('derives the public key from d', async () => {
    const signer = await createSm2Suite({ randomBytes: fixedRandom() }).importSigner(fromHex(vector.private_key_d));
    expect(toHex(signer.publicKey.point)).toBe(toHex(point));
    expect(signer.publicKey.suite).toBe('SM2');
  });

  it('computes Z_A and e (GB/T 32918.2 §5.5, §6.1 A1–A2)', () => {
    const za = computeSm2Za(point, sm3, fromHex(vector.user_id_hex));
    expect(toHex(za)).toBe(vector.Z_A);
    expect(toHex(sm3(concatBytes(za, message)))).toBe(vector.e);
  });

  it('signs to exactly r ‖ s with the vector k injected as the random source', async () => {
    const suite = createSm2Suite({ randomBytes: fixedRandom(fromHex(vector.k)) });
    const signer = await suite.importSigner(fromHex(vector.private_key_d));
    expect(toHex(await signer.sign(message))).toBe(vector.r + vector.s);
  });

  it('verifies r ‖ s through the suite and the uncached verifier', async () => {
    const signature = fromHex(vector.r + vector.s);
    const suite = createSm2Suite({ randomBytes: fixedRandom() });
    expect(await suite.verify(point, message, signature)).toBe(true);
    expect(verifySm2(point, message, signature)).toBe(true);
    expect(verifySm2(point, message, signature, { userId: new Uint8Array(0) })).toBe(false);
  });

  it('signs and verifies the same with OpenSSL SM3 injected, as the Node platform runs SM2', async () => {
    const opensslSm3 = (data: Uint8Array) => new Uint8Array(createHash('sm3').update(data).digest());
    expect(toHex(computeSm2Za(point, opensslSm3, fromHex(vector.user_id_hex)))).toBe(vector.Z_A);
    const suite = createSm2Suite({ sm3: opensslSm3, randomBytes: fixedRandom(fromHex(vector.k)) });
    const signer = await suite.importSigner(fromHex(vector.private_key_d));
    expect(toHex(await signer.sign(message))).toBe(vector.r + vector.s);
    expect(await suite.verify(point, message, fromHex(vector.r + vector.s))).toBe(true);
  });

  it('refuses r ‖ s under another user ID (the GM/T 0003.2 example ID ALICE123@YAHOO.COM)', () => {
    const signature = fromHex(vector.r + vector.s);
    expect(verifySm2(point, message, signature, { userId: utf8Encode('ALICE123@YAHOO.COM') })).toBe(false);
    expect(verifySm2(point, message, signature, { userId: fromHex(vector.user_id_hex) })).toBe(true);
  });
});
