import { appendFileSync, mkdtempSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  hashLeaf,
  isZzError,
  MemoryMerkleNodeStore,
  MerkleLog,
  sha256MerkleHasher,
  verifyConsistencyProof,
  verifyInclusionProof,
} from '@zhengzhao/core';
import { describe, expect, it } from 'vitest';
import { FileMerkleNodeStore, nodeSha256MerkleHasher } from '../../src/index.js';

const h = nodeSha256MerkleHasher;
const entries = Array.from({ length: 300 }, (_, i) =>
  Uint8Array.from({ length: 1 + ((i * 11) % 40) }, (_, j) => (i + j) & 255),
);

function tempDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'zz-merkle-')), 'log');
}

function fileLog(dir: string, writeBufferBytes?: number): { store: FileMerkleNodeStore; log: MerkleLog } {
  const store = FileMerkleNodeStore.open({ dir, hasher: h, ...(writeBufferBytes ? { writeBufferBytes } : {}) });
  return { store, log: new MerkleLog(store, h) };
}

function memoryLog(count: number): MerkleLog {
  const log = new MerkleLog(new MemoryMerkleNodeStore(), sha256MerkleHasher);
  for (const entry of entries.slice(0, count)) log.append(entry);
  return log;
}

/** Same roots, entries and every inclusion and consistency proof as an in-memory log of `count`. */
function expectSameAsMemory(log: MerkleLog, count: number): void {
  const memory = memoryLog(count);
  expect(log.size).toBe(count);
  expect(log.root()).toEqual(memory.root());
  for (let n = 0; n <= count; n += n < 20 ? 1 : 37) {
    expect(log.root(n)).toEqual(memory.root(n));
    for (let m = 0; m < n; m += m < 10 ? 1 : 13) {
      expect(log.inclusionProof(m, n)).toEqual(memory.inclusionProof(m, n));
      expect(log.consistencyProof(m, n)).toEqual(memory.consistencyProof(m, n));
    }
  }
  for (const i of [0, 1, Math.floor(count / 2), count - 1].filter((i) => i >= 0 && i < count)) {
    expect(log.entry(i)).toEqual(entries[i]);
  }
}

describe('FileMerkleNodeStore', () => {
  it('node:crypto and @noble SHA-256 hashers agree', () => {
    for (const entry of entries.slice(0, 20)) expect(h(entry)).toEqual(sha256MerkleHasher(entry));
  });

  it('gives the same roots, proofs and entries as the memory store, buffered or written out', () => {
    const { store, log } = fileLog(tempDir(), 512); // a small buffer: many write-outs mid-run
    for (const entry of entries) log.append(entry);
    expectSameAsMemory(log, entries.length);
    store.flush();
    expectSameAsMemory(log, entries.length);
    const proof = log.inclusionProof(123);
    verifyInclusionProof(h, {
      index: 123,
      size: 300,
      leafHash: hashLeaf(h, entries[123] as Uint8Array),
      proof,
      rootHash: log.root(),
    });
    store.close();
  });

  it('persists across close and reopen, and keeps appending where it left off', () => {
    const dir = tempDir();
    const first = fileLog(dir);
    for (const entry of entries.slice(0, 133)) first.log.append(entry);
    const oldRoot = first.log.root();
    first.store.close();
    expect(() => first.store.node(0, 0)).toThrow(expect.objectContaining({ code: 'ERR_LOG_STORE_FAILED' }));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir).sort()).toEqual([
      'entries.dat',
      'entries.idx',
      ...Array.from({ length: 8 }, (_, k) => `level-0${k}.hashes`),
    ]);

    const second = fileLog(dir);
    expect(second.store.recovery).toEqual({ size: 133, truncatedBytes: 0, rebuiltNodes: 0 });
    expectSameAsMemory(second.log, 133);
    for (const entry of entries.slice(133)) second.log.append(entry);
    second.store.close();
    const third = fileLog(dir);
    expectSameAsMemory(third.log, 300);
    verifyConsistencyProof(h, {
      oldSize: 133,
      newSize: 300,
      oldRootHash: oldRoot,
      newRootHash: third.log.root(),
      proof: third.log.consistencyProof(133),
    });
    third.store.close();
  });

  it('recovers from torn tails: partial records, unreferenced data, missing and wrong nodes', () => {
    const dir = tempDir();
    const { store, log } = fileLog(dir);
    for (const entry of entries.slice(0, 200)) log.append(entry);
    store.close();
    const file = (name: string) => join(dir, name);
    const size = (name: string) => statSync(file(name)).size;

    // a crash while writing entry 200: its bytes half in the data file, half an index record
    appendFileSync(file('entries.dat'), new Uint8Array(17).fill(0xee));
    appendFileSync(file('entries.idx'), new Uint8Array(5).fill(0x01));
    // level 0 got a torn hash, level 3 lost its last node, level 1 holds a corrupt last node
    appendFileSync(file('level-00.hashes'), new Uint8Array(20).fill(0xaa));
    truncateSync(file('level-03.hashes'), size('level-03.hashes') - 32);
    const level1 = size('level-01.hashes');
    truncateSync(file('level-01.hashes'), level1 - 32);
    appendFileSync(file('level-01.hashes'), new Uint8Array(32).fill(0x55));
    // level 7 (one node, leaves 0..127) is gone entirely
    writeFileSync(file('level-07.hashes'), new Uint8Array(0));

    const reopened = fileLog(dir);
    expect(reopened.store.recovery.size).toBe(200);
    expect(reopened.store.recovery.truncatedBytes).toBe(17 + 5 + 20 + 32);
    expect(reopened.store.recovery.rebuiltNodes).toBe(3); // level 1, 3 and 7: each its last node
    expectSameAsMemory(reopened.log, 200);
    reopened.store.close();
    expect(fileLog(dir).store.recovery).toEqual({ size: 200, truncatedBytes: 0, rebuiltNodes: 0 });
  });

  it('recovers when the index committed entries whose nodes were never written (crash before the level files)', () => {
    const dir = tempDir();
    const { store, log } = fileLog(dir);
    for (const entry of entries.slice(0, 100)) log.append(entry);
    store.close();
    // every level file cut back to an older size (64 entries), as if only data and index reached the disk
    for (const name of readdirSync(dir).filter((n) => n.startsWith('level-'))) {
      const level = Number(name.slice(6, 8));
      truncateSync(join(dir, name), Math.floor(64 / 2 ** level) * 32);
    }
    const reopened = fileLog(dir);
    expect(reopened.store.recovery.size).toBe(100);
    expect(reopened.store.recovery.rebuiltNodes).toBe(36 + 18 + 9 + 4 + 2 + 1); // levels 0..5 for leaves 64..99
    expectSameAsMemory(reopened.log, 100);
    reopened.store.close();
  });

  it('drops index records that point beyond the data file, and a decreasing (garbage) record', () => {
    const dir = tempDir();
    const { store, log } = fileLog(dir);
    for (const entry of entries.slice(0, 50)) log.append(entry);
    store.close();
    const data = statSync(join(dir, 'entries.dat')).size;
    truncateSync(join(dir, 'entries.dat'), data - 3); // entry 49 lost three bytes
    const reopened = fileLog(dir);
    expect(reopened.store.recovery.size).toBe(49);
    expectSameAsMemory(reopened.log, 49);
    reopened.log.append(entries[49] as Uint8Array);
    reopened.store.close();
    appendFileSync(join(dir, 'entries.idx'), new Uint8Array(8)); // end offset 0 < the previous end
    const again = fileLog(dir);
    expect(again.store.recovery.size).toBe(50);
    expectSameAsMemory(again.log, 50);
    again.store.close();
  });

  it('refuses reads beyond the tree and appends of the wrong shape with typed errors', () => {
    const { store, log } = fileLog(tempDir());
    log.append(entries[0] as Uint8Array);
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (error) {
        return isZzError(error) ? error.code : 'untyped';
      }
    };
    expect(code(() => store.node(0, 1))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => store.node(1, 0))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => store.entry(1))).toBe('ERR_LOG_INDEX_RANGE');
    expect(code(() => store.append(new Uint8Array(1), [new Uint8Array(32)]))).toBe('ERR_INPUT_INVALID'); // leaf 1 completes a parent
    expect(code(() => store.append(new Uint8Array(1), [new Uint8Array(31), new Uint8Array(32)]))).toBe(
      'ERR_INPUT_INVALID',
    );
    store.close();
  });
});
