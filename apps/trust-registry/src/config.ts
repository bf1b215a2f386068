import { type ConfigOf, type LoadConfigOptions, loadConfig } from '@zhengzhao/server-kit';

/**
 * Configuration of `startTrustRegistry` (`loadConfig`: defaults < JSON file < environment).
 * Secrets (admin tokens, key passphrase) come from the environment.
 */
export const TRUST_REGISTRY_CONFIG_SCHEMA = {
  host: { type: 'string', env: 'ZZ_HOST', default: '127.0.0.1' },
  port: { type: 'integer', env: 'ZZ_PORT', default: 3400, min: 0, max: 65535 },
  publicUrl: { type: 'url', env: 'ZZ_PUBLIC_URL', required: true, protocols: ['http', 'https'] },
  /** PostgreSQL (`postgres://…`); SQLite `sqliteFile` when absent. */
  databaseUrl: { type: 'string', env: 'DATABASE_URL' },
  sqliteFile: { type: 'string', env: 'ZZ_SQLITE_FILE', default: './data/trust-registry.sqlite' },
  /** Directory of the encrypted key files (national root, trust-list signer). */
  keyStoreDir: { type: 'string', env: 'ZZ_KEY_DIR', default: './data/trust-registry-keys' },
  keyPassphrase: { type: 'string', env: 'ZZ_KEY_PASSPHRASE', required: true },
  /** `actor:token` entries (or one bare token), comma-separated; tokens ≥ 16 characters. */
  adminTokens: { type: 'string', env: 'ZZ_ADMIN_TOKENS', required: true },
  listValidityDays: { type: 'integer', env: 'ZZ_TRUST_LIST_DAYS', default: 7, min: 1, max: 60 },
  relyingPartyCertificateDays: { type: 'integer', env: 'ZZ_RP_CERTIFICATE_DAYS', default: 365, min: 1, max: 825 },
  logLevel: {
    type: 'string',
    env: 'ZZ_LOG_LEVEL',
    default: 'info',
    oneOf: ['fatal', 'error', 'warn', 'info', 'debug', 'silent'],
  },
} as const;

export type TrustRegistryConfig = ConfigOf<typeof TRUST_REGISTRY_CONFIG_SCHEMA>;

/** Loads {@link TRUST_REGISTRY_CONFIG_SCHEMA} from an optional JSON file and the environment. */
export function loadTrustRegistryConfig(options: LoadConfigOptions = {}): TrustRegistryConfig {
  return loadConfig(TRUST_REGISTRY_CONFIG_SCHEMA, options);
}
