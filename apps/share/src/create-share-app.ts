import { isZzError, type MerkleNodeStore, type Platform, ZzError } from '@zhengzhao/core';
import {
  createHttpApp,
  type Database,
  type HttpApp,
  type KeyStore,
  type Logger,
  migrateToLatest,
  type RateLimitSettings,
  registerPublicCors,
  registerRateLimit,
} from '@zhengzhao/server-kit';
import type { Verifier } from '@zhengzhao/verifier';
import type { ShareContext } from './context.js';
import { SHARE_MIGRATIONS } from './db/migrations.js';
import type { ShareDatabase } from './db/schema.js';
import { createShareAccessLog } from './modules/access-log/create-share-access-log.js';
import { registerAccessLogRoutes } from './modules/access-log/routes.js';
import { registerHolderRoutes } from './modules/holders/routes.js';
import { registerShareRoutes } from './modules/requests/routes.js';
import { createShareService, type ShareService } from './modules/requests/share-service.js';

export const SHARE_VERSION = '0.1.0';
/** KeyStore id of the key that signs the access log's tree heads. */
export const ACCESS_LOG_KEY_ID = 'share-access-log';
/** Default time an unanswered request waits for the holder: one day. */
export const DEFAULT_REQUEST_TTL_MS = 24 * 3600 * 1000;

export interface CreateShareAppOptions {
  /** An open database; migrated here unless `migrate` is false. Not closed by the app. */
  readonly database: Database<ShareDatabase>;
  /** Holds the access log's tree-head key (generated, ES256, on first start). */
  readonly keyStore: KeyStore;
  /** The access log's node store: `FileMerkleNodeStore` in production, memory in tests. Closed by the caller. */
  readonly logStore: MerkleNodeStore & { flush?(): void };
  readonly platform: Platform;
  readonly clock: () => Date;
  /** A verifier SDK instance on the national trust list (authenticates agencies, checks releases). */
  readonly verifier: Verifier;
  /** Public base URL, e.g. `https://share.zhengzhao.example`: the `aud` of every signed call. */
  readonly publicUrl: string;
  readonly requestTtlMs?: number;
  /** Agency calls (requests and retrievals) per client address; default 600 a minute. */
  readonly agencyRateLimit?: RateLimitSettings;
  /** Wallet registrations (`POST /holders`) per client address; default 10 a minute. */
  readonly registrationRateLimit?: RateLimitSettings;
  /** How often the verifier re-downloads the trust list and status lists (0: never, the default). */
  readonly refreshIntervalSeconds?: number;
  readonly logger?: Logger;
  readonly migrate?: boolean;
}

export type ShareApp = HttpApp & { readonly share: { readonly context: ShareContext; readonly service: ShareService } };

/**
 * The e-licence sharing service (文件调用, Zhengzhao issue 7 §2–3): agencies registered with the
 * national trust registry ask for a holder's licence for their registered purpose; the holder
 * consents in the wallet (once or standing, revocable) and releases only what was consented; the
 * agency retrieves it once per request; every step goes into a Merkle access log whose signed
 * heads and proofs let the holder check it. Routes: see `registerShareRoutes`,
 * `registerHolderRoutes`, `registerAccessLogRoutes`; plus `/healthz`, `/readyz`, `/docs`.
 */
export async function createShareApp(options: CreateShareAppOptions): Promise<ShareApp> {
  const { database, platform, clock } = options;
  if (typeof options.publicUrl !== 'string' || !URL.canParse(options.publicUrl)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'publicUrl must be a URL');
  }
  if (options.migrate !== false) await migrateToLatest(database, SHARE_MIGRATIONS);
  const keyInfo =
    (await options.keyStore.listKeys()).find((key) => key.keyId === ACCESS_LOG_KEY_ID) ??
    (await options.keyStore.generateKey(ACCESS_LOG_KEY_ID, 'ES256'));
  const log = createShareAccessLog({
    store: options.logStore,
    signer: await options.keyStore.getSigner(ACCESS_LOG_KEY_ID),
    logId: new URL('/log', options.publicUrl).toString(),
    clock,
    db: database.db,
  });
  const context: ShareContext = {
    db: database.db,
    platform,
    clock,
    verifier: options.verifier,
    log,
    publicUrl: options.publicUrl,
    requestTtlMs: options.requestTtlMs ?? DEFAULT_REQUEST_TTL_MS,
  };
  const service = createShareService(context);
  const app = await createHttpApp({
    name: 'share',
    version: SHARE_VERSION,
    bodyLimit: 8 * 1024 * 1024,
    ...(options.logger ? { logger: options.logger } : {}),
    openapi: {
      title: 'Zhengzhao e-licence sharing service',
      description: 'Consented document retrieval (文件调用) with a Merkle access log the holder can check.',
    },
  });
  app.readiness.add('database', () => database.ping());
  // the wallet (a web app on another origin) calls the holder and log routes; agencies call
  // from their back offices, so their routes stay same-origin
  registerPublicCors(app, { isPrivate: (path) => path.startsWith('/agency') || path.startsWith('/docs') });
  await registerRateLimit(app);
  registerHolderRoutes(app, context, options.registrationRateLimit ?? { max: 10, windowMs: 60_000 });
  registerShareRoutes(app, context, service, options.agencyRateLimit ?? { max: 600, windowMs: 60_000 });
  registerAccessLogRoutes(app, context, keyInfo);
  app.decorate('share', { context, service });
  const refreshMs = (options.refreshIntervalSeconds ?? 0) * 1000;
  const refresher =
    refreshMs > 0
      ? setInterval(() => {
          options.verifier.refresh().catch((error: unknown) => {
            app.log.warn({ code: isZzError(error) ? error.code : 'internal' }, 'trust refresh failed');
          });
        }, refreshMs)
      : undefined;
  refresher?.unref();
  app.addHook('onClose', async () => {
    if (refresher) clearInterval(refresher);
  });
  return app as ShareApp;
}
