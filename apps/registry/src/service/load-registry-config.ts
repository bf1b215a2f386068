import { ZzError } from '@zhengzhao/core';
import { type LoadConfigOptions, loadConfig } from '@zhengzhao/server-kit';
import type { RegistryServiceConfig } from './start-registry.js';

/** Default port of the registry simulator. */
export const DEFAULT_REGISTRY_PORT = 8710;

const SCHEMA = {
  host: { type: 'string', env: 'ZZ_REGISTRY_HOST', default: '127.0.0.1' },
  port: { type: 'integer', env: 'ZZ_REGISTRY_PORT', default: DEFAULT_REGISTRY_PORT, min: 0, max: 65535 },
  databaseUrl: { type: 'string', env: 'DATABASE_URL', default: 'sqlite:./data/registry.sqlite' },
  province: { type: 'string', env: 'ZZ_REGISTRY_PROVINCE', default: '44', oneOf: ['11', '31', '33', '44'] },
  seed: { type: 'string', env: 'ZZ_REGISTRY_SEED', default: 'zhengzhao-demo' },
  population: { type: 'integer', env: 'ZZ_REGISTRY_POPULATION', default: 200, min: 0, max: 100_000 },
  withoutCard: { type: 'integer', env: 'ZZ_REGISTRY_WITHOUT_CARD', default: 0, min: 0, max: 100_000 },
  /** Comma-separated. */
  clerkTokens: { type: 'string', env: 'ZZ_REGISTRY_CLERK_TOKENS', required: true },
  /** Comma-separated. */
  issuerTokens: { type: 'string', env: 'ZZ_REGISTRY_ISSUER_TOKENS', default: '' },
  webhookUrl: { type: 'url', env: 'ZZ_REGISTRY_WEBHOOK_URL', protocols: ['http', 'https'] },
  webhookSecret: { type: 'string', env: 'ZZ_REGISTRY_WEBHOOK_SECRET' },
  natsUrl: { type: 'url', env: 'NATS_URL', protocols: ['nats', 'tls'] },
  issuerUrl: { type: 'url', env: 'ZZ_REGISTRY_ISSUER_URL', protocols: ['http', 'https'] },
  logLevel: {
    type: 'string',
    env: 'LOG_LEVEL',
    default: 'info',
    oneOf: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
  },
} as const;

const list = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);

/**
 * The registry's production configuration from a JSON file and the environment (env wins):
 * `ZZ_REGISTRY_HOST`, `ZZ_REGISTRY_PORT`, `DATABASE_URL` (`postgres://…` or `sqlite:<file>`),
 * `ZZ_REGISTRY_PROVINCE`, `ZZ_REGISTRY_SEED`, `ZZ_REGISTRY_POPULATION`, `ZZ_REGISTRY_WITHOUT_CARD`,
 * `ZZ_REGISTRY_CLERK_TOKENS` and `ZZ_REGISTRY_ISSUER_TOKENS` (comma-separated),
 * `ZZ_REGISTRY_WEBHOOK_URL` + `ZZ_REGISTRY_WEBHOOK_SECRET` (one issuer webhook), `NATS_URL`,
 * `ZZ_REGISTRY_ISSUER_URL`, `LOG_LEVEL`. Errors are `ERR_CONFIG_INVALID` naming the key.
 */
export function loadRegistryConfig(options: LoadConfigOptions = {}): RegistryServiceConfig {
  const c = loadConfig(SCHEMA, options);
  if ((c.webhookUrl === undefined) !== (c.webhookSecret === undefined)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'ZZ_REGISTRY_WEBHOOK_URL and ZZ_REGISTRY_WEBHOOK_SECRET go together');
  }
  return {
    host: c.host,
    port: c.port,
    database: { url: c.databaseUrl },
    registry: { province: c.province, seed: c.seed, population: c.population, withoutCard: c.withoutCard },
    clerkTokens: list(c.clerkTokens),
    issuerTokens: list(c.issuerTokens),
    webhooks:
      c.webhookUrl !== undefined && c.webhookSecret !== undefined
        ? [{ name: 'issuer', url: c.webhookUrl, secret: c.webhookSecret }]
        : [],
    ...(c.natsUrl !== undefined ? { natsUrl: c.natsUrl } : {}),
    ...(c.issuerUrl !== undefined ? { issuerUrl: c.issuerUrl } : {}),
    logLevel: c.logLevel,
  };
}
