import { ZzError } from '@zhengzhao/core';
import { type ConfigOf, type LoadConfigOptions, loadConfig } from '@zhengzhao/server-kit';
import { type AdminToken, parseAdminTokens } from './modules/admin/admin-auth.js';

/** Default entries per status shard: 2^20 (the demo; production uses 1M–10M, ADR 0006). */
export const DEFAULT_STATUS_SHARD_SIZE = 1_048_576;

/** What the issuer app needs to know (defaults filled by {@link createIssuerApp}). */
export interface IssuerSettings {
  /** Public base URL, e.g. `https://issuer-44.example.cn`: credential issuer id and status URIs. */
  readonly publicBaseUrl: string;
  /** Two-digit province code (GB/T 2260), e.g. `44`; events of other provinces are refused. */
  readonly provinceCode: string;
  /**
   * The catalog credential type this authority issues: `cn.gov.eid.1` (public security, the
   * default) or another the issuer can derive from the registry's records (`cn.gov.sscard.1`, a
   * human-resources and social-security department).
   */
  readonly credentialType?: string;
  /** The authority's name, printed on layout documents and paper cards (default: from the province code). */
  readonly authorityName?: { readonly 'zh-CN': string; readonly en: string };
  /** HMAC secret shared with the registry's webhook sender (≥ 16 bytes). */
  readonly webhookSecret: string;
  /** Default 300 s. */
  readonly webhookToleranceSeconds?: number;
  /** Largest webhook body, bytes; default 96 KiB (an event with a 16 KiB portrait is ~25 KB). */
  readonly eventBodyLimit?: number;
  /** Entries of each new status shard; default {@link DEFAULT_STATUS_SHARD_SIZE}. */
  readonly statusShardSize?: number;
  /** Status list `ttl` and HTTP max-age, seconds; default 300. */
  readonly statusListTtlSeconds?: number;
  /** Status list token lifetime (`exp − iat`), seconds; default 86,400. */
  readonly statusListLifetimeSeconds?: number;
  /** Validity of mdoc / SD-JWT / hotel QR copies, days; default 30. */
  readonly credentialValidityDays?: number;
  /** Lifetime of the age QR, hours; default 72. */
  readonly ageQrValidityHours?: number;
  /** Most copies per batch; default 100. */
  readonly maxBatchCopies?: number;
  /** Decoy digests per SD-JWT VC; default 8. */
  readonly sdJwtDecoys?: number;
  /** Bearer tokens of administrators; none → every admin call is 401. */
  readonly adminTokens?: readonly AdminToken[];
  /** Interval of the inbox sweep that retries pending events, ms; 0 turns it off. Default 5,000. */
  readonly sweepIntervalMs?: number;
  /** Consume registry events from NATS JetStream as well as the webhook. */
  readonly nats?: {
    readonly url: string;
    /** Default `ZZ_REGISTRY`. */
    readonly stream?: string;
    /** Default `registry.<province>.events`. */
    readonly subject?: string;
    /** Default `issuer-<province>`. */
    readonly durable?: string;
  };
}

/**
 * Configuration of `zz issuer serve` (`loadConfig`: defaults < JSON file < environment).
 * Secrets (webhook secret, admin tokens, key passphrase) come from the environment.
 */
export const ISSUER_CONFIG_SCHEMA = {
  host: { type: 'string', env: 'ZZ_HOST', default: '127.0.0.1' },
  port: { type: 'integer', env: 'ZZ_PORT', default: 3100, min: 0, max: 65535 },
  publicBaseUrl: { type: 'url', env: 'ZZ_PUBLIC_URL', required: true, protocols: ['http', 'https'] },
  provinceCode: { type: 'string', env: 'ZZ_PROVINCE', required: true },
  databaseUrl: { type: 'string', env: 'DATABASE_URL' },
  sqliteFile: { type: 'string', env: 'ZZ_SQLITE_FILE', default: './data/issuer.sqlite' },
  webhookSecret: { type: 'string', env: 'ZZ_WEBHOOK_SECRET', required: true },
  webhookToleranceSeconds: { type: 'integer', env: 'ZZ_WEBHOOK_TOLERANCE', default: 300, min: 1, max: 3600 },
  adminTokens: { type: 'string', env: 'ZZ_ADMIN_TOKENS' },
  /** Comma-separated bearer tokens of registry clerks (OpenID4VCI activation codes). */
  clerkTokens: { type: 'string', env: 'ZZ_CLERK_TOKENS' },
  /** Comma-separated origins of registry clerk pages allowed to call the issuer (CORS). */
  clerkOrigins: { type: 'string', env: 'ZZ_CLERK_ORIGINS' },
  /** HMAC key for activation codes, offers, tokens and nonces kept at rest. */
  secretHashKey: { type: 'string', env: 'ZZ_SECRET_HASH_KEY', required: true },
  batchSize: { type: 'integer', env: 'ZZ_BATCH_SIZE', default: 10, min: 1, max: 100 },
  natsUrl: { type: 'string', env: 'NATS_URL' },
  natsStream: { type: 'string', env: 'ZZ_NATS_STREAM', default: 'ZZ_REGISTRY' },
  natsSubject: { type: 'string', env: 'ZZ_NATS_SUBJECT' },
  natsDurable: { type: 'string', env: 'ZZ_NATS_DURABLE' },
  keyStoreDir: { type: 'string', env: 'ZZ_KEY_DIR', default: './data/keys' },
  keyPassphrase: { type: 'string', env: 'ZZ_KEY_PASSPHRASE', required: true },
  documentSignerKeyId: { type: 'string', env: 'ZZ_DS_KEY_ID', required: true },
  /** PEM file: the DS certificate first, then (optionally) the IACA root. */
  documentSignerCertificate: { type: 'string', env: 'ZZ_DS_CERTIFICATE', required: true },
  /** Key-store id of the IACA root key, so `POST /admin/keys/rotate` can certify new DS keys here. */
  iacaKeyId: { type: 'string', env: 'ZZ_IACA_KEY_ID' },
  /** PEM file of the IACA root (default: the last certificate of the DS chain file, if a CA). */
  iacaCertificate: { type: 'string', env: 'ZZ_IACA_CERTIFICATE' },
  /** Validity of DS certificates made at rotation, days (Annex B: at most 457). */
  documentSignerValidityDays: { type: 'integer', env: 'ZZ_DS_VALIDITY_DAYS', default: 365, min: 1, max: 457 },
  statusShardSize: {
    type: 'integer',
    env: 'ZZ_STATUS_SHARD_SIZE',
    default: DEFAULT_STATUS_SHARD_SIZE,
    min: 16,
    max: 100_000_000,
  },
  statusListTtlSeconds: { type: 'integer', env: 'ZZ_STATUS_TTL', default: 300, min: 1, max: 86_400 },
  statusListLifetimeSeconds: { type: 'integer', env: 'ZZ_STATUS_LIFETIME', default: 86_400, min: 60, max: 31 * 86_400 },
  credentialValidityDays: { type: 'integer', env: 'ZZ_CREDENTIAL_DAYS', default: 30, min: 1, max: 366 },
  logLevel: {
    type: 'string',
    env: 'ZZ_LOG_LEVEL',
    default: 'info',
    oneOf: ['fatal', 'error', 'warn', 'info', 'debug', 'silent'],
  },
} as const;

export type IssuerServeConfig = ConfigOf<typeof ISSUER_CONFIG_SCHEMA>;

/** Loads {@link ISSUER_CONFIG_SCHEMA} from an optional JSON file and the environment. */
export function loadIssuerConfig(options: LoadConfigOptions = {}): IssuerServeConfig {
  return loadConfig(ISSUER_CONFIG_SCHEMA, options);
}

/** The app settings of a loaded serve configuration. */
export function issuerSettingsOf(config: IssuerServeConfig): IssuerSettings {
  if (!/^\d{2}$/.test(config.provinceCode)) throw new ZzError('ERR_CONFIG_INVALID', 'provinceCode must be two digits');
  return {
    publicBaseUrl: config.publicBaseUrl,
    provinceCode: config.provinceCode,
    webhookSecret: config.webhookSecret,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
    statusShardSize: config.statusShardSize,
    statusListTtlSeconds: config.statusListTtlSeconds,
    statusListLifetimeSeconds: config.statusListLifetimeSeconds,
    credentialValidityDays: config.credentialValidityDays,
    adminTokens: parseAdminTokens(config.adminTokens),
    ...(config.natsUrl
      ? {
          nats: {
            url: config.natsUrl,
            stream: config.natsStream,
            ...(config.natsSubject ? { subject: config.natsSubject } : {}),
            ...(config.natsDurable ? { durable: config.natsDurable } : {}),
          },
        }
      : {}),
  };
}
