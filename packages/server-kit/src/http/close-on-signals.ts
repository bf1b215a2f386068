import type { FastifyInstance } from 'fastify';

/** Something to close after the HTTP server has drained: a database, a NATS connection… */
export type Closer = () => Promise<unknown> | unknown;

export interface CloseOnSignalsOptions {
  /** Signals to handle; default SIGINT and SIGTERM. */
  signals?: readonly NodeJS.Signals[];
  /** Called with the exit code at the end; default `process.exit`. Tests pass a stub. */
  exit?: (code: number) => void;
  /** Give up waiting and exit 1 after this long; default 10 s. */
  timeoutMs?: number;
}

export interface GracefulShutdown {
  /**
   * Stops accepting connections, waits for in-flight requests (`app.close()`), runs the closers in
   * order, then exits 0 (1 if anything failed or the timeout passed). Idempotent: the first call
   * wins, later calls return the same promise. Signal handlers call this.
   */
  shutdown(signal?: string): Promise<number>;
  /** Removes the signal handlers without shutting down. */
  dispose(): void;
}

/** Installs SIGINT/SIGTERM handlers that shut `app` down gracefully (see {@link GracefulShutdown}). */
export function closeOnSignals(
  app: FastifyInstance,
  closers: readonly Closer[] = [],
  options: CloseOnSignalsOptions = {},
): GracefulShutdown {
  const signals = options.signals ?? ['SIGINT', 'SIGTERM'];
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const timeoutMs = options.timeoutMs ?? 10_000;
  let running: Promise<number> | undefined;

  const onSignal = (signal: NodeJS.Signals) => {
    void shutdown(signal);
  };

  function dispose(): void {
    for (const s of signals) process.removeListener(s, onSignal);
  }

  function shutdown(signal?: string): Promise<number> {
    running ??= (async () => {
      dispose();
      app.log.info({ signal: signal ?? 'manual' }, 'shutting down');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<number>((resolve) => {
        timer = setTimeout(() => resolve(1), timeoutMs);
        timer.unref?.();
      });
      const drain = (async () => {
        let code = 0;
        try {
          await app.close();
        } catch {
          code = 1;
        }
        for (const close of closers) {
          try {
            await close();
          } catch {
            code = 1;
          }
        }
        return code;
      })();
      const code = await Promise.race([drain, timeout]);
      clearTimeout(timer);
      exit(code);
      return code;
    })();
    return running;
  }

  for (const s of signals) process.once(s, onSignal);
  return { shutdown, dispose };
}
