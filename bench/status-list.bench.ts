/**
 * Token Status List (draft-ietf-oauth-status-list): a 100 M-entry 2-bit list with 0.1 % of the
 * entries INVALID — compressed size, time to compress (also as a ratio to a raw node:zlib
 * deflateSync level 9 of the same bytes, measured in the same run), time to inflate — and the
 * memory of a 10 M-entry list.
 */
import { deflateSync } from 'node:zlib';
import {
  compressStatusList,
  decompressStatusList,
  encodeBase64url,
  STATUS_INVALID,
  StatusList,
  toHex,
} from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { median, report } from './lib.js';

const ENTRIES = 100_000_000;
const SET_FRACTION = 0.001;
const ROUNDS = 5;

export async function run(): Promise<void> {
  const platform = createNodePlatform();
  const list = new StatusList(ENTRIES, 2);
  const random = xorshift(0x5eed);
  const toSet = Math.round(ENTRIES * SET_FRACTION);
  for (let n = 0; n < toSet; n++) list.set(random() % ENTRIES, STATUS_INVALID);

  // Interleave: raw zlib, ours, raw zlib, ours… and keep the medians.
  const raw: number[] = [];
  const ours: number[] = [];
  let compressed: Uint8Array = new Uint8Array(0);
  let rawSize = 0;
  for (let r = 0; r < ROUNDS; r++) {
    let start = performance.now();
    rawSize = deflateSync(list.bytes, { level: 9 }).length;
    raw.push(performance.now() - start);
    start = performance.now();
    compressed = await compressStatusList(platform, list);
    ours.push(performance.now() - start);
  }
  const oursMs = median(ours);
  const rawMs = median(raw);
  const kib = compressed.length / 1024;
  report(
    `100 M × 2-bit list, 0.1 % INVALID: compressed size (lst ${Math.round(encodeBase64url(compressed).length / 1024)} KiB b64url)`,
    `${kib.toFixed(1)} KiB`,
    '≤ 256 KiB',
    kib <= 256,
  );
  report(
    '100 M × 2-bit list: time to compress (platform.deflate)',
    `${oursMs.toFixed(0)} ms`,
    '≤ 1500 ms',
    oursMs <= 1500,
  );
  report(
    `  … time ÷ raw node:zlib deflateSync level 9, default strategy (${rawMs.toFixed(0)} ms, ${(rawSize / 1024).toFixed(1)} KiB)`,
    `${(oursMs / rawMs).toFixed(3)}×`,
    '< 1×',
    oursMs < rawMs,
  );

  const inflate: number[] = [];
  let restored: StatusList | undefined;
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    restored = await decompressStatusList(platform, compressed, 2, { maxBytes: list.bytes.length });
    inflate.push(performance.now() - start);
  }
  const same =
    restored !== undefined && toHex(restored.bytes.subarray(0, 4096)) === toHex(list.bytes.subarray(0, 4096));
  report(
    `100 M × 2-bit list: time to decompress (bounded inflate${same ? '' : ', MISMATCH'})`,
    `${median(inflate).toFixed(0)} ms`,
    '—',
    undefined,
  );

  restored = undefined;
  const before = process.memoryUsage().arrayBuffers;
  const small = new StatusList(10_000_000, 2);
  small.set(9_999_999, STATUS_INVALID);
  const grown = process.memoryUsage().arrayBuffers - before;
  const mb = small.bytes.byteLength / 1e6;
  report(
    `10 M × 2-bit list: memory (Uint8Array; arrayBuffers grew ${(grown / 1e6).toFixed(2)} MB)`,
    `${mb.toFixed(2)} MB`,
    '≤ 3 MB',
    mb <= 3 && grown <= 3e6,
  );
}

/** A small seeded PRNG, so every run sets the same entries. */
function xorshift(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}
