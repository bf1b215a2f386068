import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSessionTranscript,
  DEVICE_RETRIEVAL_TYPE,
  decodeCbor,
  deviceEngagementQr,
  embedEncoded,
  encodeBase64url,
  encodeCbor,
  encodeDeviceEngagement,
  fromHex,
  isZzError,
  parseDeviceEngagement,
  publicKeyToCoseKey,
  Tag,
  toHex,
  websocketRelayRetrievalMethod,
} from '../../src/index.js';
import { expectCode, PLATFORMS } from './session-fixtures.js';

const [, platform] = PLATFORMS[0] as (typeof PLATFORMS)[number];
const pair = await platform.session?.generateEcdhKeyPair();
if (!pair) throw new Error('no session crypto');
const eDeviceKey = { suite: 'ES256' as const, point: pair.publicKey };
const coseKeyBytes = encodeCbor(publicKeyToCoseKey(eDeviceKey));
const RELAY = 'wss://relay.zhengzhao.test/s/0123456789abcdef';

describe('DeviceEngagement (ISO/IEC 18013-5 §8.2.1.1)', () => {
  it('encodes {0: "1.0", 1: [1, #6.24(COSE_Key)], 2: [[-1024, 1, {0: url}]]} deterministically', () => {
    const bytes = encodeDeviceEngagement({ eDeviceKey, retrievalMethods: [websocketRelayRetrievalMethod(RELAY)] });
    // A3 00 63 "1.0" 01 82 01 D8 18 58 4B <COSE_Key> 02 81 83 39 03FF 01 A1 00 <url>
    const head = `a30063312e30018201d818584b${toHex(coseKeyBytes)}0281833903ff01a100`;
    expect(toHex(bytes).startsWith(head)).toBe(true);
    const decoded = decodeCbor(bytes) as Map<number, unknown>;
    expect(decoded.get(0)).toBe('1.0');
    expect(decoded.get(2)).toEqual([[DEVICE_RETRIEVAL_TYPE.websocketRelay, 1, new Map([[0, RELAY]])]]);
  });

  it('QR text is "mdoc:" + unpadded base64url, and parses back to the exact bytes', () => {
    const bytes = encodeDeviceEngagement({ eDeviceKey, retrievalMethods: [websocketRelayRetrievalMethod(RELAY)] });
    const qr = deviceEngagementQr(bytes);
    expect(qr).toBe(`mdoc:${encodeBase64url(bytes)}`);
    expect(qr.startsWith('mdoc:owBjMS4wAYIB2Bh')).toBe(true); // SPECS.md §3 example prefix
    const parsed = parseDeviceEngagement(qr);
    expect(toHex(parsed.bytes)).toBe(toHex(bytes));
    expect(parsed.version).toBe('1.0');
    expect(toHex(parsed.eDeviceKey.point)).toBe(toHex(pair.publicKey));
    expect(toHex(parsed.eDeviceKeyBytes)).toBe(toHex(coseKeyBytes));
    expect(parsed.relayUrl).toBe(RELAY);
    expect(parseDeviceEngagement(bytes).relayUrl).toBe(RELAY);
  });

  it('keeps foreign bytes exactly (no re-encoding) and unknown retrieval methods', () => {
    // Non-deterministic key order (1 before 0) and version 1.1, as another wallet may send.
    const bytes = fromHex(`a2018201d818584b${toHex(coseKeyBytes)}0063312e31`);
    const parsed = parseDeviceEngagement(bytes);
    expect(toHex(parsed.bytes)).toBe(toHex(bytes));
    expect(parsed.version).toBe('1.1');
    const transcript = createSessionTranscript(parsed.bytes, coseKeyBytes);
    expect(toHex((transcript[0] as Tag).value as Uint8Array)).toBe(toHex(bytes));
    const withBle = encodeCbor(
      new Map<number, unknown>([
        [0, '1.0'],
        [1, [1, embedEncoded(coseKeyBytes)]],
        [
          2,
          [
            [
              2,
              1,
              new Map<number, unknown>([
                [0, false],
                [1, true],
                [11, new Uint8Array(16)],
              ]),
            ],
          ],
        ],
        [5, [new Map([['cat', 1]])]],
      ]) as never,
    );
    const again = parseDeviceEngagement(withBle);
    expect(again.retrievalMethods).toHaveLength(1);
    expect(again.retrievalMethods[0]?.type).toBe(DEVICE_RETRIEVAL_TYPE.ble);
    expect(again.relayUrl).toBeUndefined();
  });

  it('refuses malformed engagements with ERR_SESSION_ENGAGEMENT_MALFORMED', async () => {
    const key = embedEncoded(coseKeyBytes);
    const bad: unknown[] = [
      new Map([[0, '1.0']]),
      new Map<unknown, unknown>([
        [0, '2.0'],
        [1, [1, key]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [2, key]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, coseKeyBytes]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, key, 3]],
      ]),
      new Map<unknown, unknown>([
        ['0', '1.0'],
        [1, [1, key]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, key]],
        [2, []],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, key]],
        [2, [[-1024, 1, new Map([[0, 'https://x']])]]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, key]],
        [2, [[-1024, 1]]],
      ]),
      new Map<unknown, unknown>([
        [0, '1.0'],
        [1, [1, new Tag(encodeCbor(new Map([[1, 1]])), 24)]],
      ]),
      [0, '1.0'],
    ];
    for (const value of bad) {
      await expectCode(() => parseDeviceEngagement(encodeCbor(value as never)), 'ERR_SESSION_ENGAGEMENT_MALFORMED');
    }
    const good = encodeDeviceEngagement({ eDeviceKey });
    for (const text of [`MDOC:${encodeBase64url(good)}`, `mdoc:${encodeBase64url(good)}=`, 'mdoc:', 'hello']) {
      await expectCode(() => parseDeviceEngagement(text), 'ERR_SESSION_ENGAGEMENT_MALFORMED');
    }
    await expectCode(() => parseDeviceEngagement(new Uint8Array([...good, 0])), 'ERR_SESSION_ENGAGEMENT_MALFORMED');
    await expectCode(() => parseDeviceEngagement(new Uint8Array(5000)), 'ERR_INPUT_TOO_LARGE');
    await expectCode(() => parseDeviceEngagement(42 as unknown as string), 'ERR_SESSION_ENGAGEMENT_MALFORMED');
    await expectCode(() => websocketRelayRetrievalMethod('http://relay'), 'ERR_INPUT_INVALID');
    await expectCode(
      () => encodeDeviceEngagement({ eDeviceKey: { suite: 'SM2', point: pair.publicKey } }),
      'ERR_INPUT_INVALID',
    );
  });

  it('property: random bytes, random text and truncations end in a ZzError, never another exception', () => {
    const good = encodeDeviceEngagement({ eDeviceKey, retrievalMethods: [websocketRelayRetrievalMethod(RELAY)] });
    const typed = (fn: () => unknown) => {
      try {
        fn();
        return true;
      } catch (error) {
        return isZzError(error);
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => typed(() => parseDeviceEngagement(bytes))));
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => typed(() => parseDeviceEngagement(`mdoc:${text}`))));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), (cut) =>
        typed(() => parseDeviceEngagement(good.subarray(0, cut))),
      ),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, flip) => {
        const bytes = new Uint8Array(good);
        bytes[at] = (bytes[at] as number) ^ flip;
        return typed(() => parseDeviceEngagement(bytes));
      }),
    );
  });
});
