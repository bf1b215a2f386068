import { decodeCbor } from '../cbor/decode.js';
import { ZzError } from '../errors/zz-error.js';
import { decodeDeviceResponse, decodeIssuerSigned } from '../mdoc/decode-device-response.js';
import { parseMobileSecurityObject } from '../mdoc/parse-mobile-security-object.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';
import { verifyMdocDocument } from '../mdoc/verify-device-response.js';
import { verifyIssuerSigned } from '../mdoc/verify-issuer-signed.js';
import type { Platform } from '../platform/platform.js';
import { ZZ1_PREFIX } from '../qr/qr-constants.js';
import { verifyQr } from '../qr/verify-qr.js';
import { verifySdJwtVc } from '../sd-jwt/verify-sd-jwt-vc.js';
import type { StatusResolver, TrustSource } from '../trust/trust-source.js';
import { type PresentationFormat, ReportBuilder, type VerificationReport } from './report.js';

export interface VerifyPresentationOptions {
  readonly trust: TrustSource;
  readonly now: Date;
  readonly statusResolver?: StatusResolver;
  /** mdoc: the SessionTranscript this verifier computed (required for device binding). */
  readonly sessionTranscript?: MdocSessionTranscript;
  /** SD-JWT VC: the expected KB-JWT `aud` and `nonce`. */
  readonly audience?: string;
  readonly nonce?: string;
  /**
   * SD-JWT VC: demand a Key Binding JWT (default true; then `audience` and `nonce` are required).
   * False accepts a credential the holder released without a live presentation (a document
   * shared under standing consent); a KB-JWT that is present is still checked.
   */
  readonly requireKeyBinding?: boolean;
  /** Credential type (mdoc docType or SD-JWT `vct`) the verifier expects. */
  readonly expectedType?: string;
  /** ZZ1 QR: freshness window in seconds (default 120). */
  readonly freshnessSeconds?: number;
}

const JWS_LIKE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*~/;

/**
 * Tells which kind of presentation `input` is: `ZZ1:` text, an SD-JWT (VC), or CBOR holding a
 * DeviceResponse or a bare IssuerSigned. Throws `ERR_FORMAT_UNKNOWN` for anything else.
 */
export function detectPresentationFormat(input: string | Uint8Array): PresentationFormat {
  if (typeof input === 'string') {
    const text = input.trim();
    if (text.startsWith(ZZ1_PREFIX)) return 'zz1-qr';
    if (JWS_LIKE.test(text)) return 'sd-jwt-vc';
    throw new ZzError('ERR_FORMAT_UNKNOWN', 'Text is neither a ZZ1: QR nor an SD-JWT');
  }
  let value: unknown;
  try {
    value = decodeCbor(input);
  } catch (error) {
    throw new ZzError('ERR_FORMAT_UNKNOWN', 'Bytes are not CBOR, so neither a DeviceResponse nor an IssuerSigned', {
      cause: error,
    });
  }
  if (value instanceof Map && value.has('version') && (value.has('documents') || value.has('status'))) {
    return 'mdoc-device-response';
  }
  if (value instanceof Map && value.has('issuerAuth')) return 'mdoc-issuer-signed';
  throw new ZzError('ERR_FORMAT_UNKNOWN', 'CBOR is neither a DeviceResponse nor an IssuerSigned');
}

/**
 * Verifies any presentation the platform knows (DESIGN.md §5) and returns one report. A
 * DeviceResponse must carry exactly one document here (use `verifyDeviceResponse` for several).
 * Input whose format cannot be recognised or decoded throws its ZzError; everything that decodes
 * ends in a report.
 */
export async function verifyPresentation(
  platform: Platform,
  input: string | Uint8Array,
  options: VerifyPresentationOptions,
): Promise<VerificationReport> {
  const format = detectPresentationFormat(input);
  const common = {
    trust: options.trust,
    now: options.now,
    ...(options.statusResolver && { statusResolver: options.statusResolver }),
  };
  switch (format) {
    case 'zz1-qr':
      return verifyQr(platform, (input as string).trim(), {
        ...common,
        ...(options.freshnessSeconds !== undefined && { freshnessSeconds: options.freshnessSeconds }),
      });
    case 'sd-jwt-vc':
      return verifySdJwtVc(platform, (input as string).trim(), {
        ...common,
        ...(options.audience !== undefined && { audience: options.audience }),
        ...(options.nonce !== undefined && { nonce: options.nonce }),
        ...(options.requireKeyBinding !== undefined && { requireKeyBinding: options.requireKeyBinding }),
        ...(options.expectedType !== undefined && { expectedVct: options.expectedType }),
      });
    case 'mdoc-issuer-signed': {
      const issuerSigned = decodeIssuerSigned(input as Uint8Array);
      return verifyIssuerSigned(platform, issuerSigned, {
        ...common,
        docType: options.expectedType ?? mdocDocTypeOf(issuerSigned.issuerAuth.payload),
        ...(options.expectedType !== undefined && { expectedDocType: options.expectedType }),
      });
    }
    case 'mdoc-device-response': {
      const response = decodeDeviceResponse(input as Uint8Array);
      const [document, ...others] = response.documents;
      if (!document || others.length > 0 || response.status !== 0) {
        const report = new ReportBuilder();
        report.fail(
          'doc_type',
          new ZzError(
            'ERR_MDOC_RESPONSE_STATUS',
            `DeviceResponse has status ${response.status} and ${response.documents.length} documents; expected 0 and 1`,
          ),
        );
        return report.finish({ format });
      }
      return verifyMdocDocument(platform, document, {
        ...common,
        ...(options.sessionTranscript !== undefined && { sessionTranscript: options.sessionTranscript }),
        ...(options.expectedType !== undefined && { expectedDocType: options.expectedType }),
      });
    }
    default:
      throw new ZzError('ERR_FORMAT_UNKNOWN', 'Unsupported presentation format');
  }
}

/**
 * An IssuerSigned travels without an outer docType: route it by the docType its MSO names (the
 * issuer signature over that MSO is checked right after), unless the caller expects one.
 */
function mdocDocTypeOf(payload: Uint8Array | null): string {
  if (!payload) throw new ZzError('ERR_MDOC_MALFORMED', 'IssuerAuth has no payload');
  return parseMobileSecurityObject(payload).docType;
}
