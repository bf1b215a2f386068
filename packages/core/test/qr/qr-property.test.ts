import { createNodePlatform } from '@zhengzhao/crypto-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BASE45_ALPHABET,
  decodeBase45,
  decodeQr,
  encodeBase45,
  isZzError,
  presentQr,
  toHex,
  verifyQr,
} from '../../src/index.js';
import { createQrWorld, NOW } from './fixtures.js';

const platform = createNodePlatform();

/** Runs `fn`: it must resolve (a report must then be a failed one unless `mayBeValid`) or reject with a ZzError. */
async function expectTypedOutcome(fn: () => Promise<unknown>, mayBeValid = false): Promise<void> {
  try {
    const result = await fn();
    if (result && typeof result === 'object' && 'valid' in result) {
      const report = result as { valid: boolean; claims?: unknown };
      if (!mayBeValid) expect(report.valid).toBe(false);
      if (!report.valid) expect(report.claims).toBeUndefined();
    }
  } catch (error) {
    if (!isZzError(error)) throw error;
  }
}

describe('ZZ1 decoders on hostile input (property)', async () => {
  const world = await createQrWorld(platform);
  const text = await presentQr(platform, {
    credential: await world.issue('hotel'),
    deviceSigner: world.device,
    now: NOW,
  });
  const compressed = decodeBase45(text.slice(4));
  const verify = (t: string) => verifyQr(platform, t, { trust: world.trust, now: NOW });

  it('random strings, with and without the prefix', async () => {
    const base45Text = fc.array(fc.constantFrom(...BASE45_ALPHABET), { maxLength: 200 }).map((c) => c.join(''));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          base45Text.map((t) => `ZZ1:${t}`),
          fc.string().map((t) => `ZZ1:${t}`),
        ),
        async (t) => {
          await expectTypedOutcome(() => decodeQr(platform, t), true);
          await expectTypedOutcome(() => verify(t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every truncation of a valid QR', async () => {
    for (let length = 0; length < text.length; length += 1) {
      await expectTypedOutcome(() => verify(text.slice(0, length)));
    }
  });

  it('random byte flips inside the compressed payload', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: compressed.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, mask) => {
          const mutated = new Uint8Array(compressed);
          mutated[index] = (mutated[index] as number) ^ mask;
          // A flip may land in the padding bits after DEFLATE's end-of-block code: the content is
          // then unchanged and the QR stays valid. Any other change must fail.
          const original = await platform.inflate(compressed, 8192);
          let same = false;
          try {
            same = toHex(await platform.inflate(mutated, 8192)) === toHex(original);
          } catch {
            same = false;
          }
          await expectTypedOutcome(() => verify(`ZZ1:${encodeBase45(mutated)}`), same);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random CBOR-ish payloads behind a valid ZLIB layer', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const t = `ZZ1:${encodeBase45(await platform.deflate(bytes))}`;
        await expectTypedOutcome(() => verify(t));
      }),
      { numRuns: 300 },
    );
  });

  it('random structured values behind a valid ZLIB layer', async () => {
    const { encodeCbor } = await import('../../src/index.js');
    const leaf = fc.oneof(
      fc.integer(),
      fc.string({ maxLength: 8 }),
      fc.uint8Array({ maxLength: 70 }),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 5 })),
    })).node;
    await fc.assert(
      fc.asyncProperty(fc.array(value, { maxLength: 4 }), async (items) => {
        const t = `ZZ1:${encodeBase45(await platform.deflate(encodeCbor([1, ...items] as never)))}`;
        await expectTypedOutcome(() => verify(t));
      }),
      { numRuns: 300 },
    );
  });
});
