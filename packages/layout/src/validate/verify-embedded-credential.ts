import {
  detectPresentationFormat,
  type Platform,
  type StatusResolver,
  type TrustSource,
  type VerificationReport,
  verifyPresentation,
  verifySdJwtVc,
} from '@zhengzhao/core';

export interface VerifyEmbeddedCredentialOptions {
  readonly trust: TrustSource;
  readonly now: Date;
  /** Token Status List resolver; without one the credential's status check is skipped. */
  readonly statusResolver?: StatusResolver;
  /** `ZZ1:` with a device proof: freshness window in seconds (core default 120). */
  readonly freshnessSeconds?: number;
}

/**
 * A default `verifyCredential` for `validateLayoutDocument`: the embedded string verified with
 * core's pipelines. A printed document has no holder at hand, so an SD-JWT VC is verified
 * without a Key Binding JWT (RFC 9901 §7.3: policy decides; `device_binding` is skipped); a
 * `ZZ1:` text goes through `verifyPresentation` (a paper credential has no device proof; a
 * device-bound one must be within `freshnessSeconds`). Unknown formats throw their ZzError.
 */
export function verifyEmbeddedCredential(
  platform: Platform,
  credential: string,
  options: VerifyEmbeddedCredentialOptions,
): Promise<VerificationReport> {
  const { trust, now, statusResolver } = options;
  if (detectPresentationFormat(credential) === 'sd-jwt-vc') {
    return verifySdJwtVc(platform, credential.trim(), {
      trust,
      now,
      requireKeyBinding: false,
      ...(statusResolver && { statusResolver }),
    });
  }
  return verifyPresentation(platform, credential, {
    trust,
    now,
    ...(statusResolver && { statusResolver }),
    ...(options.freshnessSeconds !== undefined && { freshnessSeconds: options.freshnessSeconds }),
  });
}
