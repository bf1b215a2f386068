import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';
import { QR_KID_LENGTH } from './qr-constants.js';

/**
 * The `kid` of a compact QR credential (ADR 0004): the first 8 bytes of SHA-256 over the DER
 * of the document-signer certificate (same rule for both suites, like the EU DCC's kid), which
 * `TrustSource.resolveKid` maps back to the certificate.
 */
export async function computeQrKid(platform: Platform, certificateDer: Uint8Array): Promise<Uint8Array> {
  if (!(certificateDer instanceof Uint8Array) || certificateDer.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'Certificate must be non-empty DER bytes');
  }
  const digest = await platform.digest('SHA-256', certificateDer);
  return digest.slice(0, QR_KID_LENGTH);
}
