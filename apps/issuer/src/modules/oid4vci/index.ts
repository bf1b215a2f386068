/** OpenID4VCI 1.0 issuer module: activation, offers, token, nonce and credential endpoints. */
export {
  ACTIVATION_CODE_LENGTH,
  ActivationLockedError,
  type CardProof,
  createActivationService,
  LOST_DEVICE_REASON,
} from './activation-service.js';
export { type Oid4vciConfig, type ResolvedOid4vciConfig, resolveOid4vciConfig } from './config.js';
export { createCredentialService, walletIdOf } from './credential-service.js';
export {
  buildAuthorizationServerMetadata,
  buildCredentialConfigurations,
  buildCredentialIssuerMetadata,
  DEFAULT_ISSUER_DISPLAY,
} from './metadata.js';
export { oid4vciMigrations } from './migrations.js';
export { TX_CODE_LENGTH } from './offer-service.js';
export { createOid4vciRepository, type Oid4vciRepository } from './repository.js';
export { type Oid4vciDeps, registerOid4vciRoutes } from './routes.js';
export { createSecretHasher, type RandomBytes, randomDigits, type SecretHasher } from './secrets.js';
export type { Oid4vciDatabase } from './tables.js';
export { createTokenService } from './token-service.js';
export { type WithOid4vciOptions, withOid4vci } from './with-oid4vci.js';
