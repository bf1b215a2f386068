import type { Platform, TrustSource } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { closeOnSignals, createLogger, type GracefulShutdown, type Logger } from '@zhengzhao/server-kit';
import type { NationalTrust, TrustBundle } from '@zhengzhao/verifier';
import {
  type CreateVerifierServiceAppOptions,
  createVerifierServiceApp,
  type VerifierServiceApp,
} from './create-verifier-service-app.js';
import type { ApiKey } from './modules/auth/api-keys.js';
import type { RequestSigning } from './modules/oid4vp/service.js';

export interface StartVerifierServiceOptions
  extends Omit<CreateVerifierServiceAppOptions, 'platform' | 'clock' | 'logger'> {
  readonly port: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
  readonly trust: NationalTrust | TrustBundle | TrustSource;
  readonly apiKeys: readonly ApiKey[];
  readonly requestSigning: RequestSigning;
  readonly platform?: Platform;
  readonly clock?: () => Date;
  readonly logger?: Logger;
  /** Install SIGINT/SIGTERM handlers (default true). */
  readonly handleSignals?: boolean;
}

/** A running verifier service. */
export interface RunningVerifierService {
  readonly app: VerifierServiceApp;
  /** The address it listens on, e.g. `http://127.0.0.1:3200`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Runs the verifier service (for `zz start` and `zz verifier serve`): the Node platform, the
 * system clock, a redacting logger and the global `fetch` (status lists and trust bundle,
 * refreshed every 300 s) unless given, listening on `host:port` (TLS is terminated
 * in front of it, at `publicBaseUrl`), with graceful shutdown on SIGINT/SIGTERM.
 */
export async function startVerifierService(options: StartVerifierServiceOptions): Promise<RunningVerifierService> {
  const { port, host, handleSignals, platform, clock, logger, ...rest } = options;
  const app = await createVerifierServiceApp({
    ...rest,
    fetch: rest.fetch ?? globalThis.fetch,
    refreshIntervalSeconds: rest.refreshIntervalSeconds ?? 300,
    platform: platform ?? createNodePlatform(),
    clock: clock ?? (() => new Date()),
    logger: logger ?? createLogger({ name: 'verifier' }),
  });
  const url = await app.listen({ host: host ?? '127.0.0.1', port });
  const shutdown: GracefulShutdown | undefined = handleSignals === false ? undefined : closeOnSignals(app);
  return {
    app,
    url,
    async close() {
      shutdown?.dispose();
      await app.close();
    },
  };
}
