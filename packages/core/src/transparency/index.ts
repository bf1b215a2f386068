export {
  ACCESS_LOG_EVENT_TYPES,
  type AccessLogEntry,
  type AccessLogEventType,
  decodeAccessLogEntry,
  encodeAccessLogEntry,
  HOLDER_REFERENCE_LENGTH,
  MAX_ACCESS_LOG_ENTRY_BYTES,
} from './access-log-entry.js';
export { generateConsistencyProof } from './generate-consistency-proof.js';
export { generateInclusionProof } from './generate-inclusion-proof.js';
export { MemoryMerkleNodeStore } from './memory-merkle-node-store.js';
export {
  emptyRoot,
  hashChildren,
  hashLeaf,
  MERKLE_HASH_LENGTH,
  type MerkleHasher,
  sha256MerkleHasher,
} from './merkle-hasher.js';
export { type AppendResult, MerkleLog } from './merkle-log.js';
export { type MerkleNodeStore, nodesCompletedBy } from './merkle-node-store.js';
export { merkleRoot } from './merkle-root.js';
export { type SignTreeHeadOptions, signTreeHead } from './sign-tree-head.js';
export { subtreeHash } from './subtree-hash.js';
export {
  decodeTreeHead,
  encodeTreeHead,
  MAX_TREE_HEAD_BYTES,
  TREE_HEAD_COSE_TYPE,
  type TreeHead,
} from './tree-head.js';
export { type ConsistencyProofInput, verifyConsistencyProof } from './verify-consistency-proof.js';
export { type InclusionProofInput, verifyInclusionProof } from './verify-inclusion-proof.js';
export { type VerifyTreeHeadOptions, verifyTreeHead } from './verify-tree-head.js';
