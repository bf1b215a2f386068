import { ECDSASigValue } from '@peculiar/asn1-ecc';
import { AsnConvert } from '@peculiar/asn1-schema';
import { ZzError } from '../errors/zz-error.js';

/**
 * Content octets of a DER INTEGER holding the unsigned big-endian `value`: leading zeros are
 * dropped and one 0x00 is added when the high bit is set (X.690 §8.3.2).
 */
export function unsignedToDerInteger(value: Uint8Array): Uint8Array {
  let start = 0;
  while (start < value.length - 1 && value[start] === 0) start++;
  const trimmed = value.subarray(start);
  if (trimmed.length === 0) return Uint8Array.of(0);
  if ((trimmed[0] as number) & 0x80) {
    const out = new Uint8Array(trimmed.length + 1);
    out.set(trimmed, 1);
    return out;
  }
  return new Uint8Array(trimmed);
}

/**
 * The unsigned value of DER INTEGER content octets, left-padded to `length` bytes. Throws
 * `ERR_X509_MALFORMED` for a negative, non-minimal or too large integer.
 */
export function derIntegerToUnsigned(content: Uint8Array, length: number): Uint8Array {
  if (content.length === 0 || (content[0] as number) & 0x80) {
    throw new ZzError('ERR_X509_MALFORMED', 'Signature integer is empty or negative');
  }
  if (content.length > 1 && content[0] === 0 && !((content[1] as number) & 0x80)) {
    throw new ZzError('ERR_X509_MALFORMED', 'Signature integer is not minimally encoded');
  }
  const value = content[0] === 0 ? content.subarray(1) : content;
  if (value.length > length) throw new ZzError('ERR_X509_MALFORMED', 'Signature integer is too large');
  const out = new Uint8Array(length);
  out.set(value, length - value.length);
  return out;
}

/**
 * Raw `r ‖ s` (the core Signer's output) to the DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER,
 * s INTEGER }` that X.509 carries in its signature BIT STRING (RFC 5480 §2.2 / RFC 5758 §3.2).
 * SM2 certificates use the same structure (GM/T 0009 §7.3 "SM2Signature").
 */
export function encodeEcdsaSigValue(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new ZzError('ERR_CRYPTO_SIGNATURE_MALFORMED', 'Signature must be 64 bytes r ‖ s');
  const value = new ECDSASigValue({
    r: toArrayBuffer(unsignedToDerInteger(raw.subarray(0, 32))),
    s: toArrayBuffer(unsignedToDerInteger(raw.subarray(32))),
  });
  return new Uint8Array(AsnConvert.serialize(value));
}

/** DER `ECDSA-Sig-Value` to raw `r ‖ s` (64 bytes); `ERR_X509_MALFORMED` when it is not one. */
export function decodeEcdsaSigValue(der: Uint8Array): Uint8Array {
  let value: ECDSASigValue;
  try {
    value = AsnConvert.parse(der, ECDSASigValue);
  } catch (error) {
    throw new ZzError('ERR_X509_MALFORMED', 'Certificate signature is not an ECDSA-Sig-Value', { cause: error });
  }
  const reEncoded = new Uint8Array(AsnConvert.serialize(value));
  if (reEncoded.length !== der.length || reEncoded.some((byte, i) => byte !== der[i])) {
    throw new ZzError('ERR_X509_MALFORMED', 'Certificate signature is not DER');
  }
  const out = new Uint8Array(64);
  out.set(derIntegerToUnsigned(new Uint8Array(value.r), 32), 0);
  out.set(derIntegerToUnsigned(new Uint8Array(value.s), 32), 32);
  return out;
}

/** A standalone ArrayBuffer holding a copy of `bytes` (asn1-schema takes ArrayBuffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy.buffer;
}
