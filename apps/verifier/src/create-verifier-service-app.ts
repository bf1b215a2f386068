import {
  assertX509SanDnsClientId,
  isSecureWebUri,
  isZzError,
  type Platform,
  type TrustSource,
  ZzError,
} from '@zhengzhao/core';
import {
  createHttpApp,
  type HttpApp,
  type Logger,
  type RateLimitSettings,
  registerPublicCors,
  registerRateLimit,
} from '@zhengzhao/server-kit';
import type { NationalTrust, TrustBundle, VerifierCacheStore } from '@zhengzhao/verifier';
import { type ApiKey, createApiKeyAuthenticator } from './modules/auth/api-keys.js';
import { registerLoginPageRoutes } from './modules/login-page/routes.js';
import { registerOid4vpRoutes } from './modules/oid4vp/routes.js';
import { createPresentationService, type PresentationService, type RequestSigning } from './modules/oid4vp/service.js';
import { SessionStore } from './modules/oid4vp/session-store.js';
import { registerValidatePageRoutes } from './modules/validate-page/routes.js';
import { createValidateService } from './modules/validate-page/validate-service.js';
import { registerVerifyRoutes } from './modules/verify/routes.js';
import { createVerifyService, type VerifyService } from './modules/verify/service.js';
import { createVerificationEngine, type VerificationEngine } from './modules/verify/verification-engine.js';

/** Version reported by `/healthz` and the OpenAPI document. */
export const VERIFIER_SERVICE_VERSION = '0.1.0';

/** Default `POST /verify` body limit: 1 MiB (a DeviceResponse with a portrait is ~30 KiB). */
export const DEFAULT_VERIFY_BODY_LIMIT = 1024 * 1024;

export interface CreateVerifierServiceAppOptions {
  readonly platform: Platform;
  readonly clock: () => Date;
  readonly logger?: Logger;
  /**
   * Trusted issuing authorities: the national root with the trust-list URL (and optionally a
   * signed list to start from) — the normal case —, a trust bundle (`parseTrustBundle`), or a
   * ready TrustSource (core `createStaticTrustSource`).
   */
  readonly trust: NationalTrust | TrustBundle | TrustSource;
  /**
   * Downloads Token Status Lists (on demand, then on refresh) and the trust bundle. Without it the
   * service is offline: a credential whose status list is not cached fails `status`
   * (`ERR_STATUS_UNAVAILABLE`). Never called about one credential (DESIGN.md §6.1).
   */
  readonly fetch?: typeof fetch;
  /** Where a newer trust bundle is downloaded from on refresh. */
  readonly trustBundleUrl?: string;
  /** Persistence of the trust bundle and status lists (default in memory; `@zhengzhao/verifier/node` has a file store). */
  readonly cacheStore?: VerifierCacheStore;
  /** Trust or status data older than this makes reports invalid (`ERR_VERIFIER_CACHE_STALE`); default one day. */
  readonly maxCacheAgeSeconds?: number;
  /** Refresh the trust bundle and status lists every this many seconds (default: never; needs `fetch`). */
  readonly refreshIntervalSeconds?: number;
  /** Integrations allowed to call `POST /verify`. */
  readonly apiKeys: readonly ApiKey[];
  /**
   * https base URL the wallet and browsers reach this service at, e.g. `https://verifier.example.gov.cn`.
   * OpenID4VP 1.0 needs an https `response_uri`; the `request_uri` and the same-device redirect derive from it.
   */
  readonly publicBaseUrl: string;
  /** The access certificate (dNSName SAN = client id host) and key that sign Request Objects. */
  readonly requestSigning: RequestSigning;
  /** Default `x509_san_dns:<host of publicBaseUrl>`; must name a DNS SAN of the signing certificate. */
  readonly clientId?: string;
  /** Wallet invocation scheme or universal link (default `openid4vp://`). */
  readonly walletLinkBase?: string;
  /** Lifetime of a presentation session and its Request Object (default 300 s). */
  readonly sessionTtlSeconds?: number;
  /** Most open sessions (default 10 000). */
  readonly maxSessions?: number;
  /** `POST /verify` budget per API key (default 120 per minute). */
  readonly verifyRateLimit?: RateLimitSettings;
  /** `POST /oid4vp/sessions` budget per client address (default 30 per minute). */
  readonly sessionRateLimit?: RateLimitSettings;
  /** Polling, request objects and wallet responses, per client address (default 600 per minute). */
  readonly pollRateLimit?: RateLimitSettings;
  /** `POST /verify` body limit in bytes (default 1 MiB). */
  readonly verifyBodyLimit?: number;
  /** ZZ1 QR freshness window (default 120 s). */
  readonly freshnessSeconds?: number;
  /** Serve the demo login page at `/` (default true). */
  readonly loginPage?: boolean;
  /** Budget of `POST /validate` (the public validation page) per client address; default 30 a minute. */
  readonly validateRateLimit?: RateLimitSettings;
}

/** The services behind the routes, for tests and tools. */
export interface VerifierServices {
  readonly engine: VerificationEngine;
  readonly verify: VerifyService;
  readonly presentations: PresentationService;
  readonly sessions: SessionStore;
}

export type VerifierServiceApp = HttpApp & { readonly verifier: VerifierServices };

const MINUTE = 60_000;

/**
 * Creates the verifier service (issue 5 §3–4):
 * - `POST /verify` — back-office integrations: bearer API key, rate limit per key, report out;
 * - `POST /oid4vp/sessions`, `GET /oid4vp/requests/:id`, `POST /oid4vp/responses/:id`,
 *   `GET /oid4vp/sessions/:id` — OpenID4VP 1.0 for websites (signed `x509_san_dns:` requests,
 *   DCQL purpose presets, `direct_post` and `direct_post.jwt`, same-device `response_code`);
 * - `GET /` — the demo login page (zh-CN, `?lang=en`);
 * - `/healthz`, `/readyz`, OpenAPI at `/docs`.
 * Verification goes through the verifier SDK (trust bundle or TrustSource, cached status lists
 * with a maximum age). Sessions live in this process's memory (one process; see `SessionStore`).
 */
export async function createVerifierServiceApp(options: CreateVerifierServiceAppOptions): Promise<VerifierServiceApp> {
  const { platform, clock } = options;
  if (!isSecureWebUri(options.publicBaseUrl)) {
    throw new ZzError(
      'ERR_CONFIG_INVALID',
      'publicBaseUrl must be an https URL, or http on loopback (OpenID4VP 1.0 response_uri)',
    );
  }
  const clientId = options.clientId ?? `x509_san_dns:${new URL(options.publicBaseUrl).hostname}`;
  const leaf = options.requestSigning?.certificateChain?.[0];
  if (!leaf) throw new ZzError('ERR_CONFIG_INVALID', 'requestSigning needs a certificate chain, leaf first');
  try {
    assertX509SanDnsClientId(clientId, leaf);
  } catch (error) {
    throw new ZzError('ERR_CONFIG_INVALID', 'The request-signing certificate does not name the client id host', {
      cause: error,
    });
  }
  const authenticator = createApiKeyAuthenticator(options.apiKeys);
  const engine = createVerificationEngine({
    platform,
    trust: options.trust,
    clock,
    ...(options.fetch && { fetch: options.fetch }),
    ...(options.trustBundleUrl !== undefined && { trustBundleUrl: options.trustBundleUrl }),
    ...(options.cacheStore && { store: options.cacheStore }),
    ...(options.maxCacheAgeSeconds !== undefined && { maxCacheAgeSeconds: options.maxCacheAgeSeconds }),
    ...(options.freshnessSeconds !== undefined && { freshnessSeconds: options.freshnessSeconds }),
  });
  const sessions = new SessionStore({
    clock,
    ...(options.maxSessions !== undefined && { maxSessions: options.maxSessions }),
  });
  const verify = createVerifyService(engine);
  const presentations = createPresentationService({
    platform,
    clock,
    store: sessions,
    engine,
    signing: options.requestSigning,
    clientId,
    publicBaseUrl: options.publicBaseUrl,
    ...(options.walletLinkBase !== undefined && { walletLinkBase: options.walletLinkBase }),
    ...(options.sessionTtlSeconds !== undefined && { ttlSeconds: options.sessionTtlSeconds }),
  });

  const app = await createHttpApp({
    name: 'verifier',
    version: VERIFIER_SERVICE_VERSION,
    ...(options.logger && { logger: options.logger }),
    openapi: {
      title: 'Zhengzhao verifier service',
      description:
        'POST /verify for back-office integrations (bearer API key) and OpenID4VP 1.0 verifier endpoints for websites.',
    },
  });
  app.readiness.add('verifier-cache', () => engine.ready());
  // a web wallet on another origin fetches the request object and posts its response
  registerPublicCors(app, {
    isPrivate: (path) => !path.startsWith('/oid4vp/requests/') && !path.startsWith('/oid4vp/responses/'),
  });
  await registerRateLimit(app);
  registerVerifyRoutes(app, {
    service: verify,
    authenticator,
    rateLimit: options.verifyRateLimit ?? { max: 120, windowMs: MINUTE },
    bodyLimit: options.verifyBodyLimit ?? DEFAULT_VERIFY_BODY_LIMIT,
  });
  await registerOid4vpRoutes(app, {
    service: presentations,
    clock,
    sessionRateLimit: options.sessionRateLimit ?? { max: 30, windowMs: MINUTE },
    pollRateLimit: options.pollRateLimit ?? { max: 600, windowMs: MINUTE },
  });
  if (options.loginPage !== false) {
    registerLoginPageRoutes(app);
    registerValidatePageRoutes(app, {
      service: createValidateService(engine, platform, clock),
      rateLimit: options.validateRateLimit ?? { max: 30, windowMs: MINUTE },
    });
  }

  const sweeper = setInterval(() => sessions.sweep(), 30_000);
  sweeper.unref();
  const refreshMs = (options.refreshIntervalSeconds ?? 0) * 1000;
  const refresher =
    refreshMs > 0 && options.fetch
      ? setInterval(() => {
          engine.refresh().then(
            (result) => {
              const failed = result.statusLists.filter((list) => list.outcome === 'failed').length;
              app.log.info({ trust: result.trust.outcome, statusListsFailed: failed }, 'verifier cache refreshed');
            },
            (error: unknown) => app.log.warn({ code: isZzError(error) ? error.code : 'internal' }, 'refresh failed'),
          );
        }, refreshMs)
      : undefined;
  refresher?.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    if (refresher) clearInterval(refresher);
  });

  const services: VerifierServices = { engine, verify, presentations, sessions };
  app.decorate('verifier', services);
  return app as VerifierServiceApp;
}
