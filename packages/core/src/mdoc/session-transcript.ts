import { type CborValue, embedCbor, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { ZzError } from '../errors/zz-error.js';
import type { Platform } from '../platform/platform.js';

/**
 * `SessionTranscript = [DeviceEngagementBytes / null, EReaderKeyBytes / null, Handover]`
 * (ISO/IEC 18013-5 §9.1.5.1). It is a plain CBOR array; it is tagged only where the standard
 * says so (SessionTranscriptBytes, the HKDF salt input).
 */
export type MdocSessionTranscript = readonly CborValue[];

/**
 * The QR-engagement transcript (§9.1.5.1, Handover = null): `deviceEngagement` and `eReaderKey`
 * are the exact CBOR bytes of the DeviceEngagement (as read from the QR code) and of the reader's
 * COSE_Key; they are wrapped in tag 24 without being re-encoded.
 */
export function createQrHandoverSessionTranscript(
  deviceEngagement: Uint8Array,
  eReaderKey: Uint8Array,
): MdocSessionTranscript {
  if (!(deviceEngagement instanceof Uint8Array) || !(eReaderKey instanceof Uint8Array)) {
    throw new ZzError('ERR_INPUT_INVALID', 'DeviceEngagement and EReaderKey must be CBOR bytes');
  }
  return [embedEncoded(deviceEngagement), embedEncoded(eReaderKey), null];
}

export interface Oid4vpHandoverInput {
  /** The request's `client_id`, including its prefix (e.g. `x509_san_dns:`). */
  readonly clientId: string;
  readonly nonce: string;
  /** Raw 32-byte RFC 7638 SHA-256 thumbprint of the verifier's encryption JWK, or null if the response is not encrypted. */
  readonly jwkThumbprint: Uint8Array | null;
  /** `response_uri` (or `redirect_uri`). */
  readonly responseUri: string;
}

/**
 * The OpenID4VP 1.0 transcript (App. B.2.6.1): `[null, null, ["OpenID4VPHandover",
 * SHA-256(CBOR([client_id, nonce, jwkThumbprint / null, response_uri]))]]`. The hash covers the
 * plain array, not a tag-24 item.
 */
export async function createOid4vpSessionTranscript(
  platform: Platform,
  input: Oid4vpHandoverInput,
): Promise<MdocSessionTranscript> {
  const { clientId, nonce, jwkThumbprint, responseUri } = input;
  if (typeof clientId !== 'string' || typeof nonce !== 'string' || typeof responseUri !== 'string') {
    throw new ZzError('ERR_INPUT_INVALID', 'clientId, nonce and responseUri must be strings');
  }
  if (jwkThumbprint !== null && (!(jwkThumbprint instanceof Uint8Array) || jwkThumbprint.length !== 32)) {
    throw new ZzError('ERR_INPUT_INVALID', 'jwkThumbprint must be 32 bytes or null');
  }
  const info = encodeCbor([clientId, nonce, jwkThumbprint, responseUri]);
  const hash = await platform.digest('SHA-256', info);
  return [null, null, ['OpenID4VPHandover', hash]];
}

/** `SessionTranscriptBytes = #6.24(bstr .cbor SessionTranscript)` (§9.1.5.1), e.g. the HKDF salt input. */
export function encodeSessionTranscriptBytes(sessionTranscript: MdocSessionTranscript): Uint8Array {
  return encodeCbor(embedCbor(checkTranscript(sessionTranscript)));
}

/**
 * `DeviceAuthenticationBytes = #6.24(bstr .cbor ["DeviceAuthentication", SessionTranscript,
 * DocType, DeviceNameSpacesBytes])` (§9.1.3.4): the detached payload of the deviceSignature.
 * `deviceNameSpacesBytes` is the content of DeviceNameSpacesBytes exactly as sent.
 */
export function deviceAuthenticationBytes(
  sessionTranscript: MdocSessionTranscript,
  docType: string,
  deviceNameSpacesBytes: Uint8Array,
): Uint8Array {
  return encodeCbor(
    embedCbor([
      'DeviceAuthentication',
      checkTranscript(sessionTranscript),
      docType,
      embedEncoded(deviceNameSpacesBytes),
    ]),
  );
}

function checkTranscript(sessionTranscript: MdocSessionTranscript): MdocSessionTranscript {
  if (!Array.isArray(sessionTranscript)) {
    throw new ZzError('ERR_INPUT_INVALID', 'SessionTranscript must be an array');
  }
  return sessionTranscript;
}
