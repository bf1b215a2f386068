import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';

/** SHA-256 over the certificate DER (its thumbprint, as in RFC 8705 §3.1 and x5t#S256). */
export async function certificateThumbprint(platform: Platform, der: Uint8Array): Promise<Uint8Array> {
  if (!(der instanceof Uint8Array) || der.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'Certificate must be non-empty bytes');
  }
  return platform.digest('SHA-256', der);
}

/** Length of a certificate key id in bytes. */
export const CERTIFICATE_KID_LENGTH = 8;

/**
 * The key id of a document-signer certificate: the first 8 bytes of SHA-256 over its DER, the EU
 * Digital COVID Certificate convention (eHN DCC technical specification §3.3.1) that the
 * compact QR credentials use as COSE `kid` (ADR 0004).
 */
export async function certificateKid(platform: Platform, der: Uint8Array): Promise<Uint8Array> {
  return (await certificateThumbprint(platform, der)).slice(0, CERTIFICATE_KID_LENGTH);
}
