import { randomBytes } from 'node:crypto';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface WriteFileAtomicOptions {
  /** File mode of the new file; default 0o600 (owner read/write only). */
  mode?: number;
  /** `false`: fail with `EEXIST` instead of replacing an existing file. Default true. */
  overwrite?: boolean;
}

/**
 * Writes `data` to `path` so that readers see the old file or the new one, never a part: the
 * bytes go to a temporary file in the same directory (created 0600 with O_EXCL), are fsynced,
 * then renamed over `path` — or hard-linked to it when `overwrite` is false, which fails
 * atomically if `path` exists. The temporary file is removed on every path out.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', options.mode ?? 0o600);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.overwrite === false) await link(temp, path);
    else await rename(temp, path);
  } finally {
    // gone after a rename; still there after a link or a failure
    await unlink(temp).catch(() => {});
  }
  await syncDirectory(dirname(path));
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // not every platform can fsync a directory; the rename itself is still atomic
  }
}
