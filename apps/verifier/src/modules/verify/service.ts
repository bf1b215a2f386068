import { type CheckResult, detectPresentationFormat, ZzError } from '@zhengzhao/core';
import type { VerifyRequest } from './schema.js';
import type { EngineReport, VerificationEngine } from './verification-engine.js';

/** `POST /verify` behind the route: the service's policy around the engine. */
export interface VerifyService {
  verify(request: VerifyRequest): Promise<EngineReport>;
}

/**
 * The policy of a back-office verification (DESIGN.md §5, §6.5):
 * - an SD-JWT VC must come with the `nonce` and `audience` its Key Binding JWT answers
 *   (RFC 9901 §7.3), a DeviceResponse with the `session_transcript` its device signature covers
 *   (ISO 18013-5 §9.1.3): otherwise `ERR_INPUT_INVALID` (400), since device binding is the only
 *   proof that the holder, not a copy, presented it;
 * - a bare IssuerSigned carries no holder proof at all: it is verified for the record but the
 *   report fails `device_binding` with `ERR_DEVICE_BINDING_MISSING` and carries no claims;
 * - input in no known format is `ERR_FORMAT_UNKNOWN` (400), and input that does not decode its
 *   own decoding code (400), from the engine.
 */
export function createVerifyService(engine: VerificationEngine): VerifyService {
  return {
    async verify(request) {
      const format = detectPresentationFormat(request.input);
      if (format === 'sd-jwt-vc' && (request.nonce === undefined || request.audience === undefined)) {
        throw new ZzError('ERR_INPUT_INVALID', 'An SD-JWT VC presentation needs the nonce and audience of its KB-JWT');
      }
      if (format === 'mdoc-device-response' && request.sessionTranscript === undefined) {
        throw new ZzError('ERR_INPUT_INVALID', 'A DeviceResponse needs the session_transcript it was signed over');
      }
      const report = await engine.verify(request.input, {
        ...(request.sessionTranscript !== undefined && { sessionTranscript: request.sessionTranscript }),
        ...(request.audience !== undefined && { audience: request.audience }),
        ...(request.nonce !== undefined && { nonce: request.nonce }),
        ...(request.expectedType !== undefined && { expectedType: request.expectedType }),
      });
      return format === 'mdoc-issuer-signed' ? withoutHolderProof(report) : report;
    },
  };
}

function withoutHolderProof(report: EngineReport): EngineReport {
  const failure: CheckResult = report.valid
    ? {
        id: 'device_binding',
        outcome: 'failed',
        code: 'ERR_DEVICE_BINDING_MISSING',
        reason: 'A bare IssuerSigned has no device signature: present a DeviceResponse',
      }
    : { id: 'device_binding', outcome: 'skipped', reason: 'not run: an earlier check failed' };
  const { claims: _claims, statusValue: _statusValue, ...rest } = report;
  return { ...rest, valid: false, checks: [...report.checks, failure] };
}
