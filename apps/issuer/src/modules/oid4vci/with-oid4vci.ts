import type { Platform, SuiteId } from '@zhengzhao/core';
import type { Kysely } from 'kysely';
import type { CreateIssuerAppOptions } from '../../create-issuer-app.js';
import { createWalletControl } from '../wallets/wallet-control.js';
import { oid4vciMigrations } from './migrations.js';
import { registerOid4vciRoutes } from './routes.js';
import type { Oid4vciDatabase } from './tables.js';

export interface WithOid4vciOptions {
  readonly platform: Platform;
  readonly clock: () => Date;
  /** The document signer's suite: the only proof algorithm accepted for device keys. */
  readonly suite: SuiteId;
  /** Bearer tokens of the registry clerks who create activation codes. */
  readonly clerkTokens: readonly string[];
  /** Origins of the clerk pages allowed to call the issuer from a browser. */
  readonly clerkOrigins?: readonly string[];
  /** HMAC key for the secrets kept at rest (codes, tokens, nonces). */
  readonly secretHashKey: string;
  /** Copies per credential request (OpenID4VCI batch size); default 10. */
  readonly batchSize?: number;
}

/**
 * The pieces `createIssuerApp` needs to serve OpenID4VCI: the module's migrations, run in the
 * same migration pass as the lifecycle tables, and its routes, bound to the lifecycle side's
 * PersonDirectory, IssuanceService and WalletControl (ports.ts).
 */
export function withOid4vci(
  options: WithOid4vciOptions,
): Required<Pick<CreateIssuerAppOptions, 'extraMigrations' | 'extraRoutes'>> {
  return {
    extraMigrations: oid4vciMigrations,
    extraRoutes: (app, services) =>
      registerOid4vciRoutes(app, {
        config: {
          credentialIssuer: services.settings.publicBaseUrl,
          suite: options.suite,
          clerkTokens: options.clerkTokens,
          ...(options.clerkOrigins ? { clerkOrigins: options.clerkOrigins } : {}),
          secretHashKey: options.secretHashKey,
          profile: services.profile,
          ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        },
        // the same connection, seen with this module's tables
        database: { db: services.context.db as unknown as Kysely<Oid4vciDatabase> },
        persons: services.personDirectory,
        issuance: services.issuance,
        ...(services.paperCards ? { paperCards: services.paperCards } : {}),
        wallets: createWalletControl(services.context),
        clock: options.clock,
        random: (length) => options.platform.randomBytes(length),
        platform: options.platform,
      }),
  };
}
