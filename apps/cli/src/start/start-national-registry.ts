import { join } from 'node:path';
import { type Platform, ZzError } from '@zhengzhao/core';
import { createDatabase, createFileKeyStore, type Logger } from '@zhengzhao/server-kit';
import { createTrustRegistryApp, type TrustRegistryApp, type TrustRegistryDatabase } from '@zhengzhao/trust-registry';

/** The national trust registry of `zz start`, with a small admin client over its HTTP API. */
export interface RunningNationalRegistry {
  readonly url: string;
  readonly app: TrustRegistryApp;
  /** The national root (PEM): all that verifiers and wallets are configured with. */
  readonly rootPem: string;
  /** The URL verifiers and wallets download the signed trust list from. */
  readonly trustListUrl: string;
  /** Calls an admin endpoint (JSON in, JSON out) through the app; returns the status and body. */
  admin(method: 'POST' | 'PUT', path: string, body: unknown): Promise<{ status: number; body: unknown }>;
  /** GET of a public endpoint through the app. */
  get(path: string): Promise<{ status: number; body: string }>;
  /** Closes its database (after `app.close()`, which a graceful shutdown does first). */
  closeDatabase(): Promise<void>;
}

export interface StartNationalRegistryOptions {
  readonly platform: Platform;
  readonly logger: Logger;
  readonly dir: string;
  readonly port: number;
  readonly passphrase: string;
  readonly adminToken: string;
  readonly clock: () => Date;
}

/**
 * Runs the national trust registry (apps/trust-registry) in the `zz start` process: SQLite in
 * `dir/trust-registry.sqlite`, the national root and trust-list signer keys encrypted in
 * `dir/national-keys` (generated on first start), listening on 127.0.0.1.
 */
export async function startNationalRegistry(options: StartNationalRegistryOptions): Promise<RunningNationalRegistry> {
  const { platform, logger, dir, port, adminToken } = options;
  const url = `http://127.0.0.1:${port}`;
  const database = createDatabase<TrustRegistryDatabase>({ file: join(dir, 'trust-registry.sqlite') });
  const keyStore = createFileKeyStore({ dir: join(dir, 'national-keys'), passphrase: options.passphrase, platform });
  const app = await createTrustRegistryApp({
    database,
    keyStore,
    platform,
    clock: options.clock,
    adminToken,
    publicUrl: url,
    logger,
    organization: 'Zhengzhao National Trust Registry (demo)',
  });
  await app.listen({ host: '127.0.0.1', port });
  const get = async (path: string) => {
    const response = await app.inject({ method: 'GET', url: path });
    return { status: response.statusCode, body: response.body };
  };
  const root = await get('/root.pem');
  if (root.status !== 200)
    throw new ZzError('ERR_CONFIG_INVALID', 'The national trust registry did not serve its root certificate');
  return {
    url,
    app,
    rootPem: root.body,
    trustListUrl: `${url}/trust-list`,
    async admin(method, path, body) {
      const response = await app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      return {
        status: response.statusCode,
        body: response.body.length > 0 ? (JSON.parse(response.body) as unknown) : {},
      };
    },
    get,
    closeDatabase: () => database.close(),
  };
}
