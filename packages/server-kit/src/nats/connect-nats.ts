import { ZzError } from '@zhengzhao/core';
import { connect, type NatsConnection } from 'nats';

export interface NatsConnectOptions {
  /** Connection name shown by the server (the service name). */
  name?: string;
  /** Give up the first connection after this long; default 5 s. */
  timeoutMs?: number;
}

/**
 * Connects to NATS (`nats://host:4222`, usually from `NATS_URL`); an unreachable server is
 * `ERR_NATS_UNAVAILABLE`. Close with `await nc.drain()` (pass it to `closeOnSignals`). JetStream is
 * `nc.jetstream()` / `nc.jetstreamManager()` on the returned connection; stream and consumer
 * helpers are left to the event work of the registry and issuer (P2), where their shape is known.
 */
export async function connectNats(url: string, options: NatsConnectOptions = {}): Promise<NatsConnection> {
  try {
    return await connect({
      servers: url,
      timeout: options.timeoutMs ?? 5_000,
      ...(options.name ? { name: options.name } : {}),
    });
  } catch (error) {
    throw new ZzError('ERR_NATS_UNAVAILABLE', 'Cannot connect to the NATS server', { cause: error });
  }
}

export type { NatsConnection };
