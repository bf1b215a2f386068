import { fromHex, type SuiteId, toHex, utf8Encode } from '@zhengzhao/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectZzError, loadSharedVector, PLATFORMS } from './helpers.js';

const SUITE_IDS: readonly SuiteId[] = ['ES256', 'SM2'];
const sm3Vectors = loadSharedVector<{ sm3: { input_hex: string; sm3: string }[] }>('sm2-sm3/sm2_sm3_vectors.json');

describe.each(PLATFORMS)('platform conformance: %s', (_, platform) => {
  describe.each(SUITE_IDS)('%s suite', (id) => {
    const suite = platform.suite(id);

    it('signs and verifies raw 64-byte r ‖ s signatures; tampering fails', async () => {
      const signer = await suite.generateSigner();
      expect(signer.suite).toBe(id);
      expect(signer.publicKey.point.length).toBe(65);
      const data = utf8Encode('居民身份证电子证照');
      const signature = await signer.sign(data);
      expect(signature.length).toBe(64);
      expect(await suite.verify(signer.publicKey.point, data, signature)).toBe(true);
      expect(await suite.verify(signer.publicKey.point, utf8Encode('tampered'), signature)).toBe(false);
      const bad = new Uint8Array(signature);
      bad[10] = (bad[10] as number) ^ 0x40;
      expect(await suite.verify(signer.publicKey.point, data, bad)).toBe(false);
      expect(await suite.verify(signer.publicKey.point, data, signature.subarray(0, 63))).toBe(false);
      const other = await suite.generateSigner();
      expect(await suite.verify(other.publicKey.point, data, signature)).toBe(false);
    });

    it('exports and re-imports a private scalar to the same key', async () => {
      const signer = await suite.generateSigner();
      const scalar = signer.exportPrivateScalar();
      expect(scalar.length).toBe(32);
      const again = await suite.importSigner(scalar);
      expect(toHex(again.publicKey.point)).toBe(toHex(signer.publicKey.point));
      const data = utf8Encode('x');
      expect(await suite.verify(signer.publicKey.point, data, await again.sign(data))).toBe(true);
    });

    it('refuses invalid keys with ERR_CRYPTO_KEY_INVALID', async () => {
      const signer = await suite.generateSigner();
      const offCurve = new Uint8Array(signer.publicKey.point);
      offCurve[64] = (offCurve[64] as number) ^ 1;
      const signature = await signer.sign(utf8Encode('x'));
      for (const point of [offCurve, new Uint8Array(65), signer.publicKey.point.subarray(0, 33)]) {
        await expectZzError(() => suite.verify(point, utf8Encode('x'), signature), 'ERR_CRYPTO_KEY_INVALID');
      }
      for (const scalar of [new Uint8Array(32), new Uint8Array(31), fromHex('ff'.repeat(32))]) {
        await expectZzError(() => suite.importSigner(scalar), 'ERR_CRYPTO_KEY_INVALID');
      }
    });

    it.each(PLATFORMS)('verifies across platforms: signed here, verified on %s (and back)', async (_, there) => {
      const data = utf8Encode('cross-platform');
      const here = await suite.generateSigner();
      expect(await there.suite(id).verify(here.publicKey.point, data, await here.sign(data))).toBe(true);
      const away = await there.suite(id).generateSigner();
      expect(await suite.verify(away.publicKey.point, data, await away.sign(data))).toBe(true);
    });
  });

  it('has no other suite', async () => {
    await expectZzError(() => platform.suite('Ed25519' as SuiteId), 'ERR_CRYPTO_UNSUPPORTED_ALG');
  });

  it('computes digests (SHA-2 and SM3 known answers)', async () => {
    const abc = utf8Encode('abc');
    expect(toHex(await platform.digest('SHA-256', abc))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(await platform.digest('SHA-384', abc))).toBe(
      'cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7',
    );
    expect(toHex(await platform.digest('SHA-512', abc))).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    for (const vector of sm3Vectors.sm3) {
      expect(toHex(await platform.digest('SM3', fromHex(vector.input_hex)))).toBe(vector.sm3);
    }
    await expectZzError(() => platform.digest('MD5' as 'SM3', abc), 'ERR_CRYPTO_UNSUPPORTED_ALG');
  });

  it('returns random bytes of any length', () => {
    expect(platform.randomBytes(0).length).toBe(0);
    const big = platform.randomBytes(200_000);
    expect(big.length).toBe(200_000);
    expect(big.subarray(150_000).some((byte) => byte !== 0)).toBe(true);
    expect(toHex(platform.randomBytes(16))).not.toBe(toHex(platform.randomBytes(16)));
  });

  describe('ZLIB (RFC 1950)', () => {
    it('round-trips', async () => {
      for (const data of [new Uint8Array(0), utf8Encode('status '.repeat(1000)), platform.randomBytes(5000)]) {
        const compressed = await platform.deflate(data);
        expect(compressed[0]).toBe(0x78);
        expect(toHex(await platform.inflate(compressed, data.length))).toBe(toHex(data));
      }
    });

    it('inflates the Token Status List vector 78DADBB918000217015D to B9 A3', async () => {
      expect(toHex(await platform.inflate(fromHex('78DADBB918000217015D'), 2))).toBe('b9a3');
      await expectZzError(() => platform.inflate(fromHex('78DADBB918000217015D'), 1), 'ERR_COMPRESSION_LIMIT');
    });

    it('stops a zip bomb (50 MB of zeros) under a 1 MB limit quickly', async () => {
      const bomb = await platform.deflate(new Uint8Array(50 * 1024 * 1024));
      const start = performance.now();
      await expectZzError(() => platform.inflate(bomb, 1024 * 1024), 'ERR_COMPRESSION_LIMIT');
      expect(performance.now() - start).toBeLessThan(1000);
    });

    it('rejects every truncation, trailing bytes, raw deflate and gzip as malformed', async () => {
      const compressed = await platform.deflate(utf8Encode('hello zhengzhao '.repeat(20)));
      for (let length = 0; length < compressed.length; length++) {
        await expectZzError(
          () => platform.inflate(compressed.subarray(0, length), 10_000),
          'ERR_COMPRESSION_MALFORMED',
        );
      }
      const trailing = [new Uint8Array([0]), compressed.subarray(compressed.length - 4), compressed];
      for (const extra of trailing) {
        const data = new Uint8Array([...compressed, ...extra]);
        await expectZzError(() => platform.inflate(data, 10_000), 'ERR_COMPRESSION_MALFORMED');
      }
      const corrupt = new Uint8Array(compressed);
      corrupt[corrupt.length - 1] = (corrupt[corrupt.length - 1] as number) ^ 1; // Adler-32
      await expectZzError(() => platform.inflate(corrupt, 10_000), 'ERR_COMPRESSION_MALFORMED');
      // gzip ("abc") and raw deflate ("abc") as produced by zlib.
      await expectZzError(
        () => platform.inflate(fromHex('1f8b08000000000000034b4c4a0600c241243503000000'), 100),
        'ERR_COMPRESSION_MALFORMED',
      );
      await expectZzError(() => platform.inflate(fromHex('4b4c4a0600'), 100), 'ERR_COMPRESSION_MALFORMED');
    });

    it('random input fails with a compression error, never another one (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ maxLength: 64 }), async (data) => {
          try {
            const out = await platform.inflate(new Uint8Array([0x78, 0x9c, ...data]), 256);
            expect(out.length).toBeLessThanOrEqual(256);
          } catch (error) {
            const code = (error as { code?: string }).code;
            expect(['ERR_COMPRESSION_MALFORMED', 'ERR_COMPRESSION_LIMIT']).toContain(code);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});
