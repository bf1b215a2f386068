import { randomBytes } from 'node:crypto';
import {
  closeOnSignals,
  connectNats,
  createDatabase,
  createLogger,
  type DatabaseOptions,
  type GracefulShutdown,
  type Logger,
  type NatsConnection,
} from '@zhengzhao/server-kit';
import type { RegistryClock } from '../create-registry.js';
import { createRegistryApp, type RegistryApp } from '../http/create-registry-app.js';
import type { RegistryDatabase } from '../sql/registry-tables.js';
import type { WebhookTarget } from './create-webhook-sender.js';
import type { PopulationConfig } from './seed-population.js';

/** Everything a production registry needs (see `loadRegistryConfig` for the file/env form). */
export interface RegistryServiceConfig {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly database: DatabaseOptions;
  readonly registry: PopulationConfig;
  readonly clerkTokens: readonly string[];
  readonly issuerTokens?: readonly string[];
  readonly webhooks?: readonly WebhookTarget[];
  /** `nats://…`: also publish to JetStream `registry.<province>.events`. */
  readonly natsUrl?: string;
  readonly issuerUrl?: string;
  readonly logLevel?: string;
}

export interface StartRegistryOptions {
  /** Install SIGINT/SIGTERM handlers for a graceful shutdown (default true; tests pass false). */
  readonly signals?: boolean;
  readonly logger?: Logger;
  /** Default: the system clock (the only place it is read). */
  readonly clock?: RegistryClock;
}

export interface RunningRegistry {
  /** `http://host:port` it listens on. */
  readonly url: string;
  readonly app: RegistryApp;
  /** Stops HTTP, delivery, NATS and the database, in that order. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts the registry for production (`zz registry serve`): opens the database, migrates and
 * seeds, connects NATS if configured, listens, starts delivery, and (by default) shuts down
 * gracefully on SIGINT/SIGTERM.
 */
export async function startRegistry(
  config: RegistryServiceConfig,
  options: StartRegistryOptions = {},
): Promise<RunningRegistry> {
  const logger =
    options.logger ??
    createLogger({
      name: 'registry',
      level: (config.logLevel ?? 'info') as Parameters<typeof createLogger>[0]['level'],
    });
  const database = createDatabase<RegistryDatabase>(config.database);
  let nc: NatsConnection | undefined;
  let app: RegistryApp | undefined;
  try {
    if (config.natsUrl) nc = await connectNats(config.natsUrl, { name: 'registry' });
    app = await createRegistryApp({
      database,
      registry: config.registry,
      clock: options.clock ?? { now: () => new Date() },
      random: (length) => new Uint8Array(randomBytes(length)),
      logger,
      clerkTokens: config.clerkTokens,
      ...(config.issuerTokens ? { issuerTokens: config.issuerTokens } : {}),
      ...(config.webhooks ? { webhooks: config.webhooks } : {}),
      ...(nc ? { nats: { nc } } : {}),
      ...(config.issuerUrl ? { issuerUrl: config.issuerUrl } : {}),
    });
    const url = await app.listen({ host: config.host ?? '127.0.0.1', port: config.port });
    const running = app;
    const closers = [async () => nc?.drain(), () => database.close()];
    let shutdown: GracefulShutdown | undefined;
    if (options.signals !== false) shutdown = closeOnSignals(running, closers);
    let closed: Promise<void> | undefined;
    logger.info({ url, seeded: running.registryService.seeded }, 'registry listening');
    return {
      url,
      app: running,
      close() {
        closed ??= (async () => {
          shutdown?.dispose();
          await running.close();
          for (const close of closers) await close();
        })();
        return closed;
      },
    };
  } catch (error) {
    await app?.close().catch(() => {});
    await nc?.drain().catch(() => {});
    await database.close();
    throw error;
  }
}
