import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  closeOnSignals,
  createDatabase,
  createFileKeyStore,
  createLogger,
  FileMerkleNodeStore,
  type GracefulShutdown,
  type Logger,
} from '@zhengzhao/server-kit';
import { createVerifier } from '@zhengzhao/verifier';
import { createShareApp, type ShareApp } from './create-share-app.js';
import type { ShareDatabase } from './db/schema.js';

export interface StartShareOptions {
  readonly port: number;
  readonly host?: string;
  /** The public URL agencies and wallets use (the `aud` of signed calls); default the listen address. */
  readonly publicUrl?: string;
  /** Where the SQLite file, the access log and the key store live (unless `databaseUrl`). */
  readonly dir: string;
  /** PostgreSQL instead of `<dir>/share.sqlite`. */
  readonly databaseUrl?: string;
  /** Passphrase of the encrypted key store in `<dir>/share-keys`. */
  readonly keyPassphrase: string;
  /** The national root (PEM), the trust-list URL and, optionally, the list as signed now. */
  readonly trust: { readonly nationalRoot: string; readonly trustListUrl: string; readonly trustList?: string };
  readonly platform?: Platform;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  readonly handleSignals?: boolean;
}

export interface RunningShare {
  readonly app: ShareApp;
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Runs the sharing service: its database, the access log in `<dir>/share-log` (a file node store,
 * fsynced on every append, recovered on open), the tree-head key in the encrypted key store, and a
 * verifier on the national trust list refreshed every five minutes. Shuts down gracefully.
 */
export async function startShare(options: StartShareOptions): Promise<RunningShare> {
  const platform = options.platform ?? createNodePlatform();
  const clock = options.clock ?? (() => new Date());
  const logger = options.logger ?? createLogger({ name: 'share' });
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const database = createDatabase<ShareDatabase>(
    options.databaseUrl ? { url: options.databaseUrl } : { file: join(options.dir, 'share.sqlite') },
  );
  const logStore = FileMerkleNodeStore.open({ dir: join(options.dir, 'share-log') });
  try {
    const verifier = createVerifier({ platform, trust: options.trust, clock, fetch: globalThis.fetch });
    const host = options.host ?? '127.0.0.1';
    const app = await createShareApp({
      database,
      keyStore: createFileKeyStore({
        dir: join(options.dir, 'share-keys'),
        passphrase: options.keyPassphrase,
        platform,
      }),
      logStore,
      platform,
      clock,
      verifier,
      publicUrl: options.publicUrl ?? `http://${host}:${options.port}`,
      refreshIntervalSeconds: 300,
      logger,
    });
    if (!options.trust.trustList) await verifier.refresh();
    const url = await app.listen({ host, port: options.port });
    const shutdown: GracefulShutdown | undefined = options.handleSignals === false ? undefined : closeOnSignals(app);
    return {
      app,
      url,
      async close() {
        shutdown?.dispose();
        await app.close();
        logStore.close();
        await database.close();
      },
    };
  } catch (error) {
    logStore.close();
    await database.close();
    throw error;
  }
}
