import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryCacheStore, createVerifier, type VerifierCacheStore } from '../src/index.js';
import { createFileCacheStore } from '../src/node/index.js';
import { createWorld, JWT_LIST_URI, platform } from './fixtures.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zz-verifier-store-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => Promise<VerifierCacheStore>][] = [
  ['memory', async () => createMemoryCacheStore()],
  ['file', async () => createFileCacheStore(join(await tempDir(), 'cache'))],
];

describe.each(stores)('%s cache store', (_kind, make) => {
  it('puts, gets, lists and deletes bytes and JSON records', async () => {
    const store = await make();
    expect(await store.list()).toEqual([]);
    expect(await store.get('a')).toBeUndefined();
    await store.put('a.token', new Uint8Array([1, 2, 3]));
    await store.put('b.meta', { uri: 'https://x', n: 1, ok: true, list: [1, null] });
    expect(await store.get('a.token')).toEqual(new Uint8Array([1, 2, 3]));
    expect(await store.get('b.meta')).toEqual({ uri: 'https://x', n: 1, ok: true, list: [1, null] });
    expect((await store.list()).sort()).toEqual(['a.token', 'b.meta']);
    // a record changes kind: the old form is gone
    await store.put('a.token', { replaced: 1 });
    expect(await store.get('a.token')).toEqual({ replaced: 1 });
    await store.delete('a.token');
    await store.delete('never-there');
    expect(await store.list()).toEqual(['b.meta']);
  });

  it('returns copies: mutating what was put or got does not change the record', async () => {
    const store = await make();
    const bytes = new Uint8Array([9, 9]);
    await store.put('x', bytes);
    bytes[0] = 0;
    const got = (await store.get('x')) as Uint8Array;
    got[1] = 0;
    expect(await store.get('x')).toEqual(new Uint8Array([9, 9]));
  });

  it.each([['../etc/passwd'], ['UPPER'], [''], ['.hidden'], ['a/b'], ['x'.repeat(129)], [42]])(
    'refuses the record name %s',
    async (name) => {
      const store = await make();
      await expect(store.get(name as string)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
      await expect(store.put(name as string, 1)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
      await expect(store.delete(name as string)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    },
  );

  it('refuses values that are neither bytes nor JSON', async () => {
    const store = await make();
    await expect(store.put('f', (() => 1) as never)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    await expect(store.put('u', undefined as never)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(store.put('c', cyclic as never)).rejects.toMatchObject({ code: 'ERR_INPUT_INVALID' });
  });
});

describe('file cache store', () => {
  it('writes atomically (no temporary files left), 0600 files in a 0700 directory', async () => {
    const dir = join(await tempDir(), 'nested', 'cache');
    const store = createFileCacheStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.put('same', { i })));
    const files = await readdir(dir);
    expect(files).toEqual(['same.json']);
    expect(((await stat(join(dir, 'same.json'))).mode & 0o777).toString(8)).toBe('600');
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('a corrupt JSON record is ERR_VERIFIER_CACHE_STORE; foreign files are ignored by list()', async () => {
    const dir = await tempDir();
    const store = createFileCacheStore(dir);
    await writeFile(join(dir, 'trust-bundle.json'), '{"bundle":');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, '.x.json.abc.tmp'), 'partial');
    await expect(store.get('trust-bundle')).rejects.toMatchObject({ code: 'ERR_VERIFIER_CACHE_STORE' });
    expect(await store.list()).toEqual(['trust-bundle']);
  });

  it('a verifier restarted on the same directory verifies offline from the persisted cache', async () => {
    const world = await createWorld();
    await world.publish(JWT_LIST_URI);
    const dir = await tempDir();
    const online = createVerifier({
      platform,
      trust: world.bundle,
      store: createFileCacheStore(dir),
      clock: world.clock.now,
      fetch: world.origin.fetch,
    });
    expect((await online.verify(await world.qr())).valid).toBe(true);
    expect((await readdir(dir)).sort()).toEqual([
      expect.stringMatching(/^status-[0-9a-f]{32}\.meta\.json$/),
      expect.stringMatching(/^status-[0-9a-f]{32}\.token\.bin$/),
      'trust-bundle.json',
    ]);
    world.clock.advance(600);
    const offline = createVerifier({
      platform,
      trust: world.bundle,
      store: createFileCacheStore(dir),
      clock: world.clock.now,
    });
    const report = await offline.verify(await world.qr());
    expect(report.valid).toBe(true);
    expect(report.cache.statusAgeSeconds).toBe(600);
  });

  it('a corrupt trust record is ignored: the given bundle is used', async () => {
    const world = await createWorld();
    const dir = await tempDir();
    await writeFile(join(dir, 'trust-bundle.json'), '{"bundle": {"version": 1}, "fetchedAt": 1}');
    const verifier = createVerifier({
      platform,
      trust: world.bundle,
      store: createFileCacheStore(dir),
      clock: world.clock.now,
    });
    await verifier.ready();
    expect(verifier.cacheState().trustFetchedAt).toBe(new Date(world.bundle.issued_at).toISOString());
  });
});
