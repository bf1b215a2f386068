/** Document-signer key ring: several DS certificates, one active, rotation with overlap (P2 §7). */
export {
  certifyDocumentSigner,
  checkDocumentSignerCertificate,
} from './certify-document-signer.js';
export { listSigningKeys, type SigningKeyRecord } from './key-repository.js';
export {
  DEFAULT_DS_VALIDITY_DAYS,
  KeyRing,
  type KeyRotationOptions,
  type OpenKeyRingOptions,
  type RotateSigningKeyRequest,
  type RotationActor,
} from './key-ring.js';
export { KEY_MIGRATIONS } from './migrations.js';
export { RotatingStatusListPublisher } from './rotating-status-list-publisher.js';
export { PEM_CHAIN_MEDIA_TYPE, registerKeyRoutes } from './routes.js';
export type { KeysDatabase, SigningKeysTable } from './tables.js';
