import { UsageError } from './cli-error.js';

interface Command {
  readonly summary: string;
  /** Loads the command's module on use: one command does not pay for the others' dependencies. */
  readonly load: () => Promise<{ readonly help: string; readonly run: (args: readonly string[]) => Promise<number> }>;
}

const COMMANDS: Record<string, Command> = {
  keys: {
    summary: 'create an issuing authority (keys init) or a holder device key (keys holder)',
    load: async () => {
      const { KEYS_HELP, keysCommand } = await import('./commands/keys.js');
      return { help: KEYS_HELP, run: keysCommand };
    },
  },
  issue: {
    summary: 'issue an mdoc, SD-JWT VC or offline QR credential',
    load: async () => {
      const { ISSUE_HELP, issueCommand } = await import('./commands/issue.js');
      return { help: ISSUE_HELP, run: issueCommand };
    },
  },
  present: {
    summary: "present a credential with the holder's device key",
    load: async () => {
      const { PRESENT_HELP, presentCommand } = await import('./commands/present.js');
      return { help: PRESENT_HELP, run: presentCommand };
    },
  },
  verify: {
    summary: 'verify a presentation (file, text, QR image) and print its report',
    load: async () => {
      const { VERIFY_HELP, verifyCommand } = await import('./commands/verify.js');
      return { help: VERIFY_HELP, run: verifyCommand };
    },
  },
  validate: {
    summary: 'validate a signed layout document (PDF): signature, signer trust, embedded credential',
    load: async () => {
      const { VALIDATE_HELP, validateCommand } = await import('./commands/validate.js');
      return { help: VALIDATE_HELP, run: validateCommand };
    },
  },
  qr: {
    summary: 'render a QR code as PNG or SVG',
    load: async () => {
      const { QR_HELP, qrCommand } = await import('./commands/qr.js');
      return { help: QR_HELP, run: qrCommand };
    },
  },
  registry: {
    summary: 'run the population-registry simulator (registry serve)',
    load: async () => {
      const { REGISTRY_HELP, registryCommand } = await import('./commands/registry.js');
      return { help: REGISTRY_HELP, run: registryCommand };
    },
  },
  issuer: {
    summary: 'run a provincial issuing authority (issuer serve)',
    load: async () => {
      const { ISSUER_HELP, issuerCommand } = await import('./commands/issuer.js');
      return { help: ISSUER_HELP, run: issuerCommand };
    },
  },
  'trust-registry': {
    summary: 'run the national trust registry (trust-registry serve)',
    load: async () => {
      const { TRUST_REGISTRY_HELP, trustRegistryCommand } = await import('./commands/trust-registry.js');
      return { help: TRUST_REGISTRY_HELP, run: trustRegistryCommand };
    },
  },
  start: {
    summary: 'run the platform here: the national trust registry and three provinces on SQLite, the apps',
    load: async () => {
      const { START_HELP, startCommand } = await import('./commands/start.js');
      return { help: START_HELP, run: startCommand };
    },
  },
  demo: {
    summary: 'end-to-end demo without services: two authorities, three formats, issue → present → verify',
    load: async () => {
      const { DEMO_HELP, demoCommand } = await import('./commands/demo.js');
      return { help: DEMO_HELP, run: demoCommand };
    },
  },
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
    const command = topic === undefined ? undefined : COMMANDS[topic];
    process.stdout.write(command ? (await command.load()).help : usage());
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`zz: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    // `zz keys init` and `zz keys holder` report under their full name
    const sub = name === 'keys' && (rest[0] === 'init' || rest[0] === 'holder') ? ` ${rest[0]}` : '';
    return await reportError(`${name}${sub}`, error);
  }
}

async function reportError(name: string, error: unknown): Promise<number> {
  if (error instanceof UsageError) {
    process.stderr.write(`zz ${name}: ${error.message}\nRun 'zz ${name} --help' for usage.\n`);
    return 2;
  }
  // loaded here, not at start-up: `zz --help` needs no core
  const { isZzError } = await import('@zhengzhao/core');
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
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `zz — Zhengzhao (证照) electronic ID and licence platform

Usage: zz <command> [options]

Commands:
${lines.join('\n')}

Run 'zz <command> --help' for a command's options.
`;
}
