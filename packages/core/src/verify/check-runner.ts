import type { ErrorCode } from '../errors/catalogue.js';
import { ZzError } from '../errors/zz-error.js';

export type CheckOutcome = 'ok' | 'failed' | 'skipped';

/** One named check's result. */
export interface NamedCheckResult<Id extends string> {
  readonly id: Id;
  readonly outcome: CheckOutcome;
  /** The stable error code when `outcome` is `failed`. */
  readonly code?: ErrorCode;
  /** A short reason for people; never personal data. */
  readonly reason?: string;
}

/**
 * Runs named checks in order (STYLE.md §2–3): `run` executes one; a ZzError fails it with its
 * code, anything else with `unexpected`; every later check is then recorded as skipped, so a
 * report never says more than was proven. Verification reports (`ReportBuilder`) and layout
 * document validation (`@zhengzhao/layout`) build on it with their own check ids.
 */
export class CheckRunner<Id extends string> {
  protected readonly results: NamedCheckResult<Id>[] = [];
  protected failedAt: Id | undefined;

  constructor(private readonly unexpected: { readonly code: ErrorCode; readonly reason: string }) {}

  get failed(): boolean {
    return this.failedAt !== undefined;
  }

  /** Runs `check` unless an earlier one failed. Returns its value, or undefined when it failed. */
  async run<T>(id: Id, check: () => Promise<T> | T): Promise<T | undefined> {
    if (this.failedAt) {
      this.results.push({ id, outcome: 'skipped', reason: `not run: ${this.failedAt} failed` });
      return undefined;
    }
    try {
      const value = await check();
      this.results.push({ id, outcome: 'ok' });
      return value;
    } catch (error) {
      this.failedAt = id;
      const code = error instanceof ZzError ? error.code : this.unexpected.code;
      const reason = error instanceof ZzError ? error.message : this.unexpected.reason;
      this.results.push({ id, outcome: 'failed', code, reason });
      return undefined;
    }
  }

  /** Records a check that policy did not ask for. */
  skip(id: Id, reason: string): void {
    this.results.push({ id, outcome: 'skipped', reason });
  }

  /** Records a failure found outside `run` (for example, unreadable input). */
  fail(id: Id, error: ZzError): void {
    this.failedAt ??= id;
    this.results.push({ id, outcome: 'failed', code: error.code, reason: error.message });
  }
}
