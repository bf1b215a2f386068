/** A readiness check: resolves when the dependency answers, throws (or times out) otherwise. */
export type ReadinessCheck = () => Promise<unknown> | unknown;

/** The outcome of running the registered checks; names only, never error messages. */
export interface ReadinessResult {
  ready: boolean;
  checks: Record<string, 'ok' | 'failed' | 'timeout'>;
}

/** Named readiness checks (the database, the message stream…) run by `GET /readyz`. */
export class ReadinessChecks {
  readonly #checks = new Map<string, ReadinessCheck>();

  constructor(private readonly timeoutMs = 2_000) {}

  /** Adds or replaces the check called `name`. */
  add(name: string, check: ReadinessCheck): void {
    this.#checks.set(name, check);
  }

  /** Runs every check concurrently, each bounded by the timeout. */
  async run(): Promise<ReadinessResult> {
    const entries = [...this.#checks];
    const outcomes = await Promise.all(entries.map(([, check]) => this.#runOne(check)));
    const checks: ReadinessResult['checks'] = {};
    entries.forEach(([name], i) => {
      checks[name] = outcomes[i] ?? 'failed';
    });
    return { ready: outcomes.every((o) => o === 'ok'), checks };
  }

  async #runOne(check: ReadinessCheck): Promise<'ok' | 'failed' | 'timeout'> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs);
    });
    try {
      const run = (async () => {
        await check();
        return 'ok' as const;
      })().catch(() => 'failed' as const);
      return await Promise.race([run, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
