import type { decryptKeyFile, encryptKeyFile, writeFileAtomic } from '@zhengzhao/server-kit';
import { UsageError } from './cli-error.js';

export interface KeyFileTools {
  readonly encryptKeyFile: typeof encryptKeyFile;
  readonly decryptKeyFile: typeof decryptKeyFile;
  readonly writeFileAtomic: typeof writeFileAtomic;
}

/**
 * The `zz-key-1` key-file functions and the atomic writer of @zhengzhao/server-kit, loaded on
 * first use: the package also brings the HTTP and database stacks, which `zz verify` and
 * `zz present` should not pay half a second to load.
 */
export async function loadKeyFileTools(): Promise<KeyFileTools> {
  const kit = await import('@zhengzhao/server-kit');
  return {
    encryptKeyFile: kit.encryptKeyFile,
    decryptKeyFile: kit.decryptKeyFile,
    writeFileAtomic: kit.writeFileAtomic,
  };
}

/**
 * Writes a file atomically (temporary file, fsync, rename) with `mode` (default 0600, for private
 * keys); with `overwrite: false` an existing file is a usage error.
 */
export async function writeFileAtomically(
  path: string,
  data: string,
  options: { readonly mode?: number; readonly overwrite: boolean },
): Promise<void> {
  const { writeFileAtomic } = await loadKeyFileTools();
  try {
    await writeFileAtomic(path, data, { mode: options.mode ?? 0o600, overwrite: options.overwrite });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `${path} already exists (use --force to replace it)`
        : `cannot write ${path} (${code ?? 'error'})`,
    );
  }
}
