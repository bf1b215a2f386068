import { ZzError } from '@zhengzhao/core';
import { createHttpApp, type HttpApp, type Logger, migrateToLatest, type NatsConnection } from '@zhengzhao/server-kit';
import type { PersonData } from '../citizen.js';
import { createRegistry, type RandomBytes, type Registry, type RegistryClock } from '../create-registry.js';
import type { BackoffOptions } from '../outbox-dispatcher.js';
import { createDeliveryLoop, type DeliveryLoop, type DeliveryTarget } from '../service/create-delivery-loop.js';
import { createNatsEventPublisher } from '../service/create-nats-event-publisher.js';
import { createWebhookSender, type WebhookTarget } from '../service/create-webhook-sender.js';
import { type PopulationConfig, seedPopulation } from '../service/seed-population.js';
import {
  createSqlRegistryStore,
  type RegistryDatabaseHandle,
  type SqlRegistryStore,
} from '../sql/create-sql-registry-store.js';
import { registryMigrations } from '../sql/registry-migrations.js';
import { type OtherIssuer, registerClerkPageRoutes } from './clerk-page-routes.js';
import { registerEventRoutes } from './event-routes.js';
import { registerPersonRoutes } from './person-routes.js';
import { createRegistryAuth } from './registry-auth.js';

/** Largest request body: the API's bodies are a few hundred bytes. */
export const REGISTRY_BODY_LIMIT = 16 * 1024;

export interface CreateRegistryAppOptions {
  /** An open database (`createDatabase<RegistryDatabase>`); migrated here with `registryMigrations`. */
  readonly database: RegistryDatabaseHandle & { ping?(): Promise<void> };
  /** The province, the seed and the size of the synthetic population seeded on first start. */
  readonly registry: PopulationConfig;
  readonly clock: RegistryClock;
  readonly random: RandomBytes;
  readonly logger?: Logger;
  /** Bearer tokens of the clerks (the person API and its page). */
  readonly clerkTokens: readonly string[];
  /** Bearer tokens of the issuers (the `/events` feed). */
  readonly issuerTokens?: readonly string[];
  /** Issuer webhooks the outbox is pushed to (signed `ZZ-Signature`). */
  readonly webhooks?: readonly WebhookTarget[];
  /** When given, events are also published to JetStream (`registry.<province>.events`). */
  readonly nats?: { readonly nc: NatsConnection; readonly streamName?: string; readonly subject?: string };
  /** The issuer's base URL for the activation-code box of the clerk page (hidden without it). */
  readonly issuerUrl?: string;
  /** Other authorities of the province that follow the same records (the clerk asks them for activation codes too). */
  readonly otherIssuers?: readonly OtherIssuer[];
  readonly delivery?: {
    /** Start the background loop when the app is ready (default true). */
    readonly autoStart?: boolean;
    readonly intervalMs?: number;
    readonly maxAttempts?: number;
    readonly backoff?: BackoffOptions;
    readonly webhookTimeoutMs?: number;
  };
  /** Portrait source (default: the synthetic `generatePortrait`); tests pass a stub for speed. */
  readonly portraitOf?: (person: PersonData) => Uint8Array | Promise<Uint8Array>;
  readonly version?: string;
}

/** What the registry app carries besides Fastify: the domain service, its store and delivery. */
export interface RegistryServiceParts {
  readonly registry: Registry;
  readonly store: SqlRegistryStore;
  readonly delivery: DeliveryLoop;
  /** How many persons this start seeded (0 on later starts). */
  readonly seeded: number;
  /** The NATS subject events are published on, when NATS is configured. */
  readonly natsSubject?: string;
}

export type RegistryApp = HttpApp & { readonly registryService: RegistryServiceParts };

/**
 * The population-registry simulator as an HTTP service (server-kit app): migrations, the seeded
 * population, the clerk API and page, the issuers' event feed, and background delivery of the
 * outbox to webhooks and JetStream (started when the app is ready, stopped on close).
 *
 * Routes: `GET /` (clerk page), `GET /persons?q=`, `GET /persons/:id`, `GET /persons/:id/portrait`,
 * `POST /persons/:id/{card,address,name,renew,lost,cancel}` (clerk token), `GET /events` (issuer
 * token), plus server-kit's `/healthz`, `/readyz`, `/docs`.
 */
export async function createRegistryApp(options: CreateRegistryAppOptions): Promise<RegistryApp> {
  const { database, clock, random } = options;
  const auth = createRegistryAuth({ clerk: options.clerkTokens, issuer: options.issuerTokens ?? [] });
  await migrateToLatest(database, registryMigrations);
  const store = createSqlRegistryStore(database);
  const registry = createRegistry({
    store,
    clock,
    random,
    maxConflictRetries: 5,
    ...(options.portraitOf ? { portraitOf: options.portraitOf } : {}),
  });
  const seeded = await seedPopulation(registry, store, options.registry);

  const controller = new AbortController();
  const targets: DeliveryTarget[] = (options.webhooks ?? []).map((hook) => {
    if (!/^[a-z0-9_-]{1,40}$/.test(hook.name))
      throw new ZzError('ERR_CONFIG_INVALID', 'webhook name must be 1–40 of [a-z0-9_-]');
    return {
      consumer: `webhook:${hook.name}`,
      send: createWebhookSender({
        ...hook,
        clock,
        signal: controller.signal,
        ...(options.delivery?.webhookTimeoutMs ? { timeoutMs: options.delivery.webhookTimeoutMs } : {}),
      }),
    };
  });
  let natsSubject: string | undefined;
  if (options.nats) {
    const publisher = await createNatsEventPublisher({
      nc: options.nats.nc,
      province: options.registry.province,
      ...(options.nats.streamName ? { streamName: options.nats.streamName } : {}),
      ...(options.nats.subject ? { subject: options.nats.subject } : {}),
    });
    natsSubject = publisher.subject;
    targets.push({ consumer: 'nats', send: (event) => publisher.send(event) });
  }

  const app = await createHttpApp({
    name: 'registry',
    version: options.version ?? '0.1.0',
    bodyLimit: REGISTRY_BODY_LIMIT,
    openapi: {
      title: 'Zhengzhao population-registry simulator',
      description:
        'Synthetic citizens and physical-card operations. Clerk endpoints need `Authorization: Bearer <clerk token>`; `/events` needs an issuer token.',
    },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const delivery = createDeliveryLoop({
    store,
    targets,
    logger: app.log as Logger,
    ...(options.delivery?.intervalMs ? { intervalMs: options.delivery.intervalMs } : {}),
    ...(options.delivery?.maxAttempts ? { maxAttempts: options.delivery.maxAttempts } : {}),
    ...(options.delivery?.backoff ? { backoff: options.delivery.backoff } : {}),
  });
  const parts: RegistryServiceParts = { registry, store, delivery, seeded, ...(natsSubject ? { natsSubject } : {}) };
  app.decorate('registryService', parts);

  if (database.ping) {
    const ping = database.ping;
    app.readiness.add('database', () => ping());
  }
  if (options.nats) {
    const nc = options.nats.nc;
    app.readiness.add('nats', () => {
      if (nc.isClosed()) throw new Error('closed');
    });
  }
  if (options.delivery?.autoStart !== false) app.addHook('onReady', async () => delivery.start());
  app.addHook('onClose', async () => {
    controller.abort();
    await delivery.stop();
  });

  registerClerkPageRoutes(app, {
    province: options.registry.province,
    ...(options.issuerUrl ? { issuerUrl: options.issuerUrl } : {}),
    otherIssuers: options.otherIssuers ?? [],
  });
  registerPersonRoutes(app, { registry, store, auth, onEvent: () => delivery.kick() });
  registerEventRoutes(app, { store, auth });
  return app as RegistryApp;
}
