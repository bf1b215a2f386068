import {
  checkVpToken,
  createOid4vpRequestSessionTranscript,
  type DcqlCredentialQuery,
  decodeBase64url,
  detectPresentationFormat,
  type ErrorCode,
  isZzError,
  type MdocSessionTranscript,
  type Oid4vpAuthorizationRequest,
  type Oid4vpVpToken,
  type Platform,
  type PresentationFormat,
  ReportBuilder,
  ZzError,
} from '@zhengzhao/core';
import type { Verifier, VerifierReport } from '@zhengzhao/verifier';

/**
 * Verifies every presentation of a vp_token (OpenID4VP 1.0 §8.6) with the SDK verifier, so that
 * its trust and status cache applies online too; the per-presentation policy is core
 * `verifyVpToken`'s: SD-JWT VC with a required Key Binding JWT whose `aud` is the full client_id
 * and `nonce` the request's (App. B.3.6), `vct` one of `vct_values`; mdoc as a b64url
 * DeviceResponse over the SessionTranscript recomputed from the verifier's own request
 * (App. B.2.6.1), docType = `doctype_value`. A presentation of the wrong format, or one that does
 * not decode, is a failed report; a malformed vp_token throws `ERR_OID4VP_RESPONSE_INVALID`.
 */
export async function verifyVpTokenWith(
  platform: Platform,
  verifier: Verifier,
  vpToken: Oid4vpVpToken,
  request: Oid4vpAuthorizationRequest,
): Promise<Record<string, VerifierReport[]>> {
  const token = checkVpToken(vpToken, request);
  const sessionTranscript = await createOid4vpRequestSessionTranscript(platform, request);
  const reports: Record<string, VerifierReport[]> = {};
  for (const [id, presentations] of Object.entries(token)) {
    const query = request.dcqlQuery.credentials.find((entry) => entry.id === id) as DcqlCredentialQuery;
    const list: VerifierReport[] = [];
    for (const presentation of presentations) {
      list.push(await verifyOne(verifier, presentation, query, request, sessionTranscript));
    }
    Object.defineProperty(reports, id, { value: list, enumerable: true, writable: true, configurable: true });
  }
  return reports;
}

async function verifyOne(
  verifier: Verifier,
  presentation: string,
  query: DcqlCredentialQuery,
  request: Oid4vpAuthorizationRequest,
  sessionTranscript: MdocSessionTranscript,
): Promise<VerifierReport> {
  const expected: PresentationFormat = query.format === 'mso_mdoc' ? 'mdoc-device-response' : 'sd-jwt-vc';
  try {
    if (query.format === 'mso_mdoc') {
      const bytes = decodeBase64url(presentation);
      if (detectPresentationFormat(bytes) !== expected)
        return failed(expected, 'mdoc query answered with another format');
      return await verifier.verify(bytes, {
        sessionTranscript,
        ...(query.meta.doctype_value !== undefined && { expectedType: query.meta.doctype_value }),
      });
    }
    if (detectPresentationFormat(presentation) !== expected) {
      return failed(expected, 'SD-JWT query answered with another format');
    }
    if (!/~[^~]+$/.test(presentation)) {
      return failed(expected, 'SD-JWT presentation has no Key Binding JWT', 'ERR_SDJWT_KB_MISSING', 'device_binding');
    }
    const vcts = query.meta.vct_values ?? [];
    const report = await verifier.verify(presentation, {
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
  code: ErrorCode = 'ERR_FORMAT_UNKNOWN',
  check: 'doc_type' | 'device_binding' = 'doc_type',
): VerifierReport {
  const report = new ReportBuilder();
  report.fail(check, new ZzError(code, reason));
  return { ...report.finish({ format }), cache: { stale: false } };
}
