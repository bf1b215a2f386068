import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createDeviceResponse,
  decodeDeviceResponse,
  decodeIssuerSigned,
  encodeDeviceResponse,
  encodeIssuerSigned,
  isZzError,
  presentMdoc,
  verifyDeviceResponse,
} from '../../src/index.js';
import { createFixture, DOC_TYPE, NOW, platform } from './mdoc-fixtures.js';

const fixture = await createFixture();
const document = await presentMdoc(platform, {
  issuerSigned: fixture.issuerSigned,
  deviceSigner: fixture.device,
  sessionTranscript: fixture.transcript,
  docType: DOC_TYPE,
});
const real = encodeDeviceResponse(createDeviceResponse([document]));
const options = { trust: fixture.trust, now: NOW, sessionTranscript: fixture.transcript };
const baseline = await verifyDeviceResponse(platform, real, options);

/** Runs `verifyDeviceResponse`; returns 'error' for a ZzError, the validity otherwise. Any other exception fails. */
async function attempt(bytes: Uint8Array): Promise<'error' | boolean> {
  const started = performance.now();
  try {
    const result = await verifyDeviceResponse(platform, bytes, options);
    if (result.valid) {
      // A valid result may disclose fewer elements (e.g. a renamed optional key), never other values.
      const before = baseline.reports[0]?.claims ?? {};
      for (const [ns, elements] of Object.entries(result.reports[0]?.claims ?? {})) {
        for (const [id, value] of Object.entries(elements)) expect(value).toEqual(before[ns]?.[id]);
      }
    }
    return result.valid;
  } catch (error) {
    if (!isZzError(error)) throw error;
    return 'error';
  } finally {
    expect(performance.now() - started).toBeLessThan(1000);
  }
}

describe('mdoc decoders on hostile input (property tests)', () => {
  it('random bytes end in a ZzError from decodeDeviceResponse and decodeIssuerSigned', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        for (const decode of [decodeDeviceResponse, decodeIssuerSigned]) {
          try {
            decode(bytes);
          } catch (error) {
            expect(isZzError(error)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every truncation of a real DeviceResponse is a typed error', async () => {
    for (let length = 0; length < real.length; length++) {
      expect(await attempt(real.subarray(0, length))).toBe('error');
    }
  });

  it('random byte flips of a real DeviceResponse give a typed error, a failed report, or a subset of the same claims', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: real.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
        const bytes = real.slice();
        bytes[at] = (bytes[at] as number) ^ mask;
        await attempt(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('random prefixes of IssuerSigned plus junk are typed errors', () => {
    const issuerSigned = encodeIssuerSigned(fixture.issuerSigned);
    fc.assert(
      fc.property(fc.nat({ max: issuerSigned.length }), fc.uint8Array({ maxLength: 16 }), (cut, junk) => {
        const bytes = new Uint8Array([...issuerSigned.subarray(0, cut), ...junk]);
        try {
          decodeIssuerSigned(bytes);
        } catch (error) {
          expect(isZzError(error)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('rejects oversized input before parsing', () => {
    const error = (() => {
      try {
        decodeDeviceResponse(new Uint8Array(2_000_000));
      } catch (e) {
        return e;
      }
    })();
    expect(isZzError(error, 'ERR_INPUT_TOO_LARGE')).toBe(true);
  });

  it('rejects wrong shapes with ERR_MDOC_MALFORMED', async () => {
    const { encodeCbor } = await import('../../src/index.js');
    for (const value of [
      [],
      new Map([['version', '1.0']]),
      new Map<string, unknown>([
        ['version', '2.0'],
        ['status', 0],
      ]),
      new Map<string, unknown>([
        ['version', '1.0'],
        ['status', 0],
        ['documents', []],
      ]),
      new Map<string, unknown>([
        ['version', '1.0'],
        ['status', 0],
        ['documents', [new Map([['docType', 'x']])]],
      ]),
    ]) {
      const error = (() => {
        try {
          decodeDeviceResponse(encodeCbor(value as never));
        } catch (e) {
          return e;
        }
      })();
      expect(isZzError(error, 'ERR_MDOC_MALFORMED')).toBe(true);
    }
  });
});
