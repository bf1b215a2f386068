import { ZzError } from '../errors/zz-error.js';
import { type JsonObject, verifyJws } from '../jose/jws-compact.js';
import { decodeX5c } from '../jose/x5c.js';
import type { Platform } from '../platform/platform.js';
import { checkSignedBeforeRevocation } from '../trust/check-signed-before-revocation.js';
import type { StatusResolver, TrustResolution, TrustSource } from '../trust/trust-source.js';
import { checkStatus } from '../verify/check-status.js';
import { type CheckId, ReportBuilder, type VerificationReport } from '../verify/report.js';
import { type DecodedSdJwt, decodeSdJwt } from './decode-sd-jwt.js';
import { digestAlgorithmOfSdAlg } from './hash-alg.js';
import { SD_JWT_VC_LEGACY_TYP, SD_JWT_VC_TYP } from './issue-sd-jwt-vc.js';
import { DEFAULT_KB_MAX_AGE_SECONDS, holderKeyOf, verifyKeyBindingJwt } from './key-binding.js';
import { type ProcessedSdJwt, processSdJwtDisclosures } from './process-disclosures.js';
import { hasStatusListReference, readStatusListReference } from './status-reference.js';
import { assertDate, checkJwtValidity } from './validity.js';

export interface VerifySdJwtVcOptions {
  /** Resolves the issuer key from the `x5c` header (there is no way to skip this). */
  readonly trust: TrustSource;
  readonly now: Date;
  /** When given, `vct` must equal it. */
  readonly expectedVct?: string;
  /** Whether a KB-JWT is required (default true). Policy decides, not the presence of one (RFC 9901 §7.3). */
  readonly requireKeyBinding?: boolean;
  /** Expected KB-JWT `aud`; required when key binding is required. */
  readonly audience?: string;
  /** Expected KB-JWT `nonce`; required when key binding is required. */
  readonly nonce?: string;
  /** Maximum age of the KB-JWT `iat` (default 300 s). */
  readonly kbMaxAgeSeconds?: number;
  /** Clock skew for `exp`/`nbf`/`iat` and for a KB-JWT dated in the future (default 60 s). */
  readonly clockSkewSeconds?: number;
  /** Answers the status of a `status.status_list` reference; without it the status check is skipped. */
  readonly statusResolver?: StatusResolver;
  /** Maximum length of the presentation in characters (default 512 KiB). */
  readonly maxLength?: number;
}

const CHECKS: readonly CheckId[] = ['trust_chain', 'issuer_signature', 'digests', 'doc_type', 'validity', 'status'];

/**
 * Verifies an SD-JWT VC presentation (draft-ietf-oauth-sd-jwt-vc §3–§4 over RFC 9901 §7) into a
 * report whose checks run in this order, each only if the ones before passed: `trust_chain`
 * (issuer key from the `x5c` header through `trust.resolveChain`), `issuer_signature` (`typ`
 * dc+sd-jwt or vc+sd-jwt, JWS with a strict `alg`), `digests` (§7.1), `doc_type` (`vct`),
 * `validity` (`exp`, `nbf`, `iat`), `status` (Token Status List; skipped without a reference or a
 * resolver), `device_binding` (KB-JWT, §7.3). Unreadable input fails `issuer_signature`. Claims
 * are `{ [vct]: disclosed claims }` without `_sd`, `_sd_alg`, `cnf` and `status`, only when valid.
 * Invalid options (no trust source, no Date, key binding required without audience and nonce)
 * throw `ERR_INPUT_INVALID`.
 */
export async function verifySdJwtVc(
  platform: Platform,
  presentation: string,
  options: VerifySdJwtVcOptions,
): Promise<VerificationReport> {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'Options are required');
  const { trust, now } = options;
  assertDate(now, 'now');
  if (typeof trust?.resolveChain !== 'function') throw new ZzError('ERR_INPUT_INVALID', 'A trust source is required');
  const requireKeyBinding = options.requireKeyBinding ?? true;
  if (requireKeyBinding && (typeof options.audience !== 'string' || typeof options.nonce !== 'string')) {
    throw new ZzError('ERR_INPUT_INVALID', 'audience and nonce are required when key binding is required');
  }
  const skew = options.clockSkewSeconds ?? 60;
  const report = new ReportBuilder();

  let decoded: DecodedSdJwt;
  try {
    decoded = decodeSdJwt(presentation, options.maxLength === undefined ? {} : { maxLength: options.maxLength });
  } catch (error) {
    report.fail('issuer_signature', asZzError(error));
    for (const id of [...CHECKS, 'device_binding'] as const) if (id !== 'issuer_signature') await report.run(id, noop);
    return report.finish({ format: 'sd-jwt-vc' });
  }
  const payload = decoded.jwt.payload;
  const vct = typeof payload.vct === 'string' ? payload.vct : undefined;

  const trusted = await report.run('trust_chain', () =>
    trust.resolveChain(decodeX5c(decoded.jwt.header.x5c), { now, ...(vct === undefined ? {} : { docType: vct }) }),
  );
  await report.run('issuer_signature', async () => {
    const typ = decoded.jwt.header.typ;
    if (typ !== SD_JWT_VC_TYP && typ !== SD_JWT_VC_LEGACY_TYP) {
      throw new ZzError('ERR_SDJWT_MALFORMED', 'Issuer-signed JWT typ is not dc+sd-jwt');
    }
    await verifyJws(platform, decoded.jwt, (trusted as TrustResolution).publicKey);
  });
  const processed = await report.run('digests', () => processSdJwtDisclosures(platform, payload, decoded.disclosures));
  await report.run('doc_type', () => {
    if (vct === undefined) throw new ZzError('ERR_SDJWT_VCT_MISMATCH', 'vct is missing');
    if (options.expectedVct !== undefined && vct !== options.expectedVct) {
      throw new ZzError('ERR_SDJWT_VCT_MISMATCH', 'vct is not the expected credential type');
    }
  });
  await report.run('validity', () => {
    checkJwtValidity(payload, now, skew);
    const iat = typeof payload.iat === 'number' ? new Date(payload.iat * 1000) : undefined;
    checkSignedBeforeRevocation(trusted, iat, now);
  });

  const statusValue = await checkStatus(report, {
    resolver: options.statusResolver,
    reference: () => (hasStatusListReference(payload) ? readStatusListReference(payload) : undefined),
    now,
  });

  if (!report.failed && decoded.keyBindingJwt === undefined && !requireKeyBinding) {
    report.skip('device_binding', 'key binding not required by policy');
  } else {
    await report.run('device_binding', async () => {
      if (decoded.keyBindingJwt === undefined) throw new ZzError('ERR_SDJWT_KB_MISSING', 'No Key Binding JWT');
      await verifyKeyBindingJwt(platform, decoded.keyBindingJwt, {
        holderKey: holderKeyOf(payload),
        sdHashInput: decoded.sdHashInput,
        digestAlgorithm: digestAlgorithmOfSdAlg((processed as ProcessedSdJwt).sdAlg),
        ...(options.audience === undefined ? {} : { audience: options.audience }),
        ...(options.nonce === undefined ? {} : { nonce: options.nonce }),
        now,
        maxAgeSeconds: options.kbMaxAgeSeconds ?? DEFAULT_KB_MAX_AGE_SECONDS,
        futureSkewSeconds: skew,
      });
    });
  }

  return report.finish({
    format: 'sd-jwt-vc',
    ...(trusted ? { issuer: trusted.issuer } : {}),
    ...(vct !== undefined && !report.failed ? { credentialType: vct } : {}),
    ...(processed && vct !== undefined ? { claims: { [vct]: vcClaims(processed.claims) } } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  });
}

/** The disclosed claims a relying party sees: everything but the binding and status plumbing. */
function vcClaims(claims: JsonObject): Record<string, unknown> {
  const { cnf: _cnf, status: _status, ...rest } = claims;
  return rest;
}

function asZzError(error: unknown): ZzError {
  return error instanceof ZzError ? error : new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT cannot be decoded');
}

function noop(): void {}
