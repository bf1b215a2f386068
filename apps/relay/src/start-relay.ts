import { closeOnSignals, type GracefulShutdown, type Logger } from '@zhengzhao/server-kit';
import { createRelayApp, type RelayApp } from './create-relay-app.js';
import type { RelayLimits } from './relay-limits.js';

export interface StartRelayOptions {
  /** Port to listen on; 0 picks a free one. Default 8720. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  readonly limits?: Partial<RelayLimits>;
  readonly logger?: Logger;
  /** Install SIGINT/SIGTERM handlers (default false; `zz relay serve` turns them on). */
  readonly handleSignals?: boolean;
}

export interface RunningRelay {
  readonly app: RelayApp;
  /** `http://host:port`. */
  readonly url: string;
  /** The WebSocket base for engagements: `ws://host:port` (append `/s/<sessionId>`). */
  readonly wsUrl: string;
  close(): Promise<void>;
}

/** Default relay port. */
export const DEFAULT_RELAY_PORT = 8720;

/** Starts the relay and listens; `close()` ends every session (1001) and stops the server. */
export async function startRelay(options: StartRelayOptions = {}): Promise<RunningRelay> {
  const app = await createRelayApp({
    ...(options.limits && { limits: options.limits }),
    ...(options.logger && { logger: options.logger }),
  });
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? DEFAULT_RELAY_PORT, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_RELAY_PORT);
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  let shutdown: GracefulShutdown | undefined;
  if (options.handleSignals) shutdown = closeOnSignals(app);
  return {
    app,
    url: `http://${authority}`,
    wsUrl: `ws://${authority}`,
    close: async () => {
      shutdown?.dispose();
      await app.close();
    },
  };
}
