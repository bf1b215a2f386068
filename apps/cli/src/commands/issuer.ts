import { loadIssuerConfig, startIssuer } from '@zhengzhao/issuer';
import { type ServeRole, serveRoleCommand } from './serve-role.js';

export const ISSUER_HELP = `zz issuer serve — run a provincial issuing authority (发证机关)

Usage: zz issuer serve [--config <file.json>]

Configuration comes from the JSON file and the environment (the environment wins):
  ZZ_HOST, ZZ_PORT (3100), ZZ_PUBLIC_URL (required), ZZ_PROVINCE (required, e.g. 44),
  DATABASE_URL (PostgreSQL) or ZZ_SQLITE_FILE (./data/issuer.sqlite),
  ZZ_WEBHOOK_SECRET (shared with the registry), ZZ_ADMIN_TOKENS (role:actor:token,…),
  ZZ_KEY_DIR, ZZ_KEY_PASSPHRASE, ZZ_DS_KEY_ID, ZZ_DS_CERTIFICATE (the document signer, from
  'zz keys init'), NATS_URL (consume registry.<province>.events from JetStream), ZZ_LOG_LEVEL.
The API documentation is at /docs; status lists at /status/<shard>.
`;

const role: ServeRole = {
  name: 'issuer',
  help: ISSUER_HELP,
  start: async ({ file, env }) => startIssuer(loadIssuerConfig({ ...(file ? { file } : {}), env })),
};

export const issuerCommand = (args: readonly string[]): Promise<number> => serveRoleCommand(role, args);
