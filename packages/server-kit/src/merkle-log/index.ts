export { FileMerkleNodeStore, type FileMerkleNodeStoreOptions } from './file-merkle-node-store.js';
export { nodeSha256MerkleHasher } from './node-sha256-merkle-hasher.js';
export type { MerkleRecovery } from './recover-merkle-files.js';
