import type { Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  closeOnSignals,
  createDatabase,
  createFileKeyStore,
  createLogger,
  type GracefulShutdown,
  type KeyStore,
  type Logger,
} from '@zhengzhao/server-kit';
import type { TrustRegistryConfig } from './config.js';
import { createTrustRegistryApp, type TrustRegistryApp } from './create-trust-registry-app.js';
import type { TrustRegistryDatabase } from './db/schema.js';
import { parseAdminTokens } from './modules/admin/admin-auth.js';

export interface StartTrustRegistryOptions {
  readonly platform?: Platform;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Another KeyStore (an HSM) instead of the encrypted files of `keyStoreDir`. */
  readonly keyStore?: KeyStore;
  /** How often `republishIfDue` runs, ms (default one hour; 0: never). */
  readonly republishIntervalMs?: number;
  /** Install SIGINT/SIGTERM handlers (default true). */
  readonly handleSignals?: boolean;
}

/** A running trust registry. */
export interface RunningTrustRegistry {
  readonly app: TrustRegistryApp;
  /** The address it listens on, e.g. `http://127.0.0.1:3400`. */
  readonly url: string;
  /** Graceful shutdown: drain HTTP, close the database. */
  close(): Promise<void>;
}

/**
 * Runs the trust registry for production: PostgreSQL from `databaseUrl` or the SQLite file, the
 * registry keys in the encrypted file key store (generated on first start), then listens and
 * shuts down gracefully on SIGINT/SIGTERM.
 */
export async function startTrustRegistry(
  config: TrustRegistryConfig,
  options: StartTrustRegistryOptions = {},
): Promise<RunningTrustRegistry> {
  const platform = options.platform ?? createNodePlatform();
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger({ name: 'trust-registry', level: config.logLevel as 'info' });
  const database = createDatabase<TrustRegistryDatabase>(
    config.databaseUrl ? { url: config.databaseUrl } : { file: config.sqliteFile },
  );
  try {
    const keyStore =
      options.keyStore ?? createFileKeyStore({ dir: config.keyStoreDir, passphrase: config.keyPassphrase, platform });
    const app = await createTrustRegistryApp({
      database,
      keyStore,
      platform,
      clock,
      logger,
      adminToken: parseAdminTokens(config.adminTokens),
      publicUrl: config.publicUrl,
      listValidityDays: config.listValidityDays,
      relyingPartyCertificateDays: config.relyingPartyCertificateDays,
      ...(options.republishIntervalMs !== undefined ? { republishIntervalMs: options.republishIntervalMs } : {}),
    });
    let url: string;
    try {
      url = await app.listen({ host: config.host, port: config.port });
    } catch (error) {
      await app.close();
      throw error;
    }
    let shutdown: GracefulShutdown | undefined;
    if (options.handleSignals !== false) shutdown = closeOnSignals(app, [() => database.close()]);
    return {
      app,
      url,
      async close() {
        shutdown?.dispose();
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
