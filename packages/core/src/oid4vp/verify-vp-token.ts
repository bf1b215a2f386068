import { decodeBase64url } from '../bytes/base64url.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import type { Platform } from '../platform/platform.js';
import type { StatusResolver, TrustSource } from '../trust/trust-source.js';
import { type PresentationFormat, ReportBuilder, type VerificationReport } from '../verify/report.js';
import { detectPresentationFormat, verifyPresentation } from '../verify/verify-presentation.js';
import type { DcqlCredentialQuery } from './dcql-types.js';
import { createOid4vpRequestSessionTranscript } from './oid4vp-session-transcript.js';
import type { Oid4vpAuthorizationRequest } from './request-types.js';
import { checkVpToken, type Oid4vpVpToken } from './vp-token.js';

export interface VerifyVpTokenOptions {
  /** The request the verifier made (its own copy, never one sent back by the wallet). */
  readonly request: Oid4vpAuthorizationRequest;
  /** Trusted issuers of the presented credentials. */
  readonly trust: TrustSource;
  readonly now: Date;
  readonly statusResolver?: StatusResolver;
}

/** What one presentation of a vp_token is verified against (the request decides it). */
export interface VpPresentationExpectations {
  readonly sessionTranscript?: MdocSessionTranscript;
  readonly audience?: string;
  readonly nonce?: string;
  readonly expectedType?: string;
}

/**
 * Verifies one presentation: `verifyPresentation` with fixed trust, time and status by default, or
 * a verifier SDK's own (with its trust and status cache), whose report may carry more.
 */
export type VerifyVpPresentation<R extends VerificationReport> = (
  input: string | Uint8Array,
  expectations: VpPresentationExpectations,
) => Promise<R>;

/** The request the verifier made (its own copy, never one sent back by the wallet). */
export async function verifyVpToken(
  platform: Platform,
  vpToken: Oid4vpVpToken,
  options: VerifyVpTokenOptions,
): Promise<Record<string, VerificationReport[]>> {
  const { trust, now, statusResolver } = options;
  const common = { trust, now, ...(statusResolver && { statusResolver }) };
  return verifyVpTokenWith(
    platform,
    vpToken,
    options.request,
    (input, expectations) => verifyPresentation(platform, input, { ...common, ...expectations }),
    (report) => report,
  );
}

/**
 * `verifyVpToken` with the per-presentation verification supplied (`verify`), and `failedReport`
 * to turn the token-level refusals (wrong format for the query, no Key Binding JWT, a `vct`
 * outside `vct_values`) into the caller's report type. The rules of OpenID4VP 1.0 §8.1 and §14
 * stay here, in one place.
 */
export async function verifyVpTokenWith<R extends VerificationReport>(
  platform: Platform,
  vpToken: Oid4vpVpToken,
  request: Oid4vpAuthorizationRequest,
  verify: VerifyVpPresentation<R>,
  failedReport: (report: VerificationReport) => R,
): Promise<Record<string, R[]>> {
  const token = checkVpToken(vpToken, request);
  const sessionTranscript = await createOid4vpRequestSessionTranscript(platform, request);
  const reports: Record<string, R[]> = {};
  for (const [id, presentations] of Object.entries(token)) {
    const query = request.dcqlQuery.credentials.find((entry) => entry.id === id) as DcqlCredentialQuery;
    const list: R[] = [];
    for (const presentation of presentations) {
      const report = await verifyOne(presentation, query, request, sessionTranscript, verify);
      list.push(report instanceof FailedPresentation ? failedReport(report.report) : report);
    }
    Object.defineProperty(reports, id, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return reports;
}

/** A refusal decided here (before or after the presentation's own verification). */
class FailedPresentation {
  constructor(readonly report: VerificationReport) {}
}

async function verifyOne<R extends VerificationReport>(
  presentation: string,
  query: DcqlCredentialQuery,
  request: Oid4vpAuthorizationRequest,
  sessionTranscript: MdocSessionTranscript,
  verify: VerifyVpPresentation<R>,
): Promise<R | FailedPresentation> {
  const expected: PresentationFormat = query.format === 'mso_mdoc' ? 'mdoc-device-response' : 'sd-jwt-vc';
  try {
    if (query.format === 'mso_mdoc') {
      const bytes = decodeBase64url(presentation);
      if (detectPresentationFormat(bytes) !== expected)
        return failed(expected, 'mdoc query answered with another format');
      return await verify(bytes, {
        sessionTranscript,
        ...(query.meta.doctype_value !== undefined && { expectedType: query.meta.doctype_value }),
      });
    }
    if (detectPresentationFormat(presentation) !== expected)
      return failed(expected, 'SD-JWT query answered with another format');
    if (!/~[^~]+$/.test(presentation)) {
      return failed(expected, 'SD-JWT presentation has no Key Binding JWT', 'ERR_SDJWT_KB_MISSING', 'device_binding');
    }
    const vcts = query.meta.vct_values ?? [];
    const report = await verify(presentation, {
      audience: request.clientId,
      nonce: request.nonce,
      ...(vcts.length === 1 && { expectedType: vcts[0] }),
    });
    if (report.valid && (report.credentialType === undefined || !vcts.includes(report.credentialType))) {
      return failed(expected, 'vct is not one of the requested vct_values', 'ERR_SDJWT_VCT_MISMATCH');
    }
    return report;
  } catch (error) {
    if (!isZzError(error)) throw error;
    return failed(expected, error.message, error.code);
  }
}

function failed(
  format: PresentationFormat,
  reason: string,
  code: ZzError['code'] = 'ERR_FORMAT_UNKNOWN',
  check: 'doc_type' | 'device_binding' = 'doc_type',
): FailedPresentation {
  const report = new ReportBuilder();
  report.fail(check, new ZzError(code, reason));
  return new FailedPresentation(report.finish({ format }));
}
