import { ZzError } from '../errors/zz-error.js';
import { type MerkleNodeStore, nodesCompletedBy } from './merkle-node-store.js';

/** A `MerkleNodeStore` in memory: for tests, browsers and logs rebuilt from elsewhere. */
export class MemoryMerkleNodeStore implements MerkleNodeStore {
  readonly #levels: Uint8Array[][] = [];
  readonly #entries: Uint8Array[] = [];

  size(): number {
    return this.#entries.length;
  }

  node(level: number, index: number): Uint8Array {
    const hash = this.#levels[level]?.[index];
    if (!hash) throw new ZzError('ERR_LOG_INDEX_RANGE', `No stored node at level ${level}, index ${index}`);
    return hash;
  }

  entry(index: number): Uint8Array {
    const entry = this.#entries[index];
    if (!entry) throw new ZzError('ERR_LOG_INDEX_RANGE', `No entry ${index} in a log of ${this.size()}`);
    return entry.slice();
  }

  append(entry: Uint8Array, nodes: readonly Uint8Array[]): void {
    const n = this.#entries.length;
    if (nodes.length !== nodesCompletedBy(n)) {
      throw new ZzError('ERR_INPUT_INVALID', `Appending leaf ${n} stores ${nodesCompletedBy(n)} nodes`);
    }
    nodes.forEach((hash, level) => {
      const row = this.#levels[level] ?? [];
      this.#levels[level] = row;
      row.push(hash.slice());
    });
    this.#entries.push(entry.slice());
  }
}
