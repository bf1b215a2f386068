import { bytesEqual } from '../bytes/bytes.js';
import { encodeCbor } from '../cbor/encode.js';
import { signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { parseMobileSecurityObject } from './parse-mobile-security-object.js';
import { deviceAuthenticationBytes, type MdocSessionTranscript } from './session-transcript.js';
import type { MdocDeviceResponse, MdocDocument, MdocIssuerSigned, MdocIssuerSignedItem } from './types.js';

export interface PresentMdocOptions {
  readonly issuerSigned: MdocIssuerSigned;
  /** The device key the MSO binds (`deviceKeyInfo.deviceKey`). */
  readonly deviceSigner: Signer;
  readonly sessionTranscript: MdocSessionTranscript;
  /** Element identifiers to disclose per namespace; `undefined` discloses everything. Unknown names are left out. */
  readonly disclose?: Readonly<Record<string, readonly string[]>>;
  readonly docType: string;
}

/**
 * Builds one `Document` of a DeviceResponse (ISO/IEC 18013-5 §8.3.2.1.2.2, §9.1.3): the issuer
 * items filtered to those disclosed (their bytes unchanged), empty DeviceNameSpaces
 * (`D8 18 41 A0`), and a detached deviceSignature over DeviceAuthenticationBytes.
 */
export async function presentMdoc(_platform: Platform, options: PresentMdocOptions): Promise<MdocDocument> {
  const { issuerSigned, deviceSigner, sessionTranscript, disclose, docType } = options;
  if (!issuerSigned?.issuerAuth?.payload)
    throw new ZzError('ERR_INPUT_INVALID', 'issuerSigned has no IssuerAuth payload');
  const mso = parseMobileSecurityObject(issuerSigned.issuerAuth.payload);
  if (mso.docType !== docType) throw new ZzError('ERR_MDOC_DOCTYPE_MISMATCH', 'docType differs from the MSO docType');
  if (mso.deviceKey.suite !== deviceSigner.suite || !bytesEqual(mso.deviceKey.point, deviceSigner.publicKey.point)) {
    throw new ZzError('ERR_INPUT_INVALID', 'deviceSigner is not the device key bound in the MSO');
  }
  const nameSpaces: Record<string, MdocIssuerSignedItem[]> = {};
  for (const [ns, items] of Object.entries(issuerSigned.nameSpaces)) {
    if (disclose && !Object.hasOwn(disclose, ns)) continue;
    const wanted = disclose ? new Set(disclose[ns]) : undefined;
    const kept = wanted ? items.filter((item) => wanted.has(item.elementIdentifier)) : [...items];
    // defineProperty: a namespace named "__proto__" stays an own property
    if (kept.length > 0)
      Object.defineProperty(nameSpaces, ns, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  const nameSpacesBytes = encodeCbor(new Map());
  const deviceSignature = await signCoseSign1(deviceSigner, {
    payload: deviceAuthenticationBytes(sessionTranscript, docType, nameSpacesBytes),
    detached: true,
  });
  return {
    docType,
    issuerSigned: { nameSpaces, issuerAuth: issuerSigned.issuerAuth },
    deviceSigned: { nameSpacesBytes, nameSpaces: new Map(), deviceSignature },
  };
}

/** `DeviceResponse = {version: "1.0", documents, status: 0}` (§8.3.2.1.2.2). */
export function createDeviceResponse(documents: readonly MdocDocument[]): MdocDeviceResponse {
  if (!Array.isArray(documents) || documents.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'A DeviceResponse needs at least one document');
  }
  return { version: '1.0', documents: [...documents], status: 0 };
}
