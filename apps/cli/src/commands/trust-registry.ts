import { loadTrustRegistryConfig, startTrustRegistry } from '@zhengzhao/trust-registry';
import { type ServeRole, serveRoleCommand } from './serve-role.js';

export const TRUST_REGISTRY_HELP = `zz trust-registry serve — run the national trust registry (国家证照信任注册中心)

Usage: zz trust-registry serve [--config <file.json>]

Configuration comes from the JSON file and the environment (the environment wins):
  ZZ_HOST (127.0.0.1), ZZ_PORT (3400), ZZ_PUBLIC_URL (required),
  DATABASE_URL (PostgreSQL) or ZZ_SQLITE_FILE (./data/trust-registry.sqlite),
  ZZ_KEY_DIR (./data/trust-registry-keys) and ZZ_KEY_PASSPHRASE (required): the national root and
  trust-list signer keys, generated on first start and encrypted at rest,
  ZZ_ADMIN_TOKENS (actor:token,…; required), ZZ_TRUST_LIST_DAYS (7), ZZ_RP_CERTIFICATE_DAYS (365),
  ZZ_LOG_LEVEL.
Verifiers and wallets pin /root.pem and download the signed list from /trust-list (JWS; COSE with
Accept: application/zz-trust-list+cose). The API documentation is at /docs.
`;

const role: ServeRole = {
  name: 'trust-registry',
  help: TRUST_REGISTRY_HELP,
  start: async ({ file, env }) => startTrustRegistry(loadTrustRegistryConfig({ ...(file ? { file } : {}), env })),
};

export const trustRegistryCommand = (args: readonly string[]): Promise<number> => serveRoleCommand(role, args);
