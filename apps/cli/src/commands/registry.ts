import { loadRegistryConfig, startRegistry } from '@zhengzhao/registry';
import { type ServeRole, serveRoleCommand } from './serve-role.js';

export const REGISTRY_HELP = `zz registry serve — run the population-registry simulator (人口库模拟)

Usage: zz registry serve [--config <file.json>]

Configuration comes from the JSON file and the environment (the environment wins):
  ZZ_REGISTRY_HOST, ZZ_REGISTRY_PORT (8710), DATABASE_URL (postgres://… or sqlite:<file>),
  ZZ_REGISTRY_PROVINCE, ZZ_REGISTRY_SEED, ZZ_REGISTRY_POPULATION, ZZ_REGISTRY_WITHOUT_CARD,
  ZZ_REGISTRY_CLERK_TOKENS and ZZ_REGISTRY_ISSUER_TOKENS (comma-separated bearer tokens),
  ZZ_REGISTRY_WEBHOOK_URL with ZZ_REGISTRY_WEBHOOK_SECRET (an issuer's /events/registry),
  NATS_URL (also publish to JetStream registry.<province>.events), ZZ_REGISTRY_ISSUER_URL, LOG_LEVEL.
The clerk page is at / ; the API documentation at /docs.
`;

const role: ServeRole = {
  name: 'registry',
  help: REGISTRY_HELP,
  start: async ({ file, env }) => startRegistry(loadRegistryConfig({ ...(file ? { file } : {}), env })),
};

export const registryCommand = (args: readonly string[]): Promise<number> => serveRoleCommand(role, args);
