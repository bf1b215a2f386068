import { AsnConvert } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { ZzError } from '../errors/zz-error.js';
import { X509_OID } from './oids.js';

/**
 * A distinguished name as ISO/IEC 18013-5 Annex B uses it: `country` (ISO 3166-1 alpha-2, e.g.
 * `CN`) and `commonName` are mandatory, `stateOrProvince` names the province, `organization`
 * the authority.
 */
export interface CertificateSubject {
  readonly country: string;
  readonly stateOrProvince?: string;
  readonly locality?: string;
  readonly organization?: string;
  readonly commonName: string;
}

/** A parsed distinguished name: the known attributes, all attributes, and a display form. */
export interface CertificateName {
  readonly country?: string;
  readonly stateOrProvince?: string;
  readonly locality?: string;
  readonly organization?: string;
  readonly organizationalUnit?: string;
  readonly commonName?: string;
  /** Every attribute in encoding order, by OID. */
  readonly attributes: readonly { readonly oid: string; readonly value: string }[];
  /** RFC 4514-style display string, most specific first: `CN=…,O=…,ST=…,C=CN`. */
  readonly display: string;
  /** DER of the Name as re-encoded; names are compared by these bytes. */
  readonly der: Uint8Array;
}

const MAX_ATTRIBUTE_LENGTH = 128;

const SHORT_NAMES: Record<string, string> = {
  [X509_OID.countryName]: 'C',
  [X509_OID.stateOrProvinceName]: 'ST',
  [X509_OID.localityName]: 'L',
  [X509_OID.organizationName]: 'O',
  [X509_OID.organizationalUnitName]: 'OU',
  [X509_OID.commonName]: 'CN',
  [X509_OID.serialNumber]: 'serialNumber',
};

/**
 * Encodes a subject as an X.501 Name: countryName as PrintableString (RFC 5280 App. A), the
 * others as UTF8String (RFC 5280 §4.1.2.6; Chinese names need it). Throws `ERR_X509_PROFILE` for a
 * country that is not two upper-case letters or an empty or over-long attribute.
 */
export function encodeCertificateName(subject: CertificateSubject): Name {
  if (typeof subject !== 'object' || subject === null) throw new ZzError('ERR_INPUT_INVALID', 'Subject is required');
  if (typeof subject.country !== 'string' || !/^[A-Z]{2}$/.test(subject.country)) {
    throw new ZzError('ERR_X509_PROFILE', 'countryName must be an ISO 3166-1 alpha-2 code');
  }
  const rdns = [attribute(X509_OID.countryName, new AttributeValue({ printableString: subject.country }))];
  const optional: [string, string | undefined][] = [
    [X509_OID.stateOrProvinceName, subject.stateOrProvince],
    [X509_OID.localityName, subject.locality],
    [X509_OID.organizationName, subject.organization],
    [X509_OID.commonName, subject.commonName],
  ];
  for (const [oid, value] of optional) {
    if (value === undefined && oid !== X509_OID.commonName) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_ATTRIBUTE_LENGTH) {
      throw new ZzError('ERR_X509_PROFILE', `Name attribute ${SHORT_NAMES[oid]} must be 1 to 128 characters`);
    }
    rdns.push(attribute(oid, new AttributeValue({ utf8String: value })));
  }
  return new Name(rdns);
}

/** Reads a Name into a CertificateName (unknown attribute types are kept by OID). */
export function decodeCertificateName(name: Name): CertificateName {
  const attributes: { oid: string; value: string }[] = [];
  const known: Record<string, string> = {};
  for (const rdn of name) {
    for (const atv of rdn) {
      const value = atv.value.toString();
      attributes.push({ oid: atv.type, value });
      const short = SHORT_NAMES[atv.type];
      if (short && known[short] === undefined) known[short] = value;
    }
  }
  const display = [...attributes]
    .reverse()
    .map(({ oid, value }) => `${SHORT_NAMES[oid] ?? oid}=${escapeRfc4514(value)}`)
    .join(',');
  return {
    ...(known.C !== undefined && { country: known.C }),
    ...(known.ST !== undefined && { stateOrProvince: known.ST }),
    ...(known.L !== undefined && { locality: known.L }),
    ...(known.O !== undefined && { organization: known.O }),
    ...(known.OU !== undefined && { organizationalUnit: known.OU }),
    ...(known.CN !== undefined && { commonName: known.CN }),
    attributes,
    display,
    der: new Uint8Array(AsnConvert.serialize(name)),
  };
}

function attribute(type: string, value: AttributeValue): RelativeDistinguishedName {
  return new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
}

function escapeRfc4514(value: string): string {
  return value.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|[ ]$/g, (c) => `\\${c}`);
}
