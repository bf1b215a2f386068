import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decompressStatusList,
  issueStatusListCwt,
  issueStatusListJwt,
  isZzError,
  parseStatusReference,
  StatusList,
  type StatusListBits,
  verifyStatusListCwt,
  verifyStatusListJwt,
} from '../../src/index.js';
import { LIST_URI, newSigner, platform } from './fixtures.js';

const NOW = new Date('2025-03-01T08:00:00Z');

/** Runs `fn`; passes if it resolves or throws a ZzError, fails on any other exception. */
async function typedOrOk(fn: () => Promise<unknown> | unknown): Promise<boolean> {
  try {
    await fn();
    return true;
  } catch (error) {
    if (!isZzError(error)) throw error;
    return true;
  }
}

describe('property tests', () => {
  it('StatusList get/set agree with a plain model for every width', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<StatusListBits>(1, 2, 4, 8),
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 100 }),
        (bits, size, writes) => {
          const list = new StatusList(size, bits);
          const model = new Array<number>(size).fill(0);
          for (const [i, v] of writes) {
            const index = i % size;
            const value = v % (1 << bits);
            list.set(index, value);
            model[index] = value;
          }
          for (let i = 0; i < size; i++) expect(list.get(i)).toBe(model[i]);
          const copy = StatusList.fromBytes(new Uint8Array(list.bytes), bits);
          for (let i = 0; i < size; i++) expect(copy.get(i)).toBe(model[i]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('decompressStatusList: random bytes end in a ZzError or a list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 256 }), fc.constantFrom<StatusListBits>(1, 2, 4, 8), (bytes, bits) =>
        typedOrOk(() => decompressStatusList(platform, bytes, bits, { maxBytes: 4096 })),
      ),
      { numRuns: 300 },
    );
  });

  it('verifyStatusListJwt: random strings, truncations and character flips give only ZzErrors', async () => {
    const signer = await newSigner();
    const list = new StatusList(64, 2);
    list.set(3, 1);
    const token = await issueStatusListJwt(platform, signer, { uri: LIST_URI, list, issuedAt: NOW });
    const options = { trust: { publicKey: signer.publicKey }, expectedUri: LIST_URI, now: NOW };
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), (text) =>
        typedOrOk(() => verifyStatusListJwt(platform, text, options)),
      ),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.integer({ min: 0, max: 63 }), async (at, code) => {
        const truncated = token.slice(0, at);
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const flipped = token.slice(0, at) + alphabet[code] + token.slice(at + 1);
        await expect(verifyStatusListJwt(platform, truncated, options)).rejects.toSatisfy(isZzError);
        if (flipped !== token)
          await expect(verifyStatusListJwt(platform, flipped, options)).rejects.toSatisfy(isZzError);
        return true;
      }),
      { numRuns: 200 },
    );
  });

  it('verifyStatusListCwt: random bytes, truncations and byte flips give only ZzErrors', async () => {
    const signer = await newSigner();
    const list = new StatusList(64, 2);
    list.set(3, 1);
    const token = await issueStatusListCwt(platform, signer, { uri: LIST_URI, list, issuedAt: NOW, ttlSeconds: 60 });
    const options = { trust: { publicKey: signer.publicKey }, expectedUri: LIST_URI, now: NOW };
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), (bytes) =>
        typedOrOk(() => verifyStatusListCwt(platform, bytes, options)),
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: token.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        await expect(verifyStatusListCwt(platform, token.subarray(0, at), options)).rejects.toSatisfy(isZzError);
        const flipped = new Uint8Array(token);
        flipped[at] = (flipped[at] as number) ^ mask;
        await expect(verifyStatusListCwt(platform, flipped, options)).rejects.toSatisfy(isZzError);
        return true;
      }),
      { numRuns: 300 },
    );
  });

  it('parseStatusReference: any value gives a reference or a ZzError', () => {
    fc.assert(
      fc.property(fc.anything({ withMap: true, withBigInt: true, withTypedArray: true }), (value) => {
        try {
          const reference = parseStatusReference(value);
          expect(Number.isSafeInteger(reference.idx)).toBe(true);
        } catch (error) {
          expect(isZzError(error, 'ERR_STATUS_REFERENCE_MALFORMED')).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.record({ status_list: fc.record({ idx: fc.anything(), uri: fc.anything() }) }), (value) => {
        try {
          parseStatusReference(value);
          return Number.isSafeInteger(value.status_list.idx) && typeof value.status_list.uri === 'string';
        } catch (error) {
          return isZzError(error, 'ERR_STATUS_REFERENCE_MALFORMED');
        }
      }),
    );
  });
});
