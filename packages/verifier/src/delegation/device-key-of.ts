import {
  decodeDeviceResponse,
  decodeIssuerSigned,
  decodeSdJwt,
  detectPresentationFormat,
  type JsonObject,
  jwkToPublicKey,
  type MdocDocument,
  type MdocIssuerSigned,
  type PublicKey,
  parseMobileSecurityObject,
} from '@zhengzhao/core';

/**
 * The device key an mdoc binds: the MSO `deviceKeyInfo.deviceKey` (ISO/IEC 18013-5 §9.1.2.4).
 * Undefined when it cannot be read (the document then fails its own verification anyway).
 */
export function deviceKeyOfMdoc(issuerSigned: MdocIssuerSigned): PublicKey | undefined {
  try {
    const payload = issuerSigned.issuerAuth.payload;
    return payload ? parseMobileSecurityObject(payload).deviceKey : undefined;
  } catch {
    return undefined;
  }
}

/** {@link deviceKeyOfMdoc} of one Document of a DeviceResponse. */
export function deviceKeyOfMdocDocument(document: MdocDocument): PublicKey | undefined {
  return deviceKeyOfMdoc(document.issuerSigned);
}

/**
 * The key a presentation binds: an SD-JWT VC's `cnf.jwk` (RFC 7800 §3.2) or the MSO device key
 * of a DeviceResponse with one document or of an IssuerSigned. Undefined when unreadable.
 */
export function deviceKeyOfPresentation(input: string | Uint8Array): PublicKey | undefined {
  try {
    switch (detectPresentationFormat(input)) {
      case 'sd-jwt-vc': {
        const cnf = decodeSdJwt((input as string).trim()).jwt.payload.cnf;
        const jwk =
          typeof cnf === 'object' && cnf !== null && !Array.isArray(cnf) ? (cnf as JsonObject).jwk : undefined;
        return jwk === undefined ? undefined : jwkToPublicKey(jwk);
      }
      case 'mdoc-device-response': {
        const [document, ...others] = decodeDeviceResponse(input as Uint8Array).documents;
        return document && others.length === 0 ? deviceKeyOfMdocDocument(document) : undefined;
      }
      case 'mdoc-issuer-signed':
        return deviceKeyOfMdoc(decodeIssuerSigned(input as Uint8Array));
      default:
        return undefined;
    }
  } catch {
    return undefined;
  }
}
