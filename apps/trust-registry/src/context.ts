import { encodeBase64url, type Platform } from '@zhengzhao/core';
import type { DatabaseDialect } from '@zhengzhao/server-kit';
import type { Kysely } from 'kysely';
import type { TrustRegistryDatabase } from './db/schema.js';

/** What every module of the trust registry works with. */
export interface RegistryContext {
  readonly db: Kysely<TrustRegistryDatabase>;
  readonly dialect: DatabaseDialect;
  readonly platform: Platform;
  /** The registry's only source of time. */
  readonly clock: () => Date;
}

/** A transaction or the database: repositories take either. */
export type RegistryDb = Kysely<TrustRegistryDatabase>;

/** Characters of registry identifiers, as the trust list allows them (authority, type, party ids). */
export const IDENTIFIER_PATTERN = '^[A-Za-z0-9._:-]{1,128}$';

let counter = 0;

/** A random id that sorts by time: `<prefix>_<time><counter>_<random>`. */
export function newSortableId(platform: Pick<Platform, 'randomBytes'>, prefix: string, now: Date): string {
  counter = (counter + 1) % 36 ** 5;
  const time = now.getTime().toString(36).padStart(9, '0');
  return `${prefix}_${time}${counter.toString(36).padStart(5, '0')}_${encodeBase64url(platform.randomBytes(9))}`;
}

/** base64url SHA-256 of a certificate's DER: how the trust list names certificates. */
export async function certificateSha256(platform: Platform, der: Uint8Array): Promise<string> {
  return encodeBase64url(await platform.digest('SHA-256', der));
}

/** An instant the registry stores (epoch ms) as the trust list writes it (RFC 3339, UTC). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
