import { readFileSync } from 'node:fs';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  bytesEqual,
  type ExportableSigner,
  type PublicKey,
  type TrustResolution,
  type TrustSource,
  ZzError,
} from '../../src/index.js';

export const platform = createNodePlatform();

/** draft-ietf-oauth-status-list test vectors (see /work/shared/vectors/README.md). */
export interface StatusListVectors {
  readonly token_examples: Record<string, string>;
  readonly vectors: readonly {
    readonly name: string;
    readonly bits: number;
    readonly size: number;
    readonly statuses: Record<string, number>;
    readonly byte_array_hex?: string;
    readonly json: { readonly bits: number; readonly lst: string };
    readonly cbor_hex: string;
  }[];
}

export function loadVectors(): StatusListVectors {
  const url = new URL('../../../../../shared/vectors/status-list/status_list_vectors.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as StatusListVectors;
}

/**
 * The draft's example signing key (oauth-wg/draft-ietf-oauth-status-list src/util.py, `kid`
 * "12"): the public half only, to verify the example tokens.
 */
export const DRAFT_EXAMPLE_KEY: PublicKey = {
  suite: 'ES256',
  point: new Uint8Array([
    4,
    ...Buffer.from('I3HWm_0Ds1dPMI-IWmf4mBmH-YaeAVbPVu7vB27CxXo', 'base64url'),
    ...Buffer.from('6N_d5Elj9bs1htgV3okJKIdbHEpkgTmAluYKJemzn1M', 'base64url'),
  ]),
};

/** The draft examples were issued at 1686920170 (2023-06-16) and expire in 2042. */
export const DRAFT_NOW = new Date(1_700_000_000_000);

export const LIST_URI = 'https://status.example.cn/lists/110000/1';

export async function newSigner(): Promise<ExportableSigner> {
  return await platform.suite('ES256').generateSigner();
}

/** A stand-in DS certificate: the trust source below recognises it by its bytes. */
export const FAKE_DS_CERT = new Uint8Array([0x30, 0x82, 0x01, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8]);
export const FAKE_ROOT_CERT = new Uint8Array([0x30, 0x82, 0x02, 0x0b, 9, 9, 9]);
export const FAKE_KID = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]);

/** A trust source that knows one DS certificate (and its kid) and hands back `key` for it. */
export function fakeTrust(key: PublicKey): TrustSource & { calls: Uint8Array[][] } {
  const resolution: TrustResolution = { publicKey: key, issuer: { name: 'CN=Test DS', suite: key.suite } };
  const calls: Uint8Array[][] = [];
  return {
    calls,
    async resolveChain(chain) {
      calls.push([...chain]);
      if (chain[0] !== undefined && bytesEqual(chain[0], FAKE_DS_CERT)) return resolution;
      throw new ZzError('ERR_TRUST_UNTRUSTED_ROOT');
    },
    async resolveKid(kid) {
      if (bytesEqual(kid, FAKE_KID)) return resolution;
      throw new ZzError('ERR_TRUST_KID_UNKNOWN');
    },
  };
}

/** Resolves to the ZzError code a promise rejects with (or 'resolved'). */
export async function codeOf(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'resolved';
  } catch (error) {
    if (error instanceof ZzError) return error.code;
    return `untyped: ${String(error)}`;
  }
}
