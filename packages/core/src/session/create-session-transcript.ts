import { type CborValue, embedEncoded } from '../cbor/encode.js';
import { ZzError } from '../errors/zz-error.js';
import type { MdocSessionTranscript } from '../mdoc/session-transcript.js';

/**
 * `SessionTranscript = [DeviceEngagementBytes, EReaderKeyBytes, Handover]` (ISO/IEC 18013-5
 * §9.1.5.1): the exact DeviceEngagement bytes (as read from the QR code) and EReaderKey COSE_Key
 * bytes, each wrapped in tag 24 without re-encoding; Handover is `null` for QR engagement.
 */
export function createSessionTranscript(
  deviceEngagementBytes: Uint8Array,
  eReaderKeyBytes: Uint8Array,
  handover: CborValue = null,
): MdocSessionTranscript {
  if (!(deviceEngagementBytes instanceof Uint8Array) || !(eReaderKeyBytes instanceof Uint8Array)) {
    throw new ZzError('ERR_INPUT_INVALID', 'DeviceEngagement and EReaderKey must be CBOR bytes');
  }
  return [embedEncoded(deviceEngagementBytes), embedEncoded(eReaderKeyBytes), handover];
}
