import type { ErrorCode, MdocIssuerSigned, Signer } from '@zhengzhao/core';
import type { ElementBeyondRegistration } from '../elements-beyond-registration.js';
import type { RelyingPartyRegistrationView } from '../registered-relying-party.js';

/** One requested data element (ISO/IEC 18013-5 §8.3.2.1.2.1 ItemsRequest: element → IntentToRetain). */
export interface RequestedElement {
  readonly identifier: string;
  /** The reader says it will keep the value after the transaction. */
  readonly intentToRetain: boolean;
}

/** One document the reader asks for: its docType and the elements per namespace. */
export interface RequestedDocument {
  readonly docType: string;
  readonly elements: Readonly<Record<string, readonly RequestedElement[]>>;
}

/**
 * Who asks (ISO/IEC 18013-5 §9.1.4 reader authentication). `trusted` is true only when every
 * docRequest carries a readerAuth whose certificate chain ends at one of the wallet's reader
 * trust anchors (id-mdlReaderAuth on the leaf) and whose signature over the SessionTranscript
 * verifies. Names come from that certificate and are given only when it is trusted: an unverified
 * certificate can claim any name. The UI refuses an untrusted reader by default.
 */
export interface ProximityReader {
  readonly trusted: boolean;
  /** Subject organisation (O) of the trusted reader certificate. */
  readonly organisation?: string;
  /** Subject common name (CN) of the trusted reader certificate. */
  readonly commonName?: string;
  /**
   * The registered purpose (zh-CN) when the national trust list knows the reader; otherwise the
   * certificate's organisation (O).
   */
  readonly purpose?: string;
  /** The relying party's registration in the national trust list, when a directory was given and knows it. */
  readonly registration?: RelyingPartyRegistrationView;
  /** Requested elements beyond that registration: the request is refused (`ERR_READER_SCOPE`). */
  readonly beyondRegistration?: readonly ElementBeyondRegistration[];
  /** The reader certificate (DER), when the request carried one, trusted or not. */
  readonly certificate?: Uint8Array;
  /**
   * Why the reader is not trusted: `ERR_SESSION_READER_AUTH_MISSING`, `ERR_SESSION_READER_AUTH_INVALID`,
   * `ERR_TRUST_*`, `ERR_X509_*`; with a relying-party directory also `ERR_READER_NOT_REGISTERED`,
   * `ERR_READER_DEREGISTERED` and `ERR_READER_SCOPE` (it asks beyond its registration).
   */
  readonly errorCode?: ErrorCode;
}

/** A decrypted, parsed DeviceRequest with the verdict on its reader. */
export interface ProximityRequest {
  readonly reader: ProximityReader;
  readonly documents: readonly RequestedDocument[];
}

/** One document the holder agrees to present. */
export interface ApprovedDocument {
  /** The credential: IssuerSigned CBOR bytes (as OpenID4VCI delivers `mso_mdoc`) or decoded. */
  readonly issuerSigned: Uint8Array | MdocIssuerSigned;
  /** The device key the credential's MSO is bound to (e.g. `generateNonExtractableSigner`). */
  readonly deviceSigner: Signer;
  /** The approved element identifiers per namespace: a subset of what was requested for this docType. */
  readonly elements: Readonly<Record<string, readonly string[]>>;
}

export interface ProximityApproval {
  readonly documents: readonly ApprovedDocument[];
}

/** How a session ended. */
export interface ProximitySessionEnd {
  /**
   * `responded`: the DeviceResponse was sent; `declined` / `closed`: the holder ended it;
   * `reader-ended`: the reader sent status 20 (or an error status) first; `failed`: a bad
   * message, a timeout or a lost relay connection (see `code`).
   */
  readonly reason: 'responded' | 'declined' | 'closed' | 'reader-ended' | 'failed';
  readonly code?: ErrorCode;
}

/** The holder's side of one proximity presentation (ISO/IEC 18013-5 §9.1.1) over the WebSocket relay. */
export interface ProximitySession {
  /** `mdoc:` + base64url(DeviceEngagement) with the relay retrieval method: show it as a QR code. */
  readonly engagementQr: string;
  /** The relay URL of this session (`ws(s)://host/s/<22 base64url chars>`). */
  readonly relayUrl: string;
  /**
   * Resolves once the reader has connected and its SessionEstablishment decrypted, the
   * DeviceRequest parsed and readerAuth checked. Rejects with a `ZzError` when the session fails
   * first (bad message → status 10/11 was sent; timeout; relay closed; reader ended).
   */
  waitForRequest(): Promise<ProximityRequest>;
  /**
   * Sends a DeviceResponse with only the approved elements (each must have been requested),
   * device-signed over this session's SessionTranscript, encrypted with SKDevice; then
   * SessionData status 20 and the connection closes. Bad approvals throw `ERR_INPUT_INVALID`
   * and leave the session open; after the end, the failure's code (or `ERR_SESSION_STATE`).
   */
  respond(approval: ProximityApproval): Promise<void>;
  /** Sends SessionData status 20 without data (nothing is disclosed) and closes. */
  decline(): Promise<void>;
  /** Ends the session now (status 20 if still open); idempotent. */
  close(): void;
  /** Settles (never rejects) when the session has ended. */
  readonly ended: Promise<ProximitySessionEnd>;
}
