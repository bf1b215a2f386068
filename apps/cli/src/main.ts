/** `zz` — one command for every role of the platform. Returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'start') {
    process.stdout.write(
      `The services (issuer, wallet, verifier) arrive with the next issues.\nFor now, use the CLI:\n\n${USAGE}`,
    );
    return 0;
  }
  process.stderr.write(`zz: unknown command '${command}'\n\n${USAGE}`);
  return 2;
}

const USAGE = `zz — Zhengzhao (证照) electronic ID and licence platform

Usage: zz <command> [options]

Commands:
  start      run the whole platform (not yet: see README)
  keys init  create an authority root and a document signer
  issue      issue a credential (mdoc, SD-JWT VC, offline QR profile)
  present    make a presentation as the holder
  verify     verify a presentation and print the report
  qr         render a QR code as PNG or SVG

Run 'zz <command> --help' for a command's options.
`;
