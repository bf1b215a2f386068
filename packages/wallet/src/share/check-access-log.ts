import {
  type AccessLogEntry,
  decodeAccessLogEntry,
  decodeBase64url,
  hashLeaf,
  type Platform,
  type PublicKey,
  sha256MerkleHasher,
  type TreeHead,
  verifyConsistencyProof,
  verifyInclusionProof,
  verifyTreeHead,
  ZzError,
} from '@zhengzhao/core';

/** The holder's log as `GET /holder/log` returns it (base64url fields). */
export interface HolderLogResponse {
  readonly tree_head: { readonly signed: string };
  readonly entries: readonly { readonly index: number; readonly entry: string; readonly proof: readonly string[] }[];
}

/** A tree head the wallet verified before: kept, to demand consistency of every later one. */
export interface KnownTreeHead {
  readonly size: number;
  /** base64url root hash. */
  readonly root: string;
}

export interface CheckedAccessLog {
  readonly head: TreeHead;
  /** The holder's entries, newest first, each proven to be in `head`. */
  readonly entries: readonly (AccessLogEntry & { readonly index: number })[];
}

/**
 * Checks the holder's view of the sharing service's access log (RFC 9162 §2.1, §8.1.1–8.1.2):
 * the tree head's signature with the pinned log key and its log id; every entry's inclusion in
 * that head (so the service cannot show the holder an entry it keeps out of the public tree);
 * and, when the wallet verified an older head before, a consistency proof from it — a log whose
 * past was rewritten, or that shrank, fails. Errors keep their `ERR_LOG_*` code.
 */
export async function checkAccessLog(
  platform: Platform,
  response: HolderLogResponse,
  options: {
    readonly logKey: PublicKey;
    readonly logId: string;
    readonly known?: KnownTreeHead;
    /** Fetches `GET /log/proof/consistency?from&to` (base64url hashes). */
    readonly consistencyProof: (from: number, to: number) => Promise<readonly string[]>;
  },
): Promise<CheckedAccessLog> {
  if (typeof response?.tree_head?.signed !== 'string' || !Array.isArray(response.entries)) {
    throw new ZzError('ERR_LOG_ENTRY_MALFORMED', 'The access log answer is malformed');
  }
  const head = await verifyTreeHead(platform, decodeBase64url(response.tree_head.signed), {
    publicKey: options.logKey,
    logId: options.logId,
  });
  const { known } = options;
  if (known && known.size > 0) {
    if (head.treeSize < known.size) throw new ZzError('ERR_LOG_PROOF_INVALID', 'The log is smaller than before');
    verifyConsistencyProof(sha256MerkleHasher, {
      oldSize: known.size,
      newSize: head.treeSize,
      oldRootHash: decodeBase64url(known.root),
      newRootHash: head.rootHash,
      proof:
        known.size === head.treeSize
          ? []
          : (await options.consistencyProof(known.size, head.treeSize)).map(decodeBase64url),
    });
  }
  const entries = response.entries.map((item) => {
    const bytes = decodeBase64url(item.entry);
    verifyInclusionProof(sha256MerkleHasher, {
      index: item.index,
      size: head.treeSize,
      leafHash: hashLeaf(sha256MerkleHasher, bytes),
      proof: item.proof.map(decodeBase64url),
      rootHash: head.rootHash,
    });
    return { ...decodeAccessLogEntry(bytes), index: item.index };
  });
  return { head, entries };
}
