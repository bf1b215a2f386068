import { ZzError } from '../errors/zz-error.js';
import type { AlternativeNameInput } from './create-x509-certificate.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Limits of the ISO/IEC 18013-5 Annex B certificate profile that the builders enforce:
 * - IACA (B.1.2): validity at most 20 years (7305 days);
 * - document signer (B.1.4): validity at most 457 days;
 * - both: serial number positive, at most 20 octets, at least 63 random bits (see
 *   `createCertificateSerialNumber`), countryName ISO 3166-1 alpha-2 and, for the DS, equal to the
 *   IACA's.
 */
export const ANNEX_B_LIMITS = {
  iacaMaxValidityDays: 7305,
  documentSignerMaxValidityDays: 457,
} as const;

/** Throws `ERR_X509_PROFILE` when notAfter − notBefore exceeds `maxDays`. */
export function assertValidityWithin(notBefore: Date, notAfter: Date, maxDays: number): void {
  if (!(notBefore instanceof Date) || !(notAfter instanceof Date)) {
    throw new ZzError('ERR_INPUT_INVALID', 'notBefore and notAfter must be dates');
  }
  const span = notAfter.getTime() - notBefore.getTime();
  if (!(span > 0) || span > maxDays * DAY_MS) {
    throw new ZzError('ERR_X509_PROFILE', `Validity must be positive and at most ${maxDays} days`);
  }
}

/** Turns parsed IssuerAlternativeName entries (`uri:…`, `email:…`) back into builder input. */
export function alternativeNameFromParsed(entries: readonly string[] | undefined): AlternativeNameInput | undefined {
  if (!entries) return undefined;
  const uri = entries.find((entry) => entry.startsWith('uri:'))?.slice(4);
  const email = entries.find((entry) => entry.startsWith('email:'))?.slice(6);
  if (uri === undefined && email === undefined) return undefined;
  return { ...(uri !== undefined && { uri }), ...(email !== undefined && { email }) };
}
