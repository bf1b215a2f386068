import { verifyCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { ReportBuilder, type VerificationReport } from '../verify/report.js';
import { type DecodeMdocOptions, decodeDeviceResponse } from './decode-device-response.js';
import { mdocClaims } from './mdoc-claims.js';
import { deviceAuthenticationBytes, type MdocSessionTranscript } from './session-transcript.js';
import type { MdocDeviceResponse, MdocDocument, MobileSecurityObject } from './types.js';
import { type IssuerChecksOptions, runIssuerChecks } from './verify-mdoc-checks.js';

export interface VerifyDeviceResponseOptions extends IssuerChecksOptions, DecodeMdocOptions {
  /** The SessionTranscript the verifier computed itself (plain array, §9.1.5.1). */
  readonly sessionTranscript?: MdocSessionTranscript;
  /** Require a valid deviceSignature (default true). When false, device_binding is skipped. */
  readonly requireDeviceAuth?: boolean;
}

export interface DeviceResponseVerification {
  /** True when the response status is 0, it holds at least one document and every report is valid. */
  readonly valid: boolean;
  /** The DeviceResponse `status` (0 OK; 10, 11, 12 errors). */
  readonly status: number;
  /** One report per document, in order. */
  readonly reports: readonly VerificationReport[];
}

/**
 * Verifies a DeviceResponse (ISO/IEC 18013-5 §9.3.1): per document, trust_chain → issuer_signature
 * → digests → doc_type → validity → status → device_binding, each a named check of the report.
 * Input that is not a DeviceResponse at all throws (`ERR_CBOR_MALFORMED`, `ERR_MDOC_MALFORMED`,
 * `ERR_INPUT_TOO_LARGE`); everything after parsing lands in the reports.
 */
export async function verifyDeviceResponse(
  platform: Platform,
  input: Uint8Array | MdocDeviceResponse,
  options: VerifyDeviceResponseOptions,
): Promise<DeviceResponseVerification> {
  const response = input instanceof Uint8Array ? decodeDeviceResponse(input, options) : input;
  const reports: VerificationReport[] = [];
  for (const document of response.documents) reports.push(await verifyMdocDocument(platform, document, options));
  const valid = response.status === 0 && reports.length > 0 && reports.every((report) => report.valid);
  return { valid, status: response.status, reports };
}

/** Verifies one Document of a DeviceResponse; see `verifyDeviceResponse`. */
export async function verifyMdocDocument(
  platform: Platform,
  document: MdocDocument,
  options: VerifyDeviceResponseOptions,
): Promise<VerificationReport> {
  const report = new ReportBuilder();
  const { resolution, mso, statusValue } = await runIssuerChecks(
    report,
    platform,
    document.docType,
    document.issuerSigned,
    options,
  );
  if (options.requireDeviceAuth === false) {
    report.skip('device_binding', 'device authentication not required by policy');
  } else {
    await report.run('device_binding', () =>
      checkDeviceSignature(platform, document, mso as MobileSecurityObject, options),
    );
  }
  const claims = report.failed ? undefined : mdocClaims(document.issuerSigned);
  return report.finish({
    format: 'mdoc-device-response',
    credentialType: document.docType,
    ...(resolution ? { issuer: resolution.issuer } : {}),
    ...(claims ? { claims } : {}),
    ...(statusValue !== undefined ? { statusValue } : {}),
  });
}

/**
 * mdoc authentication by signature (§9.1.3.6): the detached deviceSignature over
 * DeviceAuthenticationBytes rebuilt from the verifier's own SessionTranscript and the received
 * DeviceNameSpacesBytes, checked with the MSO deviceKey. deviceMac needs the session's reader key.
 */
async function checkDeviceSignature(
  platform: Platform,
  document: MdocDocument,
  mso: MobileSecurityObject,
  options: VerifyDeviceResponseOptions,
): Promise<void> {
  const { deviceSignature, deviceMac, nameSpacesBytes } = document.deviceSigned;
  if (!deviceSignature) {
    if (deviceMac !== undefined) {
      throw new ZzError('ERR_MDOC_DEVICE_AUTH_UNSUPPORTED', 'deviceMac needs the proximity session reader key');
    }
    throw new ZzError('ERR_DEVICE_BINDING_MISSING', 'Document has no device authentication');
  }
  if (!options.sessionTranscript)
    throw new ZzError('ERR_INPUT_INVALID', 'sessionTranscript is required for device_binding');
  const payload = deviceAuthenticationBytes(options.sessionTranscript, document.docType, nameSpacesBytes);
  try {
    await verifyCoseSign1(platform, deviceSignature, mso.deviceKey, { detachedPayload: payload });
  } catch (error) {
    if (error instanceof ZzError && error.code === 'ERR_COSE_SIGNATURE_INVALID') {
      throw new ZzError('ERR_MDOC_DEVICE_SIGNATURE_INVALID', 'Device signature does not verify', { cause: error });
    }
    throw error;
  }
}
