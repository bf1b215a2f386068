import { isSuiteId, type SuiteId } from '@zhengzhao/core';
import { UsageError } from './cli-error.js';

/** A flag that must be given. */
export function required<T>(value: T | undefined, flag: string): T {
  if (value === undefined || value === '') throw new UsageError(`--${flag} is required`);
  return value;
}

/** `--suite ES256|SM2`. */
export function parseSuite(value: string | undefined): SuiteId {
  const suite = required(value, 'suite').toUpperCase();
  if (!isSuiteId(suite)) throw new UsageError('--suite must be ES256 or SM2');
  return suite;
}

/**
 * `--now <ISO 8601>`: the instant every validity check uses; the real current time when absent.
 * The core never reads the clock itself (it takes `now`), so this is the one place the CLI does.
 */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const now = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(now.getTime())) {
    throw new UsageError('--now must be an ISO 8601 date-time such as 2026-06-01T08:00:00Z');
  }
  return now;
}

/** An integer flag within [min, max]. */
export function parseInteger(value: string | undefined, flag: string, min: number, max: number): number {
  const n = Number(required(value, flag));
  if (!/^\d+$/.test(value ?? '') || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${flag} must be an integer from ${min} to ${max}`);
  }
  return n;
}

/** `a,b,c` → ['a', 'b', 'c'] (blanks dropped). */
export function parseList(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  if (items.length === 0) throw new UsageError('the list is empty');
  return items;
}

/** Adds `days` whole days to `date`. */
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}
