/**
 * @zhengzhao/issuer — the provincial issuing authority (DESIGN.md §2, M1): follows the
 * population registry's card events, keeps persons, wallets and credentials, publishes Token
 * Status Lists, and implements the `PersonDirectory` and `IssuanceService` ports the OpenID4VCI
 * module calls.
 */

// app and production entry point
export {
  DEFAULT_STATUS_SHARD_SIZE,
  ISSUER_CONFIG_SCHEMA,
  type IssuerServeConfig,
  type IssuerSettings,
  issuerSettingsOf,
  loadIssuerConfig,
} from './config.js';
export type { IssuerContext } from './context.js';
export {
  type CreateIssuerAppOptions,
  createIssuerApp,
  ISSUER_VERSION,
  type IssuerApp,
  type IssuerKeySource,
  type IssuerServices,
} from './create-issuer-app.js';
// storage
export { ISSUER_MIGRATIONS } from './db/migrations.js';
export type { IssuerDatabase } from './db/schema.js';
// administration
export {
  ADMIN_PERMISSIONS,
  ADMIN_ROLES,
  type AdminAction,
  type AdminPrincipal,
  type AdminRole,
  type AdminToken,
  createAdminAuthenticator,
  parseAdminTokens,
} from './modules/admin/admin-auth.js';
export {
  createLifecycleService,
  type LifecycleResult,
  type LifecycleService,
} from './modules/admin/lifecycle-service.js';
export { type AuditEntry, listAuditEntries } from './modules/audit/audit-repository.js';
// bulk import of a registry population (before wallets exist)
export {
  type BulkImportOptions,
  type BulkImportProgress,
  type BulkImportResult,
  type BulkImportTarget,
  bulkImportPersons,
  createProgressBar,
  formatBulkProgress,
  type ProgressBar,
  type ProgressBarOptions,
} from './modules/bulk/index.js';
// credentials
export {
  CREDENTIAL_STATUS,
  type CredentialRecord,
  type CredentialStatus,
  listCredentials,
} from './modules/credentials/credential-repository.js';
export { createIssuanceService, type IssuanceServiceOptions } from './modules/credentials/issuance-service.js';
export { FORMAT_OF_CONFIGURATION } from './modules/credentials/sign-credential-copy.js';
// registry events
export {
  createEventIntake,
  type EventIntake,
  parseRegistryEvent,
  type ReceivedEvent,
} from './modules/events/event-intake.js';
export { EventProcessor } from './modules/events/event-processor.js';
export { countInbox, findInboxEvent, type InboxEvent, type InboxOutcome } from './modules/events/inbox-repository.js';
export {
  DEFAULT_REGISTRY_STREAM,
  type RegistryNatsConsumer,
  type RegistryNatsConsumerOptions,
  registryEventSubject,
  startRegistryNatsConsumer,
} from './modules/events/registry-nats-consumer.js';
// document-signer keys
export {
  certifyDocumentSigner,
  DEFAULT_DS_VALIDITY_DAYS,
  KEY_MIGRATIONS,
  KeyRing,
  type KeyRotationOptions,
  type KeysDatabase,
  listSigningKeys,
  PEM_CHAIN_MEDIA_TYPE,
  type RotateSigningKeyRequest,
  RotatingStatusListPublisher,
  type RotationActor,
  type SigningKeyRecord,
} from './modules/keys/index.js';
// OpenID4VCI, wired onto the lifecycle ports
export { type WithOid4vciOptions, withOid4vci } from './modules/oid4vci/with-oid4vci.js';
// persons and wallets
export { createPersonDirectory } from './modules/persons/create-person-directory.js';
export { findPerson, type PersonRecord, type StoredClaims } from './modules/persons/person-repository.js';
export * from './modules/ports.js';
// status lists
export { IndexPermutation } from './modules/status/index-permutation.js';
export {
  type PublishedStatusList,
  type StatusListForm,
  StatusListPublisher,
} from './modules/status/status-list-publisher.js';
export { type LiveStatusList, StatusLists } from './modules/status/status-lists.js';
export { listStatusShards, type StatusEntry, type StatusShard } from './modules/status/status-repository.js';
export { createWalletControl, HOLDER_ACTOR } from './modules/wallets/wallet-control.js';
export {
  findWallet,
  insertWallet,
  listNotifications,
  type WalletNotification,
  type WalletNotificationType,
  type WalletRecord,
  type WalletState,
} from './modules/wallets/wallet-repository.js';
export { createIssuerSigning, type IssuerSigning } from './signing.js';
export { type RunningIssuer, type StartIssuerOptions, startIssuer } from './start-issuer.js';
