import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  createSessionCipher,
  createSessionTranscript,
  deriveSessionKeys,
  fromHex,
  type Platform,
  type SessionCipher,
  utf8Decode,
  utf8Encode,
} from '../../src/index.js';
import { expectCode, PLATFORMS } from './session-fixtures.js';

const transcript = createSessionTranscript(fromHex('a10063312e30'), fromHex('a20102'));

async function pair(
  reader: Platform,
  device: Platform,
): Promise<{ r: SessionCipher; d: SessionCipher; z: Uint8Array }> {
  const a = await reader.session?.generateEcdhKeyPair();
  const b = await device.session?.generateEcdhKeyPair();
  if (!a || !b) throw new Error('no session crypto');
  const z = await a.deriveSharedSecret(b.publicKey);
  const r = await createSessionCipher(reader, { role: 'reader', sharedSecret: z, sessionTranscript: transcript });
  const zd = await b.deriveSharedSecret(a.publicKey);
  const d = await createSessionCipher(device, { role: 'device', sharedSecret: zd, sessionTranscript: transcript });
  return { r, d, z };
}

describe.each(PLATFORMS)('SessionCipher on %s', (name, platform) => {
  const [, other] = PLATFORMS.find(([n]) => n !== name) as readonly [string, Platform];

  it('uses SKReader with IV 00×8‖counter and SKDevice with IV 00…01‖counter (§9.1.1.5)', async () => {
    const { r, d, z } = await pair(platform, platform);
    const keys = await deriveSessionKeys(platform, z, transcript);
    const session = platform.session;
    if (!session) throw new Error('no session crypto');
    const first = await r.encrypt(utf8Encode('one'));
    const second = await r.encrypt(utf8Encode('two'));
    const iv = (id: string, n: string) => fromHex(`${id}${n}`);
    expect(utf8Decode(await session.aesGcmDecrypt(keys.skReader, iv('0000000000000000', '00000001'), first))).toBe(
      'one',
    );
    expect(utf8Decode(await session.aesGcmDecrypt(keys.skReader, iv('0000000000000000', '00000002'), second))).toBe(
      'two',
    );
    const back = await d.encrypt(utf8Encode('back'));
    expect(utf8Decode(await session.aesGcmDecrypt(keys.skDevice, iv('0000000000000001', '00000001'), back))).toBe(
      'back',
    );
    expect(bytesEqual(keys.skReader, keys.skDevice)).toBe(false);
    expect(keys.skReader).toHaveLength(32);
  });

  it(`interoperates with the other platform (${name} reader)`, async () => {
    const { r, d } = await pair(platform, other);
    expect(utf8Decode(await d.decrypt(await r.encrypt(utf8Encode('请出示证件'))))).toBe('请出示证件');
    expect(utf8Decode(await r.decrypt(await d.encrypt(utf8Encode('ok'))))).toBe('ok');
  });

  it('tampered ciphertext → ERR_SESSION_DECRYPTION, and the counter does not move', async () => {
    const { r, d } = await pair(platform, platform);
    const message = await r.encrypt(utf8Encode('hello'));
    for (const index of [0, message.length - 1]) {
      const bad = new Uint8Array(message);
      bad[index] = (bad[index] as number) ^ 0x80;
      await expectCode(() => d.decrypt(bad), 'ERR_SESSION_DECRYPTION');
    }
    await expectCode(() => d.decrypt(message.subarray(0, 10)), 'ERR_SESSION_DECRYPTION');
    expect(d.received).toBe(0);
    expect(utf8Decode(await d.decrypt(message))).toBe('hello');
  });

  it('a replayed message → ERR_SESSION_REPLAY', async () => {
    const { r, d } = await pair(platform, platform);
    const m1 = await r.encrypt(utf8Encode('1'));
    const m2 = await r.encrypt(utf8Encode('2'));
    await d.decrypt(m1);
    await expectCode(() => d.decrypt(m1), 'ERR_SESSION_REPLAY');
    expect(utf8Decode(await d.decrypt(m2))).toBe('2');
    await expectCode(() => d.decrypt(m2), 'ERR_SESSION_REPLAY');
    await expectCode(() => d.decrypt(m1), 'ERR_SESSION_REPLAY');
  });

  it('an out-of-order message → ERR_SESSION_REPLAY, then the right one still works', async () => {
    const { r, d } = await pair(platform, platform);
    const m1 = await r.encrypt(utf8Encode('1'));
    const m2 = await r.encrypt(utf8Encode('2'));
    await expectCode(() => d.decrypt(m2), 'ERR_SESSION_REPLAY');
    expect(utf8Decode(await d.decrypt(m1))).toBe('1');
    expect(utf8Decode(await d.decrypt(m2))).toBe('2');
  });

  it('a message reflected back to its sender is refused (directions use different keys)', async () => {
    const { r } = await pair(platform, platform);
    const mine = await r.encrypt(utf8Encode('x'));
    await expectCode(() => r.decrypt(mine), 'ERR_SESSION_DECRYPTION');
  });

  it('concurrent encryptions get distinct counters; concurrent decryptions run in order', async () => {
    const { r, d } = await pair(platform, platform);
    const sealed = await Promise.all(['a', 'b', 'c'].map((text) => r.encrypt(utf8Encode(text))));
    const opened = await Promise.all(sealed.map((message) => d.decrypt(message)));
    expect(opened.map(utf8Decode)).toEqual(['a', 'b', 'c']);
    expect(r.sent).toBe(3);
    expect(d.received).toBe(3);
  });

  it('refuses bad inputs', async () => {
    const { r } = await pair(platform, platform);
    await expectCode(() => r.encrypt('x' as unknown as Uint8Array), 'ERR_INPUT_INVALID');
    await expectCode(() => r.decrypt('x' as unknown as Uint8Array), 'ERR_INPUT_INVALID');
    await expectCode(
      () =>
        createSessionCipher(platform, {
          role: 'reader',
          sharedSecret: new Uint8Array(31),
          sessionTranscript: transcript,
        }),
      'ERR_INPUT_INVALID',
    );
    await expectCode(
      () =>
        createSessionCipher(platform, {
          role: 'other' as 'reader',
          sharedSecret: new Uint8Array(32),
          sessionTranscript: transcript,
        }),
      'ERR_INPUT_INVALID',
    );
  });
});

it('a platform without session crypto → ERR_CRYPTO_UNSUPPORTED_ALG', async () => {
  const [, platform] = PLATFORMS[0] as readonly [string, Platform];
  const bare: Platform = { ...platform, session: undefined };
  await expectCode(
    () =>
      createSessionCipher(bare, { role: 'reader', sharedSecret: new Uint8Array(32), sessionTranscript: transcript }),
    'ERR_CRYPTO_UNSUPPORTED_ALG',
  );
});
