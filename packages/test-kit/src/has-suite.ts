import type { Platform, SuiteId } from '@zhengzhao/core';

/** True when `platform` implements `suite`; use as `it.skipIf(!hasSuite(platform, 'SM2'))`. */
export function hasSuite(platform: Platform, suite: SuiteId): boolean {
  try {
    platform.suite(suite);
    return true;
  } catch {
    return false;
  }
}
