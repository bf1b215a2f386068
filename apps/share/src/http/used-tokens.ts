import { ZzError } from '@zhengzhao/core';
import { isUniqueViolation } from '@zhengzhao/server-kit';
import type { Kysely } from 'kysely';
import type { ShareDatabase } from '../db/schema.js';
import { SIGNED_TOKEN_MAX_SKEW_SECONDS } from './signed-token.js';

/**
 * Records a signed token's `jti` for its party; a second use is `ERR_SHARE_REPLAY`. Rows are
 * kept for twice the accepted clock skew (after that the token's `iat` is refused anyway) and
 * swept as new tokens arrive.
 */
export async function useTokenOnce(db: Kysely<ShareDatabase>, party: string, jti: string, now: Date): Promise<void> {
  const keepMs = 2 * SIGNED_TOKEN_MAX_SKEW_SECONDS * 1000;
  await db.deleteFrom('share_used_tokens').where('expires_at', '<', now.getTime()).execute();
  try {
    await db
      .insertInto('share_used_tokens')
      .values({ token_key: `${party}:${jti}`, expires_at: now.getTime() + keepMs })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ZzError('ERR_SHARE_REPLAY', 'This signed request was already used');
    throw error;
  }
}
