import { ZzError } from '../errors/zz-error.js';
import { generateConsistencyProof } from './generate-consistency-proof.js';
import { generateInclusionProof } from './generate-inclusion-proof.js';
import { emptyRoot, hashChildren, hashLeaf, type MerkleHasher, sha256MerkleHasher } from './merkle-hasher.js';
import type { MerkleNodeStore } from './merkle-node-store.js';
import { subtreeHash } from './subtree-hash.js';
import { checkCount } from './tree-math.js';

export interface AppendResult {
  /** The leaf index of the new entry. */
  readonly index: number;
  /** HASH(0x00 || entry). */
  readonly leafHash: Uint8Array;
}

/**
 * An append-only Merkle log (RFC 9162 §2.1) over a `MerkleNodeStore`. It keeps the right edge of
 * the tree (one perfect-subtree hash per set bit of the size) in memory, so an append costs one
 * leaf hash plus, amortised, one node hash and no reads; the current root is a fold of that edge.
 * Roots and proofs for any size up to the current one read O(log n) stored nodes.
 * One writer per store: the store is not locked.
 */
export class MerkleLog {
  readonly store: MerkleNodeStore;
  readonly hasher: MerkleHasher;
  /** edge[k]: the rightmost perfect subtree of 2^k leaves, when bit k of the size is set. */
  #edge: (Uint8Array | undefined)[] = [];
  #edgeSize = -1;

  constructor(store: MerkleNodeStore, hasher: MerkleHasher = sha256MerkleHasher) {
    this.store = store;
    this.hasher = hasher;
  }

  /** The number of entries: the size of the newest tree. */
  get size(): number {
    return this.store.size();
  }

  /** Appends an entry; the caller persists it (a store's flush) before signing a tree head over it. */
  append(entry: Uint8Array): AppendResult {
    if (!(entry instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'A log entry is a Uint8Array');
    const edge = this.#rightEdge();
    const index = this.#edgeSize;
    const leafHash = hashLeaf(this.hasher, entry);
    const nodes = [leafHash];
    let hash = leafHash;
    let level = 0;
    for (let n = index; n % 2 === 1; n = Math.floor(n / 2)) {
      hash = hashChildren(this.hasher, edge[level] as Uint8Array, hash);
      edge[level] = undefined;
      nodes.push(hash);
      level++;
    }
    this.store.append(entry, nodes);
    edge[level] = hash;
    this.#edgeSize = index + 1;
    return { index, leafHash };
  }

  /** The bytes of entry `index`. */
  entry(index: number): Uint8Array {
    checkCount(index, 'Leaf index');
    if (index >= this.size) throw new ZzError('ERR_LOG_INDEX_RANGE', `No entry ${index} in a log of ${this.size}`);
    return this.store.entry(index);
  }

  /** MTH of the first `size` entries (default: all). */
  root(size: number = this.size): Uint8Array {
    checkCount(size, 'Tree size');
    if (size > this.size) throw new ZzError('ERR_LOG_INDEX_RANGE', `Tree size ${size} is beyond the log`);
    if (size === 0) return emptyRoot(this.hasher);
    if (size !== this.size) return subtreeHash(this.store, this.hasher, 0, size);
    let root: Uint8Array | undefined;
    for (const hash of this.#rightEdge()) {
      if (hash) root = root ? hashChildren(this.hasher, hash, root) : hash;
    }
    return root as Uint8Array;
  }

  /** PATH(index, D[size]) (RFC 9162 §2.1.3.1); size defaults to the current size. */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    return generateInclusionProof(this.store, this.hasher, index, size);
  }

  /** PROOF(oldSize, D[newSize]) (RFC 9162 §2.1.4.1); newSize defaults to the current size. */
  consistencyProof(oldSize: number, newSize: number = this.size): Uint8Array[] {
    return generateConsistencyProof(this.store, this.hasher, oldSize, newSize);
  }

  /** The right edge, reloaded from the store when the store's size moved under us. */
  #rightEdge(): (Uint8Array | undefined)[] {
    const size = this.store.size();
    if (size === this.#edgeSize) return this.#edge;
    let levels = 0;
    while (2 ** levels <= size) levels++;
    const edge: (Uint8Array | undefined)[] = new Array(levels).fill(undefined);
    let offset = 0;
    for (let level = levels - 1; level >= 0; level--) {
      const width = 2 ** level;
      if (size - offset >= width) {
        edge[level] = this.store.node(level, offset / width);
        offset += width;
      }
    }
    this.#edge = edge;
    this.#edgeSize = size;
    return edge;
  }
}
