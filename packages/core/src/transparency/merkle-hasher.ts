import { sha256 } from '@noble/hashes/sha2.js';
import { ZzError } from '../errors/zz-error.js';

/**
 * The hash function of a Merkle tree: synchronous, one-shot, 32-byte output (SHA-256 for
 * RFC 9162 §2.1 with the `SHA-256` log hash algorithm). Injected so that a Node service can use
 * OpenSSL and a browser wallet a pure implementation, with the same results. It must not keep
 * or change its input (`hashChildren` reuses one input buffer).
 */
export type MerkleHasher = (data: Uint8Array) => Uint8Array;

/** Length in bytes of every hash in the tree. */
export const MERKLE_HASH_LENGTH = 32;

/** SHA-256 from @noble/hashes: runs everywhere, no platform needed. */
export const sha256MerkleHasher: MerkleHasher = (data) => sha256(data);

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** The hash of the empty tree, MTH({}) = HASH() (RFC 9162 §2.1.1). */
export function emptyRoot(hasher: MerkleHasher): Uint8Array {
  return checked(hasher(new Uint8Array(0)));
}

/** A leaf hash, MTH({d(0)}) = HASH(0x00 || d(0)) (RFC 9162 §2.1.1). */
export function hashLeaf(hasher: MerkleHasher, entry: Uint8Array): Uint8Array {
  const input = new Uint8Array(entry.length + 1);
  input[0] = LEAF_PREFIX;
  input.set(entry, 1);
  return checked(hasher(input));
}

/**
 * Reused input of `hashChildren` for two 32-byte hashes: a hasher is synchronous and keeps
 * nothing of its input, and this is the hottest allocation of an append.
 */
const NODE_INPUT = new Uint8Array(1 + 2 * MERKLE_HASH_LENGTH);

/** An interior node, HASH(0x01 || left || right) (RFC 9162 §2.1.1). */
export function hashChildren(hasher: MerkleHasher, left: Uint8Array, right: Uint8Array): Uint8Array {
  const size = 1 + left.length + right.length;
  const input = size === NODE_INPUT.length ? NODE_INPUT : new Uint8Array(size);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return checked(hasher(input));
}

function checked(hash: Uint8Array): Uint8Array {
  if (hash.length !== MERKLE_HASH_LENGTH) {
    throw new ZzError('ERR_CRYPTO_OPERATION', `A Merkle hasher must return ${MERKLE_HASH_LENGTH} bytes`);
  }
  return hash;
}
