import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ZzError } from '@zhengzhao/core';
import {
  assertCacheRecord,
  assertCacheRecordName,
  type CacheRecord,
  isCacheRecordName,
  type JsonValue,
  type VerifierCacheStore,
} from '../cache/verifier-cache-store.js';

const BYTES = '.bin';
const JSON_EXT = '.json';

/**
 * A cache store in a directory (Node only): each record is one file, `<name>.bin` for bytes or
 * `<name>.json` for JSON, written atomically — to a temporary file in the same directory
 * (created 0600 with O_EXCL), fsynced, then renamed over the old one — so a crash leaves the old
 * record or the new one, never a torn file. The directory is created (0700) when missing.
 * A JSON file that does not parse is `ERR_VERIFIER_CACHE_STORE` (the verifier then ignores it).
 */
export function createFileCacheStore(dir: string): VerifierCacheStore {
  if (typeof dir !== 'string' || dir.length === 0) throw new ZzError('ERR_INPUT_INVALID', 'dir must be a path');
  let made: Promise<unknown> | undefined;
  const ensureDir = () => {
    made ??= mkdir(dir, { recursive: true, mode: 0o700 });
    return made;
  };
  return {
    async get(name) {
      assertCacheRecordName(name);
      const bytes = await readOrUndefined(join(dir, name + BYTES));
      if (bytes !== undefined) return new Uint8Array(bytes);
      const text = await readOrUndefined(join(dir, name + JSON_EXT));
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text.toString('utf8')) as JsonValue;
      } catch (error) {
        throw new ZzError('ERR_VERIFIER_CACHE_STORE', 'A cache record is not valid JSON', { cause: error });
      }
    },
    async put(name, record: CacheRecord) {
      assertCacheRecordName(name);
      assertCacheRecord(record);
      await ensureDir();
      const isBytes = record instanceof Uint8Array;
      const data = isBytes ? record : JSON.stringify(record);
      await writeAtomic(join(dir, name + (isBytes ? BYTES : JSON_EXT)), data);
      await unlinkIfPresent(join(dir, name + (isBytes ? JSON_EXT : BYTES)));
    },
    async delete(name) {
      assertCacheRecordName(name);
      await unlinkIfPresent(join(dir, name + BYTES));
      await unlinkIfPresent(join(dir, name + JSON_EXT));
    },
    async list() {
      let files: string[];
      try {
        files = await readdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const names = new Set<string>();
      for (const file of files) {
        const ext = file.endsWith(BYTES) ? BYTES : file.endsWith(JSON_EXT) ? JSON_EXT : undefined;
        if (ext === undefined) continue;
        const name = file.slice(0, -ext.length);
        if (isCacheRecordName(name)) names.add(name);
      }
      return [...names];
    },
  };
}

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function unlinkIfPresent(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Same recipe as server-kit's `writeFileAtomic` (kept here: the SDK does not depend on server-kit). */
async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  // a dot file with another extension: `list()` never mistakes it for a record
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(tempPath, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tempPath, path);
  } finally {
    await unlink(tempPath).catch(() => {});
  }
}
