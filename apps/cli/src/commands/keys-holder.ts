import { parseArgs } from 'node:util';
import { type Platform, publicKeyToJwk, type SuiteId } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { parseSuite, required } from '../args.js';
import { holderPrivateJwk } from '../holder-key.js';
import { writeFileAtomically } from '../key-file-tools.js';

export const KEYS_HOLDER_HELP = `zz keys holder — create a holder device key (for demos and tests)

Usage: zz keys holder --suite ES256|SM2 --out <holder.jwk> [--force]

  --suite   ES256 (P-256) or SM2 (the JWK then has crv "SM2")
  --out     the private JWK, written with mode 0600; the public JWK goes beside it as
            <name>.pub.jwk (give that one to zz issue --device-key)
  --force   replace existing files

A real wallet never exports this key: it is generated non-extractable on the phone (secure
element / WebCrypto) and only its public part reaches the issuer. Here it is a file so that
zz present can sign with it.
`;

export interface CreateHolderKeyOptions {
  readonly platform: Platform;
  readonly suite: SuiteId;
  readonly out: string;
  readonly force: boolean;
}

export async function keysHolderCommand(args: readonly string[]): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      suite: { type: 'string' },
      out: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(KEYS_HOLDER_HELP);
    return 0;
  }
  const { privatePath, publicPath } = await createHolderKey({
    platform: createNodePlatform(),
    suite: parseSuite(values.suite),
    out: required(values.out, 'out'),
    force: values.force ?? false,
  });
  process.stderr.write(`wrote ${privatePath} (private, 0600) and ${publicPath}\n`);
  return 0;
}

/** `holder.jwk` → `holder.pub.jwk`; any other name gets `.pub.jwk` appended. */
export function publicJwkPathOf(privatePath: string): string {
  return privatePath.endsWith('.jwk') ? `${privatePath.slice(0, -'.jwk'.length)}.pub.jwk` : `${privatePath}.pub.jwk`;
}

/** Generates a device key and writes its private and public JWKs. */
export async function createHolderKey(
  options: CreateHolderKeyOptions,
): Promise<{ privatePath: string; publicPath: string }> {
  const signer = await options.platform.suite(options.suite).generateSigner();
  const privatePath = options.out;
  const publicPath = publicJwkPathOf(privatePath);
  const json = (value: object) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFileAtomically(privatePath, json(holderPrivateJwk(signer)), { mode: 0o600, overwrite: options.force });
  await writeFileAtomically(publicPath, json(publicKeyToJwk(signer.publicKey)), {
    mode: 0o644,
    overwrite: options.force,
  });
  return { privatePath, publicPath };
}
