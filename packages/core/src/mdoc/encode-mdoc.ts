import { type CborValue, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { coseSign1Value } from '../cose/sign1.js';
import type { MdocDeviceResponse, MdocDeviceSigned, MdocDocument, MdocIssuerSigned } from './types.js';

/**
 * CBOR values and encoders for the ISO/IEC 18013-5 §8.3.2.1.2.2 structures. Item bytes,
 * DeviceNameSpacesBytes and COSE protected headers go out exactly as held: nothing signed or
 * hashed is re-encoded.
 */
export function issuerSignedValue(issuerSigned: MdocIssuerSigned): CborValue {
  const nameSpaces = new Map<string, CborValue>();
  for (const [ns, items] of Object.entries(issuerSigned.nameSpaces)) {
    nameSpaces.set(
      ns,
      items.map((item) => embedEncoded(item.bytes)),
    );
  }
  const value = new Map<string, CborValue>();
  if (nameSpaces.size > 0) value.set('nameSpaces', nameSpaces);
  value.set('issuerAuth', coseSign1Value(issuerSigned.issuerAuth));
  return value;
}

/** `IssuerSigned` bytes, as OpenID4VCI carries an `mso_mdoc` credential (base64url of these). */
export function encodeIssuerSigned(issuerSigned: MdocIssuerSigned): Uint8Array {
  return encodeCbor(issuerSignedValue(issuerSigned));
}

export function deviceSignedValue(deviceSigned: MdocDeviceSigned): CborValue {
  const deviceAuth = new Map<string, CborValue>();
  if (deviceSigned.deviceSignature) deviceAuth.set('deviceSignature', coseSign1Value(deviceSigned.deviceSignature));
  return new Map<string, CborValue>([
    ['nameSpaces', embedEncoded(deviceSigned.nameSpacesBytes)],
    ['deviceAuth', deviceAuth],
  ]);
}

export function mdocDocumentValue(document: MdocDocument): CborValue {
  return new Map<string, CborValue>([
    ['docType', document.docType],
    ['issuerSigned', issuerSignedValue(document.issuerSigned)],
    ['deviceSigned', deviceSignedValue(document.deviceSigned)],
  ]);
}

/** `DeviceResponse` bytes (§8.3.2.1.2.2). */
export function encodeDeviceResponse(response: MdocDeviceResponse): Uint8Array {
  const value = new Map<string, CborValue>([['version', response.version]]);
  if (response.documents.length > 0) value.set('documents', response.documents.map(mdocDocumentValue));
  if (response.documentErrors?.length) {
    value.set(
      'documentErrors',
      response.documentErrors.map((errors) => errors as ReadonlyMap<CborValue, CborValue>),
    );
  }
  value.set('status', response.status);
  return encodeCbor(value);
}
