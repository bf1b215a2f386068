/**
 * @zhengzhao/trust-registry — the national trust registry (DESIGN.md §2, Zhengzhao issue 6):
 * holds the national root key, enrols issuing authorities, keeps the credential catalog's
 * authority kinds and the registration profiles, registers relying parties under a profile with
 * reader / access certificates, and publishes
 * the signed, sequence-numbered trust list that verifiers pinning only `/root.pem` rely on.
 */

// app and production entry point
export {
  loadTrustRegistryConfig,
  TRUST_REGISTRY_CONFIG_SCHEMA,
  type TrustRegistryConfig,
} from './config.js';
export type { RegistryContext } from './context.js';
export {
  type CreateTrustRegistryAppOptions,
  createTrustRegistryApp,
  DEFAULT_REPUBLISH_INTERVAL_MS,
  TRUST_REGISTRY_VERSION,
  type TrustRegistryApp,
  type TrustRegistryServices,
} from './create-trust-registry-app.js';
// storage
export { TRUST_REGISTRY_MIGRATIONS } from './db/migrations.js';
export type { TrustRegistryDatabase } from './db/schema.js';
// errors
export {
  isTrustRegistryError,
  TRUST_REGISTRY_ERRORS,
  TrustRegistryError,
  type TrustRegistryErrorCode,
  type TrustRegistryProblem,
  toTrustRegistryProblem,
} from './errors.js';
// administration
export {
  type AdminPrincipal,
  type AdminToken,
  createAdminAuthenticator,
  parseAdminTokens,
} from './modules/admin/admin-auth.js';
export { type AuditEntry, listAuditEntries } from './modules/audit/audit-repository.js';
// issuing authorities
export {
  type AuthorityService,
  type CompromisedKeyRequest,
  type EnrolAuthorityRequest,
  MAX_DOCUMENT_SIGNERS,
} from './modules/authorities/authority-service.js';
// catalog
export { type CatalogEntry, listCatalog } from './modules/catalog/catalog.js';
export { DEFAULT_AUTHORITY_KINDS } from './modules/catalog/default-authority-kinds.js';
// registry keys
export { DISCOVERY_PATH } from './modules/keys/discovery-routes.js';
export {
  NATIONAL_ROOT_KEY_ID,
  type NationalRoot,
  RegistryKeys,
  TRUST_LIST_SIGNER_KEY_ID,
} from './modules/keys/registry-keys.js';
export { PEM_MEDIA_TYPE } from './modules/keys/routes.js';
// registration profiles and relying parties
export { DEFAULT_REGISTRATION_PROFILES } from './modules/registration-profiles/default-registration-profiles.js';
export {
  listRegistrationProfiles,
  type PutRegistrationProfileRequest,
} from './modules/registration-profiles/registration-profiles.js';
export {
  DEFAULT_RELYING_PARTY_CERTIFICATE_DAYS,
  type IssuedRelyingPartyCertificate,
  MAX_RELYING_PARTY_CERTIFICATES,
  type RegisterRelyingPartyRequest,
  type RelyingPartyPublicEntry,
  type RelyingPartyService,
} from './modules/relying-parties/relying-party-service.js';
// trust list
export { TRUST_LIST_CACHE_CONTROL } from './modules/trust-list/routes.js';
export {
  type ChangeResult,
  DEFAULT_LIST_VALIDITY_DAYS,
  type PublishedTrustList,
  type RegistryChange,
  TrustListPublisher,
} from './modules/trust-list/trust-list-publisher.js';
export {
  type RunningTrustRegistry,
  type StartTrustRegistryOptions,
  startTrustRegistry,
} from './start-trust-registry.js';
