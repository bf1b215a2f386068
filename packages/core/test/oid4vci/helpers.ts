import { createNodePlatform } from '@zhengzhao/crypto-node';
import { encodeBase64url, isZzError, type Signer, utf8Encode } from '../../src/index.js';

export const platform = createNodePlatform();

export const ISSUER = 'https://issuer.example';
export const NOW = new Date('2026-03-01T08:00:00Z');
export const NOW_S = Math.floor(NOW.getTime() / 1000);

/** The code of a ZzError thrown by `fn`, or a marker string when it threw something else or nothing. */
export async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'no error';
  } catch (error) {
    return isZzError(error) ? error.code : `not a ZzError: ${String(error)}`;
  }
}

/** Signs any header and payload with `signer`, for hand-crafted (hostile) proofs. */
export async function craftJwt(signer: Signer, header: object, payload: object): Promise<string> {
  const input = `${encodeBase64url(utf8Encode(JSON.stringify(header)))}.${encodeBase64url(utf8Encode(JSON.stringify(payload)))}`;
  return `${input}.${encodeBase64url(await signer.sign(utf8Encode(input)))}`;
}
