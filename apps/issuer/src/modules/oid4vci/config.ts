import { assertIssuerIdentifier, type SuiteId, ZzError } from '@zhengzhao/core';
import { RESIDENT_ID_PROFILE } from '../credentials/credential-profiles.js';
import type { CredentialProfile } from '../ports.js';

/** Settings of the OpenID4VCI endpoints; everything but `credentialIssuer` and `clerkTokens` has a default. */
export interface Oid4vciConfig {
  /** The Credential Issuer Identifier, the public base URL (`https://issuer.gd.example`). */
  readonly credentialIssuer: string;
  /** The issuer's signing suite. Default ES256. */
  readonly suite?: SuiteId;
  /**
   * Suites accepted for device keys (the proof JWT and the key the credential is bound to).
   * Default: the issuer's suite and ES256 — a phone keeps its device key in secure hardware that
   * speaks P-256, and no browser has SM2, so an SM2 province binds its credentials to P-256 keys
   * too (ADR 0002). Holder binding is independent of the issuer's signature suite.
   */
  readonly proofSuites?: readonly SuiteId[];
  /** Most proofs (copies) per credential request. Default 10. */
  readonly batchSize?: number;
  /** Lifetime of a credential offer's pre-authorized code. Default 600 s. */
  readonly preAuthorizedCodeTtlSeconds?: number;
  /** Wrong tx_codes before the pre-authorized code is locked for good. Default 5. */
  readonly txCodeMaxAttempts?: number;
  readonly accessTokenTtlSeconds?: number;
  /** Lifetime of a c_nonce; also the oldest accepted proof `iat`. Default 300 s. */
  readonly nonceTtlSeconds?: number;
  /** Lifetime of an activation code shown on the clerk's page. Default 600 s. */
  readonly activationCodeTtlSeconds?: number;
  /** Failed activations per card number or per client IP before locking. Default 5. */
  readonly activationMaxFailures?: number;
  /** How long a lock lasts, and the window failures are counted in. Default 900 s. */
  readonly activationLockSeconds?: number;
  /** Bearer tokens that may create activation codes (the registry clerk's page). */
  readonly clerkTokens: readonly string[];
  /**
   * Origins of the registry clerk pages allowed to call `POST /activation/codes` from the browser
   * (CORS); none by default.
   */
  readonly clerkOrigins?: readonly string[];
  /** HMAC key for hashing secrets at rest; set it in production (see `secrets.ts`). */
  readonly secretHashKey?: string | Uint8Array;
  /** What the issuer issues (its credential type and configurations); default the resident e-ID. */
  readonly profile?: CredentialProfile;
}

export type ResolvedOid4vciConfig = Required<Omit<Oid4vciConfig, 'secretHashKey'>> & {
  /** `credentialIssuer` without a trailing slash. */
  readonly credentialIssuer: string;
  /** The path of `credentialIssuer` ('' or '/gd'): routes are mounted under it. */
  readonly basePath: string;
};

function positive(value: number | undefined, fallback: number, name: string, max = 86_400): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1 || n > max)
    throw new ZzError('ERR_CONFIG_INVALID', `oid4vci.${name} must be an integer 1..${max}`);
  return n;
}

/** Applies defaults and checks the configuration (`ERR_CONFIG_INVALID`). */
export function resolveOid4vciConfig(config: Oid4vciConfig): ResolvedOid4vciConfig {
  const credentialIssuer = assertIssuerIdentifier(config.credentialIssuer, 'ERR_CONFIG_INVALID').replace(/\/$/, '');
  if (!Array.isArray(config.clerkTokens) || config.clerkTokens.some((t) => typeof t !== 'string' || t.length < 16)) {
    throw new ZzError('ERR_CONFIG_INVALID', 'oid4vci.clerkTokens must be strings of at least 16 characters');
  }
  const suite = config.suite ?? 'ES256';
  if (suite !== 'ES256' && suite !== 'SM2')
    throw new ZzError('ERR_CONFIG_INVALID', 'oid4vci.suite must be ES256 or SM2');
  const proofSuites: SuiteId[] = [...new Set<SuiteId>(config.proofSuites ?? [suite, 'ES256'])];
  if (proofSuites.length === 0 || proofSuites.some((s) => s !== 'ES256' && s !== 'SM2')) {
    throw new ZzError('ERR_CONFIG_INVALID', 'oid4vci.proofSuites must name ES256 and/or SM2');
  }
  return {
    credentialIssuer,
    basePath: new URL(credentialIssuer).pathname.replace(/\/$/, ''),
    suite,
    proofSuites,
    batchSize: positive(config.batchSize, 10, 'batchSize', 100),
    preAuthorizedCodeTtlSeconds: positive(config.preAuthorizedCodeTtlSeconds, 600, 'preAuthorizedCodeTtlSeconds'),
    txCodeMaxAttempts: positive(config.txCodeMaxAttempts, 5, 'txCodeMaxAttempts', 100),
    accessTokenTtlSeconds: positive(config.accessTokenTtlSeconds, 600, 'accessTokenTtlSeconds'),
    nonceTtlSeconds: positive(config.nonceTtlSeconds, 300, 'nonceTtlSeconds'),
    activationCodeTtlSeconds: positive(config.activationCodeTtlSeconds, 600, 'activationCodeTtlSeconds'),
    activationMaxFailures: positive(config.activationMaxFailures, 5, 'activationMaxFailures', 100),
    activationLockSeconds: positive(config.activationLockSeconds, 900, 'activationLockSeconds'),
    clerkTokens: [...config.clerkTokens],
    clerkOrigins: [...(config.clerkOrigins ?? [])],
    profile: config.profile ?? RESIDENT_ID_PROFILE,
  };
}
