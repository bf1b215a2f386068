import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  compressStatusList,
  decodeBase64url,
  decodeCbor,
  decompressStatusList,
  encodeBase64url,
  fromHex,
  STATUS_INVALID,
  STATUS_SUSPENDED,
  STATUS_VALID,
  StatusList,
  type StatusListBits,
  toHex,
} from '../../src/index.js';
import { codeOf, loadVectors, platform } from './fixtures.js';

const vectors = loadVectors();

describe('StatusList bit packing (draft §4.1, LSB first)', () => {
  it('encodes the SPECS vector 1,0,0,1,1,1,0,1, 1,1,0,0,0,1,0,1 as B9 A3', async () => {
    const list = new StatusList(16, 1);
    for (const [i, v] of [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1].entries()) list.set(i, v);
    expect(toHex(list.bytes)).toBe('b9a3');
    const compressed = await compressStatusList(platform, list);
    expect(toHex(inflateSync(compressed))).toBe('b9a3');
    expect(compressed[0]).toBe(0x78); // ZLIB (RFC 1950), not raw deflate or gzip
  });

  it('decodes the SPECS zlib bytes 78DADBB918000217015D and lst "eNrbuRgAAhcBXQ"', async () => {
    const zlib = fromHex('78DADBB918000217015D');
    expect(encodeBase64url(zlib)).toBe('eNrbuRgAAhcBXQ');
    const list = await decompressStatusList(platform, decodeBase64url('eNrbuRgAAhcBXQ'), 1);
    expect(list.size).toBe(16);
    expect(Array.from({ length: 16 }, (_, i) => list.get(i))).toEqual([1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 0, 0, 1, 0, 1]);
  });

  it('formula v = (arr[floor(i*bits/8)] >> ((i*bits)%8)) & ((1<<bits)-1) holds for every width', () => {
    for (const bits of [1, 2, 4, 8] as StatusListBits[]) {
      const size = 37;
      const list = new StatusList(size, bits);
      expect(list.bytes.length).toBe(Math.ceil((size * bits) / 8));
      const values = Array.from({ length: size }, (_, i) => (i * 7 + 3) % (1 << bits));
      for (const [i, v] of values.entries()) list.set(i, v);
      for (let i = 0; i < size; i++) {
        const byte = list.bytes[Math.floor((i * bits) / 8)] as number;
        expect((byte >> ((i * bits) % 8)) & ((1 << bits) - 1)).toBe(values[i]);
        expect(list.get(i)).toBe(values[i]);
      }
    }
  });

  it('set overwrites only its own entry', () => {
    const list = new StatusList(8, 2);
    for (let i = 0; i < 8; i++) list.set(i, 3);
    list.set(5, STATUS_VALID);
    expect(Array.from({ length: 8 }, (_, i) => list.get(i))).toEqual([3, 3, 3, 3, 3, 0, 3, 3]);
    list.set(5, STATUS_SUSPENDED);
    expect(list.get(5)).toBe(2);
    expect(toHex(list.bytes)).toBe('fffb'); // entry 5 = byte 1, bits 2–3
  });

  it('rejects out-of-range indices, wide values, bad sizes and bits', async () => {
    const list = new StatusList(12, 2);
    expect(await codeOf(() => list.get(12))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(await codeOf(() => list.get(-1))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(await codeOf(() => list.set(12, 1))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(await codeOf(() => list.get(1.5))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => list.set(0, 4))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => list.set(0, -1))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => new StatusList(0, 1))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => new StatusList(10, 3 as StatusListBits))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => new StatusList(10, 1, new Uint8Array(1)))).toBe('ERR_INPUT_INVALID');
    expect(await codeOf(() => new StatusList(2 ** 40, 8))).toBe('ERR_INPUT_TOO_LARGE');
    expect(list.get(11)).toBe(STATUS_VALID);
  });

  it('keeps a 10 M-entry 2-bit list in 2.5 MB of one Uint8Array', () => {
    const list = new StatusList(10_000_000, 2);
    expect(list.bytes).toBeInstanceOf(Uint8Array);
    expect(list.bytes.byteLength).toBe(2_500_000);
    list.set(9_999_999, STATUS_INVALID);
    expect(list.get(9_999_999)).toBe(STATUS_INVALID);
  });
});

describe('draft test vectors (status_list_vectors.json)', () => {
  for (const vector of vectors.vectors) {
    describe(vector.name, () => {
      const bits = vector.bits as StatusListBits;
      const expectEntries = (list: StatusList) => {
        expect(list.size).toBeGreaterThanOrEqual(vector.size);
        const nonZero: Record<string, number> = {};
        for (let i = 0; i < list.size; i++) {
          const value = list.get(i);
          if (value !== 0) nonZero[String(i)] = value;
        }
        const expected = Object.fromEntries(Object.entries(vector.statuses).filter(([, v]) => v !== 0));
        expect(nonZero).toEqual(expected);
      };

      it('decodes the JSON lst', async () => {
        const list = await decompressStatusList(platform, decodeBase64url(vector.json.lst), bits);
        expect(vector.json.bits).toBe(bits);
        expectEntries(list);
        if (vector.byte_array_hex) expect(toHex(list.bytes)).toBe(vector.byte_array_hex);
      });

      it('decodes the CBOR form {"bits", "lst": bstr}', async () => {
        const map = decodeCbor(fromHex(vector.cbor_hex)) as Map<string, unknown>;
        expect(map.get('bits')).toBe(bits);
        const list = await decompressStatusList(platform, map.get('lst') as Uint8Array, bits);
        expectEntries(list);
      });

      it('builds the same byte array and re-compresses to the same decompressed bytes', async () => {
        const list = new StatusList(vector.size, bits);
        for (const [index, value] of Object.entries(vector.statuses)) list.set(Number(index), value);
        const expected = inflateSync(decodeBase64url(vector.json.lst));
        expect(toHex(list.bytes)).toBe(toHex(expected));
        const ours = await compressStatusList(platform, list);
        expect(toHex(inflateSync(ours))).toBe(toHex(expected));
      });
    });
  }
});

describe('decompressStatusList bounds', () => {
  it('stops a zip bomb at maxBytes (default 16 MiB) with ERR_COMPRESSION_LIMIT', async () => {
    const bomb = deflateSync(new Uint8Array(32 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await codeOf(decompressStatusList(platform, bomb, 2))).toBe('ERR_COMPRESSION_LIMIT');
    expect(await codeOf(decompressStatusList(platform, deflateSync(new Uint8Array(2048)), 2, { maxBytes: 1024 }))).toBe(
      'ERR_COMPRESSION_LIMIT',
    );
    const ok = await decompressStatusList(platform, deflateSync(new Uint8Array(1024)), 2, { maxBytes: 1024 });
    expect(ok.size).toBe(4096);
  });

  it('rejects raw deflate, gzip, empty lists and bad bits', async () => {
    const { deflateRawSync, gzipSync } = await import('node:zlib');
    expect(await codeOf(decompressStatusList(platform, deflateRawSync(new Uint8Array(8)), 1))).toBe(
      'ERR_COMPRESSION_MALFORMED',
    );
    expect(await codeOf(decompressStatusList(platform, gzipSync(new Uint8Array(8)), 1))).toBe(
      'ERR_COMPRESSION_MALFORMED',
    );
    expect(await codeOf(decompressStatusList(platform, deflateSync(new Uint8Array(0)), 1))).toBe(
      'ERR_STATUS_LIST_MALFORMED',
    );
    expect(await codeOf(decompressStatusList(platform, deflateSync(new Uint8Array(1)), 3 as StatusListBits))).toBe(
      'ERR_STATUS_LIST_MALFORMED',
    );
    expect(await codeOf(decompressStatusList(platform, new Uint8Array(8), 1, { maxBytes: 0 }))).toBe(
      'ERR_INPUT_INVALID',
    );
  });
});
