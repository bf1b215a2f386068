import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, SubjectAlternativeName } from '@peculiar/asn1-x509';
import { rethrowAs } from '../errors/zz-error.js';

const SUBJECT_ALT_NAME = '2.5.29.17';

/**
 * The dNSName entries of a DER certificate's SubjectAlternativeName (RFC 5280 §4.2.1.6), read
 * here because `parseCertificate` does not expose that extension. Empty when there is none.
 * Call it on certificates already parsed (size-checked) by `parseCertificate`.
 */
export function certificateDnsNames(der: Uint8Array): string[] {
  return rethrowAs('ERR_X509_MALFORMED', 'Certificate SubjectAlternativeName does not decode', () => {
    const certificate = AsnConvert.parse(der, Certificate);
    const extension = certificate.tbsCertificate.extensions?.find((entry) => entry.extnID === SUBJECT_ALT_NAME);
    if (!extension) return [];
    const names = AsnConvert.parse(extension.extnValue.buffer, SubjectAlternativeName);
    return Array.from(names).flatMap((name) => (name.dNSName !== undefined ? [name.dNSName.toLowerCase()] : []));
  });
}
