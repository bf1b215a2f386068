import type { Platform } from '@zhengzhao/core';
import { createNodePlatform } from '@zhengzhao/crypto-node';
import { createIssuerApp, type IssuerApp, type IssuerDatabase, withOid4vci } from '@zhengzhao/issuer';
import { createLogger, type Database } from '@zhengzhao/server-kit';
import { createTestAuthority, type TestAuthority } from '@zhengzhao/test-kit';

export const BENCH_BASE_URL = 'https://issuer-44.bench.test';
export const BENCH_PROVINCE = '44';
export const BENCH_WEBHOOK_SECRET = 'bench-webhook-secret-0123456789';
export const BENCH_CLERK_TOKEN = 'bench-clerk-token-0123456789abcdef';

export const platform: Platform = createNodePlatform();

let authority: Promise<TestAuthority> | undefined;
/** One ES256 test authority (IACA root + document signer) for the whole bench. */
export function benchAuthority(): Promise<TestAuthority> {
  authority ??= createTestAuthority({ platform, suite: 'ES256', now: new Date() });
  return authority;
}

export interface BenchIssuerOptions {
  /** Entries per status shard; default the issuer's default (2^20). */
  readonly statusShardSize?: number;
}

/**
 * The real issuer app as `zz issuer serve` builds it — createIssuerApp + withOid4vci, ES256
 * document signer, real clock — on `database`, logging nothing, without the periodic sweep.
 */
export async function openBenchIssuer(
  database: Database<IssuerDatabase>,
  options: BenchIssuerOptions = {},
): Promise<IssuerApp> {
  const auth = await benchAuthority();
  const clock = () => new Date();
  const app = await createIssuerApp({
    ...withOid4vci({
      platform,
      clock,
      suite: 'ES256',
      clerkTokens: [BENCH_CLERK_TOKEN],
      secretHashKey: 'bench-secret-hash-key',
    }),
    config: {
      publicBaseUrl: BENCH_BASE_URL,
      provinceCode: BENCH_PROVINCE,
      webhookSecret: BENCH_WEBHOOK_SECRET,
      sweepIntervalMs: 0,
      ...(options.statusShardSize !== undefined ? { statusShardSize: options.statusShardSize } : {}),
    },
    database,
    platform,
    clock,
    logger: createLogger({ name: 'bench-issuer', level: 'silent' }),
    signer: auth.documentSigner.signer,
    certificateChain: auth.chain,
  });
  await app.ready();
  return app;
}
