import { isZzError } from '@zhengzhao/core';
import { UsageError } from './cli-error.js';
import { QR_HELP, qrCommand } from './commands/qr.js';

interface Command {
  readonly summary: string;
  readonly help: string;
  readonly run: (args: readonly string[]) => Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  qr: { summary: 'render a QR code as PNG or SVG', help: QR_HELP, run: qrCommand },
};

/**
 * `zz` — one command for every role of the platform. Returns the process exit code:
 * 0 success (for `verify`: valid), 1 `verify` found the presentation invalid,
 * 2 bad usage or unreadable input.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    process.stdout.write(topic && COMMANDS[topic] ? (COMMANDS[topic] as Command).help : usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`zz: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    return reportError(name, error);
  }
}

function reportError(name: string, error: unknown): number {
  if (error instanceof UsageError) {
    process.stderr.write(`zz ${name}: ${error.message}\nRun 'zz ${name} --help' for usage.\n`);
    return 2;
  }
  if (isZzError(error)) {
    process.stderr.write(`zz ${name}: ${error.code}: ${error.message}\n`);
    return 2;
  }
  const code = (error as { code?: string } | null)?.code;
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`zz ${name}: ${(error as Error).message}\nRun 'zz ${name} --help' for usage.\n`);
    return 2;
  }
  process.stderr.write(`zz ${name}: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
  return 2;
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(10)} ${command.summary}`);
  return `zz — Zhengzhao (证照) electronic ID and licence platform

Usage: zz <command> [options]

Commands:
${lines.join('\n')}

Run 'zz <command> --help' for a command's options.
`;
}
