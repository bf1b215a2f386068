import type { CborValue } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import type { Signer } from '../platform/crypto-suite.js';
import { encodeTreeHead, TREE_HEAD_COSE_TYPE, type TreeHead } from './tree-head.js';

export interface SignTreeHeadOptions {
  /** The log's signing key; its suite sets `alg` (ES256 −7, or SM2 per ADR 0002). */
  readonly signer: Signer;
  /** A key identifier for the protected header, when the log rotates keys. */
  readonly kid?: Uint8Array;
}

/**
 * A signed tree head: a tagged COSE_Sign1 (RFC 9052 §4.2) whose payload is the deterministic
 * CBOR of `head` (`encodeTreeHead`), with protected `alg`, `typ` (16)
 * `application/zz-tree-head+cose` and, if given, `kid` (4). Sign only sizes already persisted.
 */
export async function signTreeHead(head: TreeHead, options: SignTreeHeadOptions): Promise<Uint8Array> {
  const protectedHeaders = new Map<number, CborValue>([[COSE_HEADER.typ, TREE_HEAD_COSE_TYPE]]);
  if (options.kid) protectedHeaders.set(COSE_HEADER.kid, new Uint8Array(options.kid));
  const message = await signCoseSign1(options.signer, { payload: encodeTreeHead(head), protectedHeaders });
  return encodeCoseSign1(message, { tagged: true });
}
