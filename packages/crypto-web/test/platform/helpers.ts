import { readFileSync } from 'node:fs';
import { type ErrorCode, isZzError, type Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { expect } from 'vitest';
import { createWebPlatform } from '../../src/index.js';

/** Both adapters, so every conformance table runs against each. */
export const PLATFORMS: readonly (readonly [string, Platform])[] = [
  ['node', createNodePlatform()],
  ['web', createWebPlatform()],
];

/** Awaits `fn` and asserts it fails with a ZzError of `code`. */
export async function expectZzError(fn: () => unknown, code: ErrorCode): Promise<void> {
  let failure: unknown;
  try {
    await fn();
  } catch (error) {
    failure = error;
  }
  expect(isZzError(failure, code), `expected ${code}, got ${String(failure)}`).toBe(true);
}

/** Reads a JSON file of /shared/vectors (beside the repository root: `<repo>/../shared`). */
export function loadSharedVector<T>(path: string): T {
  const root = new URL('../../../../', import.meta.url);
  return JSON.parse(readFileSync(new URL(`../shared/vectors/${path}`, root), 'utf8')) as T;
}
