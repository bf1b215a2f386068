import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';

/**
 * A fresh certificate serial number: 16 bytes from `platform.randomBytes` with the top bit
 * cleared (positive) and the next bit set (minimal DER, always 16 octets), so 126 random bits.
 * ISO/IEC 18013-5 Annex B.1.2 / B.1.4 and RFC 5280 §4.1.2.2 ask for a positive integer of at
 * most 20 octets carrying at least 63 bits of randomness.
 */
export function createCertificateSerialNumber(platform: Platform): Uint8Array {
  const serial = platform.randomBytes(16);
  if (serial.length !== 16) throw new ZzError('ERR_CRYPTO_OPERATION', 'Random source returned the wrong length');
  serial[0] = ((serial[0] as number) & 0x7f) | 0x40;
  return serial;
}

/** Checks a serial number given by the caller: a positive, minimally encoded integer of 1–20 octets. */
export function assertCertificateSerialNumber(serial: Uint8Array): void {
  if (!(serial instanceof Uint8Array) || serial.length === 0 || serial.length > 20) {
    throw new ZzError('ERR_X509_PROFILE', 'Serial number must be 1 to 20 octets');
  }
  const first = serial[0] as number;
  if (first & 0x80) throw new ZzError('ERR_X509_PROFILE', 'Serial number must be positive');
  if (first === 0 && (serial.length === 1 || !((serial[1] as number) & 0x80))) {
    throw new ZzError('ERR_X509_PROFILE', 'Serial number must be non-zero and minimally encoded');
  }
}
