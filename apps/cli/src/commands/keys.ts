import { UsageError } from '../cli-error.js';
import { KEYS_HOLDER_HELP, keysHolderCommand } from './keys-holder.js';
import { KEYS_INIT_HELP, keysInitCommand } from './keys-init.js';

export const KEYS_HELP = `zz keys — create keys and certificates

Usage: zz keys init   --suite ES256|SM2 --name <organisation> --out <dir> [options]
       zz keys holder --suite ES256|SM2 --out <holder.jwk>

  init     an issuing authority: IACA root + document signer, keys encrypted at rest
  holder   a holder device key (demo wallets and tests)

Run 'zz keys init --help' or 'zz keys holder --help' for the options.
`;

export async function keysCommand(args: readonly string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'init') return keysInitCommand(rest);
  if (sub === 'holder') return keysHolderCommand(rest);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    const topic = sub === 'help' ? rest[0] : undefined;
    process.stdout.write(topic === 'init' ? KEYS_INIT_HELP : topic === 'holder' ? KEYS_HOLDER_HELP : KEYS_HELP);
    return 0;
  }
  throw new UsageError(`unknown subcommand '${sub}' (init or holder)`);
}
