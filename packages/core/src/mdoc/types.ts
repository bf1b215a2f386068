import type { CoseSign1 } from '../cose/sign1.js';
import type { DigestAlgorithm, PublicKey } from '../platform/crypto-suite.js';
import type { StatusReference } from '../trust/trust-source.js';

/**
 * `IssuerSignedItem` (ISO/IEC 18013-5 §8.3.2.1.2.2) together with the exact bytes it was
 * embedded as. `bytes` is the content of the `#6.24(bstr)`: it is hashed and forwarded as
 * received, never re-encoded.
 */
export interface MdocIssuerSignedItem {
  readonly bytes: Uint8Array;
  readonly digestID: number;
  readonly random: Uint8Array;
  readonly elementIdentifier: string;
  readonly elementValue: unknown;
}

/** `IssuerSigned` (§8.3.2.1.2.2): items per namespace plus the IssuerAuth COSE_Sign1. */
export interface MdocIssuerSigned {
  readonly nameSpaces: Readonly<Record<string, readonly MdocIssuerSignedItem[]>>;
  readonly issuerAuth: CoseSign1;
}

/** `DeviceSigned` (§8.3.2.1.2.2). `nameSpacesBytes` is the content of DeviceNameSpacesBytes, as received. */
export interface MdocDeviceSigned {
  readonly nameSpacesBytes: Uint8Array;
  readonly nameSpaces: ReadonlyMap<string, ReadonlyMap<string, unknown>>;
  readonly deviceSignature?: CoseSign1;
  /** Present when the device authenticated with a COSE_Mac0 (proximity only; not verified here). */
  readonly deviceMac?: unknown;
}

/** One `Document` of a DeviceResponse. */
export interface MdocDocument {
  readonly docType: string;
  readonly issuerSigned: MdocIssuerSigned;
  readonly deviceSigned: MdocDeviceSigned;
}

/** `DeviceResponse` (§8.3.2.1.2.2). Status 0 is OK; 10, 11, 12 are errors. */
export interface MdocDeviceResponse {
  readonly version: string;
  readonly documents: readonly MdocDocument[];
  readonly documentErrors?: readonly ReadonlyMap<string, number>[];
  readonly status: number;
}

/** `ValidityInfo` of the MSO (§9.1.2.4). */
export interface MdocValidityInfo {
  readonly signed: Date;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly expectedUpdate?: Date;
}

/** `MobileSecurityObject` (§9.1.2.4), decoded. */
export interface MobileSecurityObject {
  readonly version: string;
  readonly digestAlgorithm: DigestAlgorithm;
  readonly valueDigests: ReadonlyMap<string, ReadonlyMap<number, Uint8Array>>;
  readonly deviceKey: PublicKey;
  readonly docType: string;
  readonly validityInfo: MdocValidityInfo;
  readonly status?: StatusReference;
}
