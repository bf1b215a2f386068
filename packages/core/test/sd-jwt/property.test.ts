import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSdJwt, decodeSdJwtDisclosure, isZzError, presentSdJwtVc, verifySdJwtVc } from '../../src/index.js';
import { AUDIENCE, createFixture, NONCE, NOW, platform } from './fixtures.js';

const fixture = await createFixture();
const presentation = await presentSdJwtVc(platform, fixture.sdJwt, {
  disclose: () => true,
  holderSigner: fixture.holder,
  audience: AUDIENCE,
  nonce: NONCE,
  now: NOW,
});
const options = { trust: fixture.trust, now: NOW, audience: AUDIENCE, nonce: NONCE };

/** Runs `fn`; passes when it returns or throws a ZzError, fails on any other exception. */
function zzOrValue(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return isZzError(error);
  }
}

/** Verification must end in a report (with a failed check unless the input is the real one) or a ZzError. */
async function reportOrZz(input: string): Promise<boolean> {
  try {
    const report = await verifySdJwtVc(platform, input, options);
    return input === presentation ? report.valid : !report.valid && report.checks.some((c) => c.outcome === 'failed');
  } catch (error) {
    return isZzError(error);
  }
}

const sdJwtAlphabet = fc.constantFrom(
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~='.split(''),
);

describe('bad input never escapes as anything but a ZzError or a failed report', () => {
  it('decodeSdJwt on random strings and strings over the SD-JWT alphabet', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => zzOrValue(() => decodeSdJwt(text))),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.array(sdJwtAlphabet, { maxLength: 300 }), (chars) => zzOrValue(() => decodeSdJwt(chars.join('')))),
      { numRuns: 500 },
    );
  });

  it('decodeSdJwtDisclosure on random text and random JSON', () => {
    fc.assert(fc.property(fc.string({ maxLength: 120 }), (text) => zzOrValue(() => decodeSdJwtDisclosure(text))));
    fc.assert(
      fc.property(fc.jsonValue(), (value) =>
        zzOrValue(() => decodeSdJwtDisclosure(Buffer.from(JSON.stringify(value) ?? 'null').toString('base64url'))),
      ),
    );
  });

  it('verifySdJwtVc on every truncation of a valid presentation', async () => {
    for (let length = 0; length < presentation.length; length += 7) {
      expect(await reportOrZz(presentation.slice(0, length))).toBe(true);
    }
    expect(await reportOrZz(presentation)).toBe(true);
  });

  it('verifySdJwtVc on a valid presentation with one character replaced, removed or inserted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: presentation.length - 1 }),
        sdJwtAlphabet,
        fc.constantFrom('replace', 'remove', 'insert'),
        async (at, char, how) => {
          const input =
            how === 'replace'
              ? presentation.slice(0, at) + char + presentation.slice(at + 1)
              : how === 'remove'
                ? presentation.slice(0, at) + presentation.slice(at + 1)
                : presentation.slice(0, at) + char + presentation.slice(at);
          return reportOrZz(input);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('verifySdJwtVc on random strings, and on non-strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), reportOrZz), { numRuns: 200 });
    for (const value of [undefined, null, 42, {}, []]) {
      const report = await verifySdJwtVc(platform, value as unknown as string, options);
      expect(report.valid).toBe(false);
    }
  });
});
