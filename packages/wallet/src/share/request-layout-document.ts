import { decodeBase64, type Platform, type Signer, ZzError } from '@zhengzhao/core';
import { callIssuerJson } from '../issuer/call-issuer-json.js';
import { deviceKeyProof } from '../issuer/device-key-proof.js';
import { IssuerRefusal } from '../issuer/issuer-refusal.js';
import type { WalletFetch } from '../wallet-types.js';

/** Largest layout document accepted from an issuer (the PDF is about 70 KB). */
const MAX_LAYOUT_BYTES = 4 * 1024 * 1024;

/**
 * The holder's signed layout document (证照版式文件, a PDF with the credential as QR and
 * attachment) from the card's issuer: `POST {issuer}/wallets/{walletId}/layout-document` with a
 * key proof. The wallet attaches it to a consented release; it does not keep it. Undefined when
 * the issuer makes none (404).
 */
export async function requestLayoutDocument(
  platform: Platform,
  options: { issuer: string; walletId: string; deviceSigner: Signer; fetch: WalletFetch; now: Date },
): Promise<Uint8Array | undefined> {
  const proof = await deviceKeyProof(platform, options);
  const issuer = options.issuer.replace(/\/$/, '');
  let body: Record<string, unknown>;
  try {
    body = await callIssuerJson(
      options.fetch,
      `${issuer}/wallets/${encodeURIComponent(options.walletId)}/layout-document`,
      { method: 'POST', body: { proof }, maxLength: (MAX_LAYOUT_BYTES * 4) / 3 + 1024, timeoutMs: 30_000 },
    );
  } catch (error) {
    // an authority that makes no layout documents (its licence has no paper form yet)
    if (error instanceof IssuerRefusal && error.httpStatus === 404) return undefined;
    throw error;
  }
  if (typeof body.layout_document !== 'string') {
    throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer answered without a layout document');
  }
  const pdf = decodeBase64(body.layout_document);
  if (pdf.length < 8 || String.fromCharCode(...pdf.subarray(0, 5)) !== '%PDF-') {
    throw new ZzError('ERR_WALLET_SYNC_FAILED', 'The issuer’s layout document is not a PDF');
  }
  return pdf;
}
