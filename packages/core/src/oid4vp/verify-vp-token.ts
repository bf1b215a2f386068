import { decodeBase64url } from '../bytes/base64url.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
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

/**
 * Verifies every presentation of a vp_token (OpenID4VP 1.0 §8.6) and returns, per query id, one
 * VerificationReport per presentation. SD-JWT VC: Key Binding required, `aud` = the full
 * client_id, `nonce` = the request nonce (§B.3.6), `vct` one of `vct_values`. mdoc: the b64url
 * DeviceResponse is verified with the SessionTranscript the verifier recomputes from its request
 * (App. B.2.6.1), and docType = `doctype_value`. A presentation of the wrong format or one that
 * does not decode yields a failed report; a malformed vp_token throws `ERR_OID4VP_RESPONSE_INVALID`.
 */
export async function verifyVpToken(
  platform: Platform,
  vpToken: Oid4vpVpToken,
  options: VerifyVpTokenOptions,
): Promise<Record<string, VerificationReport[]>> {
  const { request } = options;
  const token = checkVpToken(vpToken, request);
  const sessionTranscript = await createOid4vpRequestSessionTranscript(platform, request);
  const reports: Record<string, VerificationReport[]> = {};
  for (const [id, presentations] of Object.entries(token)) {
    const query = request.dcqlQuery.credentials.find((entry) => entry.id === id) as DcqlCredentialQuery;
    const list: VerificationReport[] = [];
    for (const presentation of presentations) {
      list.push(await verifyOne(platform, presentation, query, options, sessionTranscript));
    }
    Object.defineProperty(reports, id, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return reports;
}

async function verifyOne(
  platform: Platform,
  presentation: string,
  query: DcqlCredentialQuery,
  options: VerifyVpTokenOptions,
  sessionTranscript: Awaited<ReturnType<typeof createOid4vpRequestSessionTranscript>>,
): Promise<VerificationReport> {
  const { request, trust, now, statusResolver } = options;
  const common = { trust, now, ...(statusResolver && { statusResolver }) };
  const expected: PresentationFormat = query.format === 'mso_mdoc' ? 'mdoc-device-response' : 'sd-jwt-vc';
  try {
    if (query.format === 'mso_mdoc') {
      const bytes = decodeBase64url(presentation);
      if (detectPresentationFormat(bytes) !== expected)
        return failed(expected, 'mdoc query answered with another format');
      return await verifyPresentation(platform, bytes, {
        ...common,
        sessionTranscript,
        ...(query.meta.doctype_value !== undefined && { expectedType: query.meta.doctype_value }),
      });
    }
    if (detectPresentationFormat(presentation) !== expected)
      return failed(expected, 'SD-JWT query answered with another format');
    if (!/~[^~]+$/.test(presentation)) {
      return failed(
        expected,
        'SD-JWT presentation has no Key Binding JWT',
        'ERR_OID4VP_RESPONSE_INVALID',
        'device_binding',
      );
    }
    const vcts = query.meta.vct_values ?? [];
    const report = await verifyPresentation(platform, presentation, {
      ...common,
      audience: request.clientId,
      nonce: request.nonce,
      ...(vcts.length === 1 && { expectedType: vcts[0] }),
    });
    if (report.valid && (report.credentialType === undefined || !vcts.includes(report.credentialType))) {
      return failed(expected, 'vct is not one of the requested vct_values');
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
): VerificationReport {
  const report = new ReportBuilder();
  report.fail(check, new ZzError(code, reason));
  return report.finish({ format });
}
