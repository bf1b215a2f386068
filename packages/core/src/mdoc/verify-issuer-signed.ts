import type { Platform } from '../platform/platform.js';
import { ReportBuilder, type VerificationReport } from '../verify/report.js';
import { type DecodeMdocOptions, decodeIssuerSigned } from './decode-device-response.js';
import { mdocClaims } from './mdoc-claims.js';
import type { MdocIssuerSigned } from './types.js';
import { type IssuerChecksOptions, runIssuerChecks } from './verify-mdoc-checks.js';

export interface VerifyIssuerSignedOptions extends IssuerChecksOptions, DecodeMdocOptions {
  /** The docType the credential claims to be; the MSO docType must equal it. */
  readonly docType: string;
}

/**
 * Verifies an `IssuerSigned` alone (for example a credential just received over OpenID4VCI):
 * trust_chain, issuer_signature, digests, doc_type, validity and status as in §9.3.1, without
 * device_binding. Undecodable bytes throw `ERR_CBOR_MALFORMED` / `ERR_MDOC_MALFORMED`.
 */
export async function verifyIssuerSigned(
  platform: Platform,
  input: Uint8Array | MdocIssuerSigned,
  options: VerifyIssuerSignedOptions,
): Promise<VerificationReport> {
  const issuerSigned = input instanceof Uint8Array ? decodeIssuerSigned(input, options) : input;
  const report = new ReportBuilder();
  const { resolution, statusValue } = await runIssuerChecks(report, platform, options.docType, issuerSigned, options);
  const claims = report.failed ? undefined : mdocClaims(issuerSigned);
  return report.finish({
    format: 'mdoc-issuer-signed',
    credentialType: options.docType,
    ...(resolution ? { issuer: resolution.issuer } : {}),
    ...(claims ? { claims } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  });
}
