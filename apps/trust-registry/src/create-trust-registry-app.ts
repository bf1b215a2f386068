import { type Platform, ZzError } from '@zhengzhao/core';
import {
  createHttpApp,
  type Database,
  type HttpApp,
  type KeyStore,
  type Logger,
  migrateToLatest,
  registerPublicCors,
} from '@zhengzhao/server-kit';
import type { FastifyInstance } from 'fastify';
import type { RegistryContext } from './context.js';
import { TRUST_REGISTRY_MIGRATIONS } from './db/migrations.js';
import type { TrustRegistryDatabase } from './db/schema.js';
import { registerTrustRegistryErrors } from './errors.js';
import { type AdminToken, adminTokensOf, createAdminAuthenticator } from './modules/admin/admin-auth.js';
import { registerAdminScope } from './modules/admin/admin-scope.js';
import { registerAuditRoutes } from './modules/audit/routes.js';
import { type AuthorityService, createAuthorityService } from './modules/authorities/authority-service.js';
import { registerAuthorityAdminRoutes, registerAuthorityRoutes } from './modules/authorities/routes.js';
import { registerCatalogAdminRoutes, registerCatalogRoutes } from './modules/catalog/routes.js';
import { registerDiscoveryRoutes } from './modules/keys/discovery-routes.js';
import { RegistryKeys } from './modules/keys/registry-keys.js';
import { registerRootRoutes } from './modules/keys/routes.js';
import {
  registerRegistrationProfileAdminRoutes,
  registerRegistrationProfileRoutes,
} from './modules/registration-profiles/routes.js';
import {
  createRelyingPartyService,
  type RelyingPartyService,
} from './modules/relying-parties/relying-party-service.js';
import { registerRelyingPartyAdminRoutes, registerRelyingPartyRoutes } from './modules/relying-parties/routes.js';
import { registerTrustListRoutes } from './modules/trust-list/routes.js';
import { TrustListPublisher } from './modules/trust-list/trust-list-publisher.js';

/** Version reported by `/healthz` and the OpenAPI document. */
export const TRUST_REGISTRY_VERSION = '0.1.0';
/** Default interval of the `republishIfDue` check: one hour. */
export const DEFAULT_REPUBLISH_INTERVAL_MS = 3_600_000;

export interface CreateTrustRegistryAppOptions {
  /** An open database (`createDatabase`); migrated here unless `migrate` is false. Not closed by the app. */
  readonly database: Database<TrustRegistryDatabase>;
  /** Holds the national root and trust-list signer keys (generated on first start). */
  readonly keyStore: KeyStore;
  readonly platform: Platform;
  readonly clock: () => Date;
  /** Administrator bearer token(s): one bare token (actor `admin`), or tokens with actor names. */
  readonly adminToken: string | readonly AdminToken[];
  /** Public base URL, e.g. `https://trust.zhengzhao.example`: used in the discovery document. */
  readonly publicUrl: string;
  /** Validity of each trust list, days (default 7, at most 60). */
  readonly listValidityDays?: number;
  /** Validity of relying-party certificates, days (default 365). */
  readonly relyingPartyCertificateDays?: number;
  /** How often `republishIfDue` runs, ms; 0 turns the timer off. Default one hour. */
  readonly republishIntervalMs?: number;
  /** Organization name in the registry's certificates. */
  readonly organization?: string;
  readonly logger?: Logger;
  /** Default true. */
  readonly migrate?: boolean;
}

/** The services behind the routes, for tools and tests. */
export interface TrustRegistryServices {
  readonly context: RegistryContext;
  readonly keys: RegistryKeys;
  readonly publisher: TrustListPublisher;
  readonly authorities: AuthorityService;
  readonly relyingParties: RelyingPartyService;
  /** Publishes a fresh list when the newest is older than half its validity (see `TrustListPublisher`). */
  republishIfDue(): Promise<number | undefined>;
}

/** The trust registry's HTTP app, with its services attached. */
export type TrustRegistryApp = HttpApp & { readonly trustRegistry: TrustRegistryServices };

/**
 * Creates the national trust registry (DESIGN.md §2, Zhengzhao issue 6 §1–2):
 * - `GET /root.pem` — the national root verifiers and wallets pin;
 * - `GET /trust-list` (`.jwt`, `.cose`) — the signed, sequence-numbered trust list, ETag/304;
 * - `GET /catalog`, `GET /registration-profiles`, `GET /authorities/:id`, `GET /relying-parties/:id`,
 *   `GET /.well-known/zz-trust-registry` — public, CORS-open;
 * - `POST /admin/authorities` (+ `/:id/document-signers`, `/:id/compromised-keys`, `/:id/withdraw`),
 *   `PUT /admin/catalog/:typeId`, `PUT /admin/registration-profiles/:id`,
 *   `POST /admin/relying-parties` (+ `/:id/certificates`, `/:id/deregister`), `GET /admin/audit`
 *   — bearer token, audited, same-origin;
 * - `/healthz`, `/readyz`, OpenAPI at `/docs`.
 * On start it migrates, opens (first time: makes) the registry keys, seeds the catalog and the
 * default registration profiles, and publishes a list if none exists, either seed added
 * anything, or the newest is due.
 */
export async function createTrustRegistryApp(options: CreateTrustRegistryAppOptions): Promise<TrustRegistryApp> {
  const { database, platform, clock } = options;
  if (typeof options.publicUrl !== 'string' || !URL.canParse(options.publicUrl)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'publicUrl must be a URL');
  }
  const authenticator = createAdminAuthenticator(adminTokensOf(options.adminToken));
  if (options.migrate !== false) await migrateToLatest(database, TRUST_REGISTRY_MIGRATIONS);
  const context: RegistryContext = { db: database.db, dialect: database.dialect, platform, clock };
  const keys = await RegistryKeys.open({
    db: database.db,
    keyStore: options.keyStore,
    platform,
    clock,
    ...(options.organization !== undefined ? { organization: options.organization } : {}),
  });
  const publisher = new TrustListPublisher({
    context,
    keys,
    ...(options.listValidityDays !== undefined ? { listValidityDays: options.listValidityDays } : {}),
  });
  await publisher.start();
  const authorities = createAuthorityService(context, publisher);
  const relyingParties = createRelyingPartyService({
    context,
    publisher,
    keys,
    ...(options.relyingPartyCertificateDays !== undefined
      ? { certificateDays: options.relyingPartyCertificateDays }
      : {}),
  });

  const app = await createHttpApp({
    name: 'trust-registry',
    version: TRUST_REGISTRY_VERSION,
    ...(options.logger ? { logger: options.logger } : {}),
    openapi: {
      title: 'Zhengzhao national trust registry',
      description:
        'The national root, the signed trust list of issuing authorities, credential types and relying parties, and its administration.',
    },
  });
  app.readiness.add('database', () => database.ping());
  // verifier and wallet pages on any origin fetch the list, the root and the catalog
  registerPublicCors(app, {
    isPrivate: (path) => path.startsWith('/admin') || path.startsWith('/docs'),
    exposeHeaders: ['etag', 'zz-trust-list-sequence', 'x-certificate-sha256'],
  });
  // the registry's routes in one scope, whose error handler also knows the registry's own codes
  await app.register(async (scope: FastifyInstance) => {
    registerTrustRegistryErrors(scope);
    registerRootRoutes(scope, keys);
    registerDiscoveryRoutes(scope, keys, options.publicUrl);
    registerTrustListRoutes(scope, publisher);
    registerCatalogRoutes(scope, context);
    registerRegistrationProfileRoutes(scope, context);
    registerAuthorityRoutes(scope, authorities);
    registerRelyingPartyRoutes(scope, relyingParties);
    await registerAdminScope(scope, context, authenticator, (admin) => {
      registerAuthorityAdminRoutes(admin, authorities);
      registerCatalogAdminRoutes(admin, publisher);
      registerRegistrationProfileAdminRoutes(admin, publisher);
      registerRelyingPartyAdminRoutes(admin, relyingParties);
      registerAuditRoutes(admin, context);
    });
  });

  const services: TrustRegistryServices = {
    context,
    keys,
    publisher,
    authorities,
    relyingParties,
    republishIfDue: () => publisher.republishIfDue(),
  };
  app.decorate('trustRegistry', services);

  const intervalMs = options.republishIntervalMs ?? DEFAULT_REPUBLISH_INTERVAL_MS;
  let running: Promise<unknown> | undefined;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          running ??= publisher
            .republishIfDue()
            .catch((error: unknown) => app.log.error({ code: (error as { code?: unknown }).code }, 'republish failed'))
            .finally(() => {
              running = undefined;
            });
        }, intervalMs)
      : undefined;
  timer?.unref();
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await running;
  });
  return app as TrustRegistryApp;
}
