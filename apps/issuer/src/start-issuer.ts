import { readFile } from 'node:fs/promises';
import { decodeCertificatePem, decodeCertificatePemChain, type Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import {
  closeOnSignals,
  createDatabase,
  createFileKeyStore,
  createLogger,
  type GracefulShutdown,
  type Logger,
} from '@zhengzhao/server-kit';
import { type IssuerServeConfig, issuerSettingsOf } from './config.js';
import { createIssuerApp, type IssuerApp } from './create-issuer-app.js';
import type { IssuerDatabase } from './db/schema.js';
import { withOid4vci } from './modules/oid4vci/with-oid4vci.js';

export interface StartIssuerOptions {
  readonly platform?: Platform;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Install SIGINT/SIGTERM handlers (default true). */
  readonly handleSignals?: boolean;
}

/** A running issuer. */
export interface RunningIssuer {
  readonly app: IssuerApp;
  /** The address it listens on, e.g. `http://127.0.0.1:3100`. */
  readonly url: string;
  /** Graceful shutdown: drain HTTP, stop consumers, close the database. */
  close(): Promise<void>;
}

function commaList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/**
 * Runs the issuer for production (`zz issuer serve`): PostgreSQL from `databaseUrl` or the
 * SQLite file, the document-signer key from the encrypted file key store, its certificate
 * chain from a PEM file (rotated keys join the same store; the IACA key too when `iacaKeyId` is
 * set), with the OpenID4VCI endpoints, then listens and shuts down gracefully on SIGINT/SIGTERM.
 */
export async function startIssuer(config: IssuerServeConfig, options: StartIssuerOptions = {}): Promise<RunningIssuer> {
  const platform = options.platform ?? createNodePlatform();
  const clock = options.clock ?? (() => new Date());
  const logger =
    options.logger ?? createLogger({ name: `issuer-${config.provinceCode}`, level: config.logLevel as 'info' });
  const database = createDatabase<IssuerDatabase>(
    config.databaseUrl ? { url: config.databaseUrl } : { file: config.sqliteFile },
  );
  try {
    const keyStore = createFileKeyStore({ dir: config.keyStoreDir, passphrase: config.keyPassphrase, platform });
    const certificateChain = decodeCertificatePemChain(await readFile(config.documentSignerCertificate, 'utf8'));
    const { suite } = await keyStore.getKeyInfo(config.documentSignerKeyId);
    const iacaCertificate = config.iacaCertificate
      ? decodeCertificatePem(await readFile(config.iacaCertificate, 'utf8'))
      : undefined;
    const app = await createIssuerApp({
      ...withOid4vci({
        platform,
        clock,
        suite,
        clerkTokens: commaList(config.clerkTokens),
        clerkOrigins: commaList(config.clerkOrigins),
        secretHashKey: config.secretHashKey,
        batchSize: config.batchSize,
      }),
      config: issuerSettingsOf(config),
      database,
      platform,
      clock,
      logger,
      keyStore,
      keyId: config.documentSignerKeyId,
      certificateChain,
      keyRotation: {
        root: {
          ...(iacaCertificate ? { certificate: iacaCertificate } : {}),
          ...(config.iacaKeyId ? { keyId: config.iacaKeyId } : {}),
        },
        validityDays: config.documentSignerValidityDays,
      },
    });
    const url = await app.listen({ host: config.host, port: config.port });
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
