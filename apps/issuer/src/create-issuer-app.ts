import { type Platform, RESIDENT_ID_TYPE_ID, type Signer, ZzError } from '@zhengzhao/core';
import {
  connectNats,
  createHttpApp,
  type Database,
  type DatabaseMigration,
  type HttpApp,
  type KeyStore,
  type Logger,
  migrateToLatest,
  type NatsConnection,
  registerPublicCors,
} from '@zhengzhao/server-kit';
import { DEFAULT_STATUS_SHARD_SIZE, type IssuerSettings } from './config.js';
import type { IssuerContext } from './context.js';
import { ISSUER_MIGRATIONS } from './db/migrations.js';
import type { IssuerDatabase } from './db/schema.js';
import { createAdminAuthenticator } from './modules/admin/admin-auth.js';
import { createLifecycleService, type LifecycleService } from './modules/admin/lifecycle-service.js';
import { registerAdminRoutes } from './modules/admin/routes.js';
import { credentialProfileFor } from './modules/credentials/credential-profiles.js';
import { createIssuanceService } from './modules/credentials/issuance-service.js';
import { createEventIntake, type EventIntake } from './modules/events/event-intake.js';
import { EventProcessor } from './modules/events/event-processor.js';
import {
  DEFAULT_REGISTRY_STREAM,
  type RegistryNatsConsumer,
  registryEventSubject,
  startRegistryNatsConsumer,
} from './modules/events/registry-nats-consumer.js';
import { registerRegistryEventRoutes } from './modules/events/routes.js';
import { KeyRing, type KeyRotationOptions } from './modules/keys/key-ring.js';
import { KEY_MIGRATIONS } from './modules/keys/migrations.js';
import { RotatingStatusListPublisher } from './modules/keys/rotating-status-list-publisher.js';
import { registerKeyRoutes } from './modules/keys/routes.js';
import { createPaperCardService } from './modules/paper/paper-card-service.js';
import { createPersonDirectory } from './modules/persons/create-person-directory.js';
import type { CredentialProfile, IssuanceService, PaperCardPrinter, PersonDirectory } from './modules/ports.js';
import { registerStatusRoutes } from './modules/status/routes.js';
import type { StatusListPublisher } from './modules/status/status-list-publisher.js';
import { StatusLists } from './modules/status/status-lists.js';
import { registerWalletRoutes } from './modules/wallets/routes.js';
import { createIssuerSigning, type IssuerSigning } from './signing.js';

/** Version reported by `/healthz` and the OpenAPI document. */
export const ISSUER_VERSION = '0.1.0';

/** Where the document-signer key comes from: ready signing material, a signer, or a key store. */
export type IssuerKeySource =
  | { readonly signing: IssuerSigning }
  | { readonly signer: Signer; readonly certificateChain: readonly Uint8Array[] }
  | { readonly keyStore: KeyStore; readonly keyId: string; readonly certificateChain: readonly Uint8Array[] };

export type CreateIssuerAppOptions = IssuerKeySource & {
  readonly config: IssuerSettings;
  /** An open database (`createDatabase`); migrated here unless `migrate` is false. Not closed by the app. */
  readonly database: Database<IssuerDatabase>;
  readonly platform: Platform;
  readonly clock: () => Date;
  readonly logger?: Logger;
  /** Default true. */
  readonly migrate?: boolean;
  /**
   * More migrations run together with {@link ISSUER_MIGRATIONS} (the OpenID4VCI tables): one
   * Kysely migrator must know every applied migration, so all sets go into one run.
   */
  readonly extraMigrations?: Readonly<Record<string, DatabaseMigration>>;
  /** Registers more routes on the same app (the OpenID4VCI module) with the issuer's services. */
  readonly extraRoutes?: (app: HttpApp, services: IssuerServices) => Promise<void> | void;
  /**
   * Document-signer rotation: the KeyStore for new keys (default: the key source's store), the
   * IACA root (certificate, and its key id in the store to certify new keys here). See `KeyRing`.
   */
  readonly keyRotation?: KeyRotationOptions;
};

/** The services behind the routes, for the OpenID4VCI module, tests and tools. */
export interface IssuerServices {
  readonly context: IssuerContext;
  readonly settings: IssuerSettings;
  readonly personDirectory: PersonDirectory;
  readonly issuance: IssuanceService;
  /** What the issuer issues: its credential type and configurations. */
  readonly profile: CredentialProfile;
  /** Paper credentials as signed layout documents (ADR 0010); e-ID issuers only. */
  readonly paperCards?: PaperCardPrinter;
  readonly lifecycle: LifecycleService;
  readonly intake: EventIntake;
  readonly processor: EventProcessor;
  readonly publisher: StatusListPublisher;
  readonly lists: StatusLists;
  /** The document-signer keys: `keys.current()` signs; `keys.rotate(…)` switches (P2 §7). */
  readonly keys: KeyRing;
  /** `<publicBaseUrl>/status/<shardId>`. */
  readonly statusUriOf: (shardId: number) => string;
  /** The NATS consumer when `config.nats` is set. */
  readonly natsConsumer?: RegistryNatsConsumer;
}

/** The issuer's HTTP app, with its services attached. */
export type IssuerApp = HttpApp & { readonly issuer: IssuerServices };

async function resolveSigning(options: CreateIssuerAppOptions): Promise<IssuerSigning> {
  if ('signing' in options) return options.signing;
  if ('signer' in options) return createIssuerSigning(options.platform, options.signer, options.certificateChain);
  if ('keyStore' in options) {
    const signer = await options.keyStore.getSigner(options.keyId);
    return createIssuerSigning(options.platform, signer, options.certificateChain);
  }
  throw new ZzError('ERR_CONFIG_INVALID', 'The issuer needs signing, signer + certificateChain, or keyStore + keyId');
}

/**
 * Creates the provincial issuer's HTTP app (lifecycle half; the OpenID4VCI routes join through
 * `extraRoutes`):
 * - `POST /events/registry` — HMAC-signed registry webhook into the persisted inbox;
 * - `GET /status/:shard` — Token Status List JWT / CWT with ETag and Cache-Control;
 * - `GET /wallets/:walletId/notifications` — what a wallet learns at its next sync;
 * - `POST /admin/persons/:personId/{suspend,resume,revoke}`, `POST /admin/wallets/:walletId/{suspend,resume}`,
 *   `GET /admin/audit` — bearer-token roles, audited;
 * - `GET /certificates`, `POST /admin/keys/rotate` — document-signer key ring (`KeyRing`);
 * - `/healthz`, `/readyz` (database, and NATS when used), OpenAPI at `/docs`.
 * On start it migrates, rebuilds the status lists from the database, applies events left pending
 * by a crash, and starts the NATS consumer and the periodic inbox sweep; `app.close()` stops them.
 */
export async function createIssuerApp(options: CreateIssuerAppOptions): Promise<IssuerApp> {
  const { config: settings, database, platform, clock } = options;
  if (!/^\d{2}$/.test(settings.provinceCode))
    throw new ZzError('ERR_CONFIG_INVALID', 'provinceCode must be two digits');
  if (!URL.canParse(settings.publicBaseUrl)) throw new ZzError('ERR_CONFIG_INVALID', 'publicBaseUrl must be a URL');
  if (typeof settings.webhookSecret !== 'string' || new TextEncoder().encode(settings.webhookSecret).length < 16) {
    throw new ZzError('ERR_CONFIG_INVALID', 'webhookSecret must be at least 16 bytes');
  }
  if (options.migrate !== false) {
    await migrateToLatest(database, { ...ISSUER_MIGRATIONS, ...KEY_MIGRATIONS, ...options.extraMigrations });
  }
  const initialSigning = await resolveSigning(options);
  const base = settings.publicBaseUrl.replace(/\/+$/, '');
  const statusUriOf = (shardId: number) => `${base}/status/${shardId}`;
  const lists = new StatusLists();
  await lists.load(database.db);
  let publisher: RotatingStatusListPublisher | undefined;
  const keyStore = options.keyRotation?.keyStore ?? ('keyStore' in options ? options.keyStore : undefined);
  const keys = await KeyRing.open({
    ...options.keyRotation,
    ...(keyStore ? { keyStore } : {}),
    db: database.db,
    platform,
    clock,
    initial: initialSigning,
    ...('keyStore' in options ? { initialKeyId: options.keyId } : {}),
    onRotated: () => publisher?.afterRotation(),
  });
  const context: IssuerContext = {
    db: database.db,
    dialect: database.dialect,
    lists,
    clock,
    random: (length) => platform.randomBytes(length),
  };

  const app = await createHttpApp({
    name: `issuer-${settings.provinceCode}`,
    version: ISSUER_VERSION,
    ...(options.logger ? { logger: options.logger } : {}),
    openapi: {
      title: `Zhengzhao issuing authority (province ${settings.provinceCode})`,
      description: 'Registry events, credential lifecycle, Token Status Lists and administration.',
    },
  });
  const logger = app.log as Logger;
  app.readiness.add('database', () => database.ping());
  // web wallets and counter apps on other origins call the protocol endpoints and status lists
  registerPublicCors(app, { isPrivate: isPrivateIssuerPath });

  const processor = new EventProcessor(context, logger);
  const intake = createEventIntake({ context, processor, provinceCode: settings.provinceCode });
  publisher = new RotatingStatusListPublisher({
    platform,
    signing: () => keys.current(),
    lists,
    clock,
    ttlSeconds: settings.statusListTtlSeconds ?? 300,
    lifetimeSeconds: settings.statusListLifetimeSeconds ?? 86_400,
  });
  const profile = credentialProfileFor(settings.credentialType);
  const authorityName = settings.authorityName ?? {
    'zh-CN': `发证机关（${settings.provinceCode}）`,
    en: `Issuing authority (${settings.provinceCode})`,
  };
  const issuance = createIssuanceService({
    context,
    platform,
    signing: () => keys.current(),
    credentialIssuer: base,
    provinceCode: settings.provinceCode,
    profile,
    authorityName: authorityName['zh-CN'],
    shardSize: settings.statusShardSize ?? DEFAULT_STATUS_SHARD_SIZE,
    statusUriOf,
    ...(settings.credentialValidityDays !== undefined ? { validityDays: settings.credentialValidityDays } : {}),
    ...(settings.ageQrValidityHours !== undefined ? { ageQrValidityHours: settings.ageQrValidityHours } : {}),
    ...(settings.maxBatchCopies !== undefined ? { maxCopies: settings.maxBatchCopies } : {}),
    ...(settings.sdJwtDecoys !== undefined ? { sdJwtDecoys: settings.sdJwtDecoys } : {}),
  });
  const paperCards = createPaperCardService({
    context,
    platform,
    signing: () => keys.current(),
    issuerName: authorityName,
    provinceCode: settings.provinceCode,
    shardSize: settings.statusShardSize ?? DEFAULT_STATUS_SHARD_SIZE,
    statusUriOf,
  });
  const lifecycle = createLifecycleService(context);
  const authenticator = createAdminAuthenticator(settings.adminTokens ?? []);

  await registerRegistryEventRoutes(app, {
    intake,
    webhookSecret: settings.webhookSecret,
    toleranceSeconds: settings.webhookToleranceSeconds ?? 300,
    bodyLimit: settings.eventBodyLimit ?? 96 * 1024,
    clock,
  });
  registerStatusRoutes(app, publisher, lists, database.db);
  registerWalletRoutes(app, context);
  await registerAdminRoutes(app, { context, lifecycle, authenticator });
  await registerKeyRoutes(app, { context, keys, authenticator });

  let nc: NatsConnection | undefined;
  let natsConsumer: RegistryNatsConsumer | undefined;
  if (settings.nats) {
    nc = await connectNats(settings.nats.url, { name: `issuer-${settings.provinceCode}` });
    const connection = nc;
    natsConsumer = await startRegistryNatsConsumer({
      nc: connection,
      intake,
      stream: settings.nats.stream ?? DEFAULT_REGISTRY_STREAM,
      subject: settings.nats.subject ?? registryEventSubject(settings.provinceCode),
      durable: settings.nats.durable ?? `issuer-${settings.provinceCode}`,
      logger,
    });
    app.readiness.add('nats', () => {
      if (connection.isClosed()) throw new ZzError('ERR_NATS_UNAVAILABLE');
    });
  }

  const services: IssuerServices = {
    context,
    settings,
    personDirectory: createPersonDirectory(database.db),
    issuance,
    profile,
    ...(profile.typeId === RESIDENT_ID_TYPE_ID ? { paperCards } : {}),
    lifecycle,
    intake,
    processor,
    publisher,
    lists,
    keys,
    statusUriOf,
    ...(natsConsumer ? { natsConsumer } : {}),
  };
  app.decorate('issuer', services);
  if (options.extraRoutes) await options.extraRoutes(app, services);

  // recovery: events committed to the inbox but not applied before a crash
  await processor.processAllPending();
  const sweepMs = settings.sweepIntervalMs ?? 5_000;
  let sweeping = false;
  const timer =
    sweepMs > 0
      ? setInterval(() => {
          if (sweeping) return;
          sweeping = true;
          void processor.processAllPending().finally(() => {
            sweeping = false;
          });
        }, sweepMs)
      : undefined;
  timer?.unref();

  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await natsConsumer?.stop();
    await nc?.drain().catch(() => {});
    await processor.idle();
  });
  return app as IssuerApp;
}

/** Same-origin only: administration, registry webhooks, the clerk-only route (own CORS) and /docs. */
function isPrivateIssuerPath(path: string): boolean {
  return (
    path.startsWith('/admin') ||
    path.startsWith('/events') ||
    path.startsWith('/docs') ||
    path.endsWith('/activation/codes')
  );
}
