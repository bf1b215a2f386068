import { UsageError } from './cli-error.js';
import { readText } from './io.js';

/** The environment variable holding the passphrase that seals private keys at rest. */
export const PASSPHRASE_ENV = 'ZZ_PASSPHRASE';

/**
 * The key-file passphrase (DESIGN.md §6.4): from `--passphrase-file` (its first line) or the
 * `ZZ_PASSPHRASE` environment variable — never from the command line, where `ps` and shell
 * history would show it.
 */
export function readPassphrase(passphraseFile: string | undefined): string {
  if (passphraseFile !== undefined) {
    const line = readText(passphraseFile).split(/\r?\n/)[0] ?? '';
    if (line.length === 0) throw new UsageError(`${passphraseFile} holds no passphrase on its first line`);
    return line;
  }
  const fromEnv = process.env[PASSPHRASE_ENV];
  if (fromEnv === undefined || fromEnv.length === 0) {
    throw new UsageError(`set ${PASSPHRASE_ENV} or give --passphrase-file: private keys are encrypted at rest`);
  }
  return fromEnv;
}
