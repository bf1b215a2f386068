import { findElement, getCredentialType, ZzError } from '@zhengzhao/core';
import type { ShareContext } from '../../context.js';
import type { ConsentRow, RequestRow } from './request-repository.js';

const MAX_CREDENTIAL_LENGTH = 64 * 1024;
const MAX_LAYOUT_BYTES = 4 * 1024 * 1024;

/** What the holder's wallet posts to approve a request. */
export interface ApproveBody {
  readonly consent: unknown;
  readonly credential: unknown;
  readonly layout_document?: unknown;
}

/**
 * The released credential must verify (issuer, trust, status; for a one-time consent a KB-JWT
 * for this agency and request nonce) and disclose no element beyond the consent.
 */
export async function checkRelease(
  context: ShareContext,
  request: RequestRow,
  consent: ConsentRow,
  body: ApproveBody,
): Promise<{ credential: string; layout: Uint8Array | null }> {
  const { credential } = body;
  if (typeof credential !== 'string' || credential.length === 0 || credential.length > MAX_CREDENTIAL_LENGTH) {
    throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'credential must be an SD-JWT VC of at most 64 KiB');
  }
  const report = await context.verifier.verify(credential, {
    expectedType: request.doc_type,
    ...(consent.kind === 'once' ? { audience: request.agency_id, nonce: request.nonce } : { requireKeyBinding: false }),
  });
  if (!report.valid || report.format !== 'sd-jwt-vc') {
    const failed = report.checks.find((check) => check.outcome === 'failed');
    throw new ZzError(
      'ERR_SHARE_RELEASE_INVALID',
      `The released credential does not verify (${failed?.code ?? 'format'})`,
    );
  }
  const consented: string[] = JSON.parse(consent.elements);
  const type = getCredentialType(request.doc_type);
  const disclosed = Object.keys(report.claims?.[request.doc_type] ?? {}).filter((id) => findElement(type, id));
  if (disclosed.some((id) => !consented.includes(id))) {
    throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'The credential discloses elements beyond the consent');
  }
  let layout: Uint8Array | null = null;
  if (body.layout_document !== undefined) {
    if (typeof body.layout_document !== 'string' || body.layout_document.length > (MAX_LAYOUT_BYTES * 4) / 3 + 4) {
      throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'layout_document must be base64 of at most 4 MiB');
    }
    layout = new Uint8Array(Buffer.from(body.layout_document, 'base64'));
    if (!startsWithPdf(layout)) throw new ZzError('ERR_SHARE_RELEASE_INVALID', 'layout_document is not a PDF');
  }
  return { credential, layout };
}

function startsWithPdf(bytes: Uint8Array): boolean {
  return bytes.length > 8 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';
}
