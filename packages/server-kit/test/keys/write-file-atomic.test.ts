import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/index.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'zz-atomic-'));
}

describe('writeFileAtomic', () => {
  it('writes a 0600 file and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, '{"v":1}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":1}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(readFileSync(file))).toEqual(new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('never lets a reader see a partial file while it is replaced', async () => {
    const dir = tempDir();
    const file = join(dir, 'big.bin');
    const a = 'a'.repeat(4 << 20);
    const b = 'b'.repeat(4 << 20);
    await writeFileAtomic(file, a);
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const text = readFileSync(file, 'utf8');
        expect(text === a || text === b).toBe(true);
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 6; i++) await writeFileAtomic(file, i % 2 ? a : b);
    stop = true;
    await reader;
    expect(reads).toBeGreaterThan(0);
  });

  it('keeps the old file and cleans up when the write cannot complete', async () => {
    const dir = tempDir();
    const existing = join(dir, 'key.json');
    writeFileSync(existing, 'old');
    await expect(writeFileAtomic(existing, 'new', { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(existing, 'utf8')).toBe('old');
    const directory = join(dir, 'is-a-dir');
    mkdirSync(directory);
    await expect(writeFileAtomic(directory, 'x')).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['is-a-dir', 'key.json']);
  });
});
