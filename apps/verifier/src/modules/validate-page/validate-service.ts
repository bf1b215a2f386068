import { decodeBase64, type Platform, ZzError } from '@zhengzhao/core';
import { isPdf, MAX_LAYOUT_DOCUMENT_BYTES, validateLayoutDocument } from '@zhengzhao/layout';
import type { EngineReport, VerificationEngine } from '../verify/verification-engine.js';

/** What the validation page shows: the file's checks, then the embedded credential's. */
export interface LayoutValidationView {
  readonly valid: boolean;
  readonly checks: readonly { id: string; outcome: string; code?: string; reason?: string }[];
  /** The document signer: its certificate subject and suite. */
  readonly signer?: { readonly name: string; readonly suite: string };
  readonly signingTime?: string;
  readonly credential?: {
    readonly format: string;
    readonly valid: boolean;
    /** `paper` for a paper credential (no device binding: compare the face). */
    readonly presentation?: string;
    readonly credentialType?: string;
    readonly issuer?: string;
    readonly claims?: Readonly<Record<string, unknown>>;
    readonly checks: readonly { id: string; outcome: string; code?: string }[];
  };
}

/**
 * 证照校验: validates a signed layout document (PDF) — its structure and signature, the signer
 * against the national trust list, the embedded credential with the verifier engine (trust,
 * validity, status) — for the public validation page. Anything that is not a PDF within the
 * size limit is a `ZzError` (400/413); everything else is a report.
 */
export function createValidateService(engine: VerificationEngine, platform: Platform, clock: () => Date) {
  return {
    async validate(documentBase64: unknown): Promise<LayoutValidationView> {
      if (typeof documentBase64 !== 'string' || documentBase64.length === 0) {
        throw new ZzError('ERR_INPUT_INVALID', 'document must be base64 of a PDF');
      }
      if (documentBase64.length > Math.ceil(MAX_LAYOUT_DOCUMENT_BYTES / 3) * 4) {
        throw new ZzError('ERR_INPUT_TOO_LARGE', 'The document is too large');
      }
      let bytes: Uint8Array;
      try {
        bytes = decodeBase64(documentBase64);
      } catch (error) {
        throw new ZzError('ERR_INPUT_INVALID', 'document must be base64 of a PDF', { cause: error });
      }
      if (!isPdf(bytes)) throw new ZzError('ERR_PDF_MALFORMED', 'The file is not a PDF');
      const report = await validateLayoutDocument<EngineReport>(bytes, {
        platform,
        trust: await engine.trustSource(),
        now: clock(),
        // a printed page has no holder device: a paper credential is verified as paper
        verifyCredential: (credential) => engine.verify(credential, {}),
      });
      const embedded = report.credential?.report;
      return {
        valid: report.valid,
        checks: report.checks.map(({ id, outcome, code, reason }) => ({
          id,
          outcome,
          ...(code !== undefined ? { code } : {}),
          ...(reason !== undefined ? { reason } : {}),
        })),
        ...(report.signer ? { signer: { name: report.signer.name, suite: report.signer.suite } } : {}),
        ...(report.signingTime ? { signingTime: report.signingTime.toISOString() } : {}),
        ...(embedded ? { credential: credentialView(embedded) } : {}),
      };
    },
  };
}

export type ValidateService = ReturnType<typeof createValidateService>;

function credentialView(report: EngineReport): NonNullable<LayoutValidationView['credential']> {
  const issuer = report.trustedIssuer?.name['zh-CN'] ?? report.issuer?.name;
  const claims = report.valid && report.claims ? Object.values(report.claims)[0] : undefined;
  return {
    format: report.format,
    valid: report.valid,
    ...(report.presentation ? { presentation: report.presentation } : {}),
    ...(report.credentialType ? { credentialType: report.credentialType } : {}),
    ...(issuer ? { issuer } : {}),
    ...(claims ? { claims: printable(claims) } : {}),
    checks: report.checks.map(({ id, outcome, code }) => ({ id, outcome, ...(code !== undefined ? { code } : {}) })),
  };
}

/** Claim values as JSON: bytes (portraits) are left out — the page shows the printed document itself. */
function printable(claims: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => !(value instanceof Uint8Array)));
}
