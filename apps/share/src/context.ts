import { encodeBase64url, type Platform } from '@zhengzhao/core';
import type { Verifier } from '@zhengzhao/verifier';
import type { Kysely } from 'kysely';
import type { ShareDatabase } from './db/schema.js';
import type { ShareAccessLog } from './modules/access-log/share-access-log.js';

/** What every module of the sharing service works with. */
export interface ShareContext {
  readonly db: Kysely<ShareDatabase>;
  readonly platform: Platform;
  /** The service's only source of time. */
  readonly clock: () => Date;
  /** The national trust list: authenticates agencies, verifies released credentials and their status. */
  readonly verifier: Verifier;
  readonly log: ShareAccessLog;
  /** The service's public URL: the `aud` of every signed call. */
  readonly publicUrl: string;
  /** How long an unanswered request waits for the holder, ms. */
  readonly requestTtlMs: number;
}

/** A random URL-safe id: `<prefix>_<base64url of 15 random bytes>`. */
export function newShareId(platform: Pick<Platform, 'randomBytes'>, prefix: string): string {
  return `${prefix}_${encodeBase64url(platform.randomBytes(15))}`;
}
