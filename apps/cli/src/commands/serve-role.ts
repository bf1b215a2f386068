import { parseArgs } from 'node:util';
import { UsageError } from '../cli-error.js';

/** A service role `zz <role> serve` can start: reads its config, starts, returns its URL. */
export interface ServeRole {
  readonly name: string;
  readonly help: string;
  start(options: { file?: string; env: NodeJS.ProcessEnv }): Promise<{ url: string }>;
}

/**
 * `zz <role> serve [--config <file.json>]`: configuration from the file and the environment
 * (environment wins), then the service runs until SIGINT/SIGTERM, which it handles itself with a
 * graceful shutdown.
 */
export async function serveRoleCommand(role: ServeRole, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { config: { type: 'string', short: 'c' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(role.help);
    return 0;
  }
  if (positionals[0] !== 'serve' || positionals.length > 1) throw new UsageError(`usage: zz ${role.name} serve`);
  const { url } = await role.start({ ...(values.config ? { file: values.config } : {}), env: process.env });
  process.stdout.write(`${role.name}  ${url}\n`);
  // the service keeps the event loop alive; its own signal handlers end the process
  return await new Promise<number>(() => undefined);
}
