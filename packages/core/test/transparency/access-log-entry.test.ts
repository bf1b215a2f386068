import { describe, expect, it } from 'vitest';
import {
  ACCESS_LOG_EVENT_TYPES,
  type AccessLogEntry,
  decodeAccessLogEntry,
  decodeCbor,
  encodeAccessLogEntry,
  encodeCbor,
  MAX_ACCESS_LOG_ENTRY_BYTES,
  toHex,
} from '../../src/index.js';

const base: AccessLogEntry = {
  type: 'request',
  at: 1_780_000_000,
  agency: 'rp.hotel.44.0001',
  requestId: 'req-7f3a',
  purpose: 'hotel-checkin',
  docType: 'cn.gov.eid.1',
  elements: ['full_name', 'id_number', 'portrait_thumb'],
  holder: new Uint8Array(32).fill(0xab),
};

function code(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
}

/** Re-encodes a decoded entry map with one key changed (or removed with `undefined`). */
function withKey(key: string, value: unknown): Uint8Array {
  const map = decodeCbor(encodeAccessLogEntry(base)) as Map<string, unknown>;
  if (value === undefined) map.delete(key);
  else map.set(key, value);
  return encodeCbor(map as never);
}

/** The entry with `at` written as a uint64 (0x1b) instead of its preferred uint32 (0x1a) form. */
function longAt(): Uint8Array {
  const bytes = [...encodeAccessLogEntry(base)];
  const at = bytes.findIndex((b, i) => b === 0x62 && bytes[i + 1] === 0x61 && bytes[i + 2] === 0x74);
  expect(bytes[at + 3]).toBe(0x1a);
  bytes.splice(at + 3, 1, 0x1b, 0, 0, 0, 0);
  return new Uint8Array(bytes);
}

describe('access-log entry codec', () => {
  it.each(ACCESS_LOG_EVENT_TYPES)('round-trips a %s entry byte for byte', (type) => {
    const entry: AccessLogEntry =
      type === 'rejected'
        ? { ...base, type, code: 'ERR_SHARE_PURPOSE_NOT_REGISTERED' }
        : { ...base, type, ...(type.startsWith('consent') ? { consentId: 'c-1' } : {}) };
    const bytes = encodeAccessLogEntry(entry);
    expect(decodeAccessLogEntry(bytes)).toEqual(entry);
    // hex: cbor-x leaves a `dataView` property on the arrays it decodes
    expect(toHex(encodeAccessLogEntry(decodeAccessLogEntry(bytes)))).toBe(toHex(bytes));
  });

  it('is deterministic: key order in the input does not matter, and the map is sorted canonically', () => {
    const shuffled = {
      holder: base.holder,
      elements: base.elements,
      docType: base.docType,
      purpose: base.purpose,
      requestId: base.requestId,
      agency: base.agency,
      at: base.at,
      type: base.type,
    } as AccessLogEntry;
    expect(encodeAccessLogEntry(shuffled)).toEqual(encodeAccessLogEntry(base));
    expect(encodeAccessLogEntry(base)[0]).toBe(0xa8); // a map of 8
  });

  it('refuses wrong types, unknown types and keys, missing fields and bad bounds (ERR_LOG_ENTRY_MALFORMED)', () => {
    const cases: [string, Uint8Array][] = [
      ['unknown event type', withKey('type', 'deleted')],
      ['type not text', withKey('type', 1)],
      ['at negative', withKey('at', -1)],
      ['at text', withKey('at', '1780000000')],
      ['agency empty', withKey('agency', '')],
      ['agency too long', withKey('agency', 'x'.repeat(257))],
      ['elements not array', withKey('elements', 'full_name')],
      ['element not text', withKey('elements', ['full_name', 3])],
      ['element twice', withKey('elements', ['full_name', 'full_name'])],
      [
        'too many elements',
        withKey(
          'elements',
          Array.from({ length: 129 }, (_, i) => `e${i}`),
        ),
      ],
      ['holder 31 bytes', withKey('holder', new Uint8Array(31))],
      ['holder as text', withKey('holder', 'Zhang San')],
      ['missing holder', withKey('holder', undefined)],
      ['missing requestId', withKey('requestId', undefined)],
      ['unknown key', withKey('name', 'Zhang San')],
      ['code without rejected', withKey('code', 'ERR_X')],
      ['consentId not text', withKey('consentId', 5)],
      ['not a map', encodeCbor(['request'])],
      ['truncated', encodeAccessLogEntry(base).slice(0, -1)],
      ['empty', new Uint8Array(0)],
      ['trailing byte', new Uint8Array([...encodeAccessLogEntry(base), 0])],
      ['integer in 8 bytes (not preferred)', longAt()],
    ];
    for (const [desc, bytes] of cases)
      expect(
        code(() => decodeAccessLogEntry(bytes)),
        desc,
      ).toBe('ERR_LOG_ENTRY_MALFORMED');
    // `rejected` needs its code
    expect(code(() => encodeAccessLogEntry({ ...base, type: 'rejected' }))).toBe('ERR_LOG_ENTRY_MALFORMED');
    expect(code(() => encodeAccessLogEntry({ ...base, at: 1.5 }))).toBe('ERR_LOG_ENTRY_MALFORMED');
  });

  it('refuses oversize input before parsing it (ERR_INPUT_TOO_LARGE) and non-bytes (ERR_INPUT_INVALID)', () => {
    expect(code(() => decodeAccessLogEntry(new Uint8Array(MAX_ACCESS_LOG_ENTRY_BYTES + 1)))).toBe(
      'ERR_INPUT_TOO_LARGE',
    );
    const big = { ...base, elements: Array.from({ length: 128 }, (_, i) => `${'e'.repeat(100)}${i}`) };
    expect(code(() => encodeAccessLogEntry(big))).toBe('ERR_INPUT_TOO_LARGE');
    expect(code(() => decodeAccessLogEntry('abc' as unknown as Uint8Array))).toBe('ERR_INPUT_INVALID');
  });
});
