import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeSessionData,
  decodeSessionEstablishment,
  embedEncoded,
  encodeCbor,
  encodeSessionData,
  encodeSessionEstablishment,
  isZzError,
  publicKeyToCoseKey,
  toHex,
} from '../../src/index.js';
import { expectCode, PLATFORMS } from './session-fixtures.js';

const [, platform] = PLATFORMS[0] as (typeof PLATFORMS)[number];
const pair = await platform.session?.generateEcdhKeyPair();
if (!pair) throw new Error('no session crypto');
const eReaderKeyBytes = encodeCbor(publicKeyToCoseKey({ suite: 'ES256', point: pair.publicKey }));

function typed(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return isZzError(error);
  }
}

describe('SessionEstablishment and SessionData (ISO/IEC 18013-5 §9.1.1.4)', () => {
  it('SessionEstablishment round-trips with the exact EReaderKey bytes', () => {
    const bytes = encodeSessionEstablishment({ eReaderKeyBytes, data: new Uint8Array([1, 2, 3]) });
    // {"data": h'010203', "eReaderKey": #6.24(...)} in deterministic order
    expect(toHex(bytes).startsWith('a2646461746143010203')).toBe(true);
    const decoded = decodeSessionEstablishment(bytes);
    expect(toHex(decoded.eReaderKeyBytes)).toBe(toHex(eReaderKeyBytes));
    expect(toHex(decoded.eReaderKey.point)).toBe(toHex(pair.publicKey));
    expect([...decoded.data]).toEqual([1, 2, 3]);
  });

  it('SessionData round-trips data and the status codes 10, 11, 20', () => {
    expect(toHex(encodeSessionData({ status: 20 }))).toBe('a16673746174757314');
    for (const status of [10, 11, 20] as const)
      expect(decodeSessionData(encodeSessionData({ status }))).toEqual({ status });
    const both = decodeSessionData(encodeSessionData({ data: new Uint8Array([9]), status: 20 }));
    expect(both.status).toBe(20);
    expect([...(both.data ?? [])]).toEqual([9]);
  });

  it('refuses malformed messages', async () => {
    const key = embedEncoded(eReaderKeyBytes);
    const badEstablishments: unknown[] = [
      new Map([['data', new Uint8Array(1)]]),
      new Map<string, unknown>([
        ['eReaderKey', key],
        ['data', 'text'],
      ]),
      new Map<string, unknown>([
        ['eReaderKey', eReaderKeyBytes],
        ['data', new Uint8Array(1)],
      ]),
      new Map<string, unknown>([
        ['eReaderKey', key],
        ['data', new Uint8Array(1)],
        ['extra', 1],
      ]),
      [key, new Uint8Array(1)],
    ];
    for (const value of badEstablishments) {
      await expectCode(() => decodeSessionEstablishment(encodeCbor(value as never)), 'ERR_SESSION_MALFORMED');
    }
    const badData: unknown[] = [
      new Map(),
      new Map([['status', 0]]),
      new Map([['status', 12]]),
      new Map([['status', -1]]),
      new Map([['data', 'x']]),
      new Map<string, unknown>([
        ['data', new Uint8Array(1)],
        ['other', 1],
      ]),
    ];
    for (const value of badData)
      await expectCode(() => decodeSessionData(encodeCbor(value as never)), 'ERR_SESSION_MALFORMED');
    await expectCode(() => decodeSessionData(new Uint8Array(0)), 'ERR_SESSION_MALFORMED');
    await expectCode(() => encodeSessionData({}), 'ERR_INPUT_INVALID');
    await expectCode(() => encodeSessionData({ status: 1 as 10 }), 'ERR_INPUT_INVALID');
  });

  it('property: random bytes and truncations end in a ZzError', () => {
    const establishment = encodeSessionEstablishment({ eReaderKeyBytes, data: new Uint8Array(40) });
    const data = encodeSessionData({ data: new Uint8Array(40), status: 20 });
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        (bytes) => typed(() => decodeSessionEstablishment(bytes)) && typed(() => decodeSessionData(bytes)),
      ),
    );
    for (const message of [establishment, data]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: message.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
          const bytes = new Uint8Array(message);
          bytes[at] = (bytes[at] as number) ^ flip;
          return (
            typed(() => decodeSessionEstablishment(message.subarray(0, at))) &&
            typed(() => decodeSessionEstablishment(bytes)) &&
            typed(() => decodeSessionData(bytes))
          );
        }),
      );
    }
  });
});
