import { decodeCbor } from '../cbor/decode.js';
import { Tag } from '../cbor/tags.js';
import { COSE_HEADER, COSE_SIGN1_TAG } from '../cose/headers.js';
import { type CoseSign1, parseCoseSign1, verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { decodeTreeHead, MAX_TREE_HEAD_BYTES, TREE_HEAD_COSE_TYPE, type TreeHead } from './tree-head.js';

export interface VerifyTreeHeadOptions {
  /** The log's public key, pinned by the wallet; its suite must be the message's `alg`. */
  readonly publicKey: PublicKey;
  /** The log id the head must name (`ERR_LOG_TREE_HEAD_MALFORMED` otherwise). */
  readonly logId: string;
}

/**
 * Verifies a signed tree head from `signTreeHead`, in this order: size; a tagged COSE_Sign1 with
 * protected `typ` `application/zz-tree-head+cose` (`ERR_LOG_TREE_HEAD_MALFORMED`); the signature
 * with the pinned key (`ERR_LOG_TREE_HEAD_SIGNATURE`; an `alg` that is not the key's suite is
 * `ERR_COSE_ALG_MISMATCH`); then the payload and its log id (`ERR_LOG_TREE_HEAD_MALFORMED`).
 * Freshness (how old a head may be) is the caller's policy, on the returned `timestamp`.
 */
export async function verifyTreeHead(
  platform: Platform,
  signed: Uint8Array,
  options: VerifyTreeHeadOptions,
): Promise<TreeHead> {
  if (!(signed instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'A signed tree head is bytes');
  if (signed.length > MAX_TREE_HEAD_BYTES + 512) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'The signed tree head is too large');
  }
  const message = openCose(signed);
  const payload = message.payload ?? malformed('The tree head payload is detached');
  try {
    await verifyCoseSign1(platform, message, options.publicKey);
  } catch (error) {
    if (isZzError(error, 'ERR_COSE_SIGNATURE_INVALID')) {
      throw new ZzError('ERR_LOG_TREE_HEAD_SIGNATURE', 'The tree head signature does not verify', { cause: error });
    }
    throw error;
  }
  const head = decodeTreeHead(payload);
  if (head.logId !== options.logId) malformed('The tree head is for another log');
  return head;
}

function openCose(bytes: Uint8Array): CoseSign1 {
  let message: CoseSign1;
  try {
    const decoded = decodeCbor(bytes);
    if (!(decoded instanceof Tag) || decoded.tag !== COSE_SIGN1_TAG) malformed('Not a tagged COSE_Sign1');
    message = parseCoseSign1(decoded);
  } catch (error) {
    if (isZzError(error, 'ERR_LOG_TREE_HEAD_MALFORMED')) throw error;
    return malformed('The signed tree head is not a COSE_Sign1', error);
  }
  if (message.protectedHeaders.get(COSE_HEADER.typ) !== TREE_HEAD_COSE_TYPE) {
    malformed(`The protected typ is not ${TREE_HEAD_COSE_TYPE}`);
  }
  return message;
}

function malformed(message: string, cause?: unknown): never {
  throw new ZzError('ERR_LOG_TREE_HEAD_MALFORMED', message, cause === undefined ? undefined : { cause });
}
