/**
 * Labels and limits of the `ZZ1:` offline QR format (docs/qr-format.md, ADR 0004).
 */

/** Text prefix: format "ZZ", version 1 (after the EU DCC's `HC1:`). */
export const ZZ1_PREFIX = 'ZZ1:';
/** First element of the presentation array. */
export const ZZ1_VERSION = 1;

/** CWT claim keys (RFC 8392 §4, RFC 8747 §3.1, Token Status List §6.2). */
export const CWT_CLAIM = { iss: 1, exp: 4, iat: 6, cnf: 8, status: 65535 } as const;

/**
 * Private-use CWT claims (IANA CWT registry: integers below -65536 are private use):
 * -65537 = [typeId, purpose], -65538 = { elementId: value }.
 */
export const ZZ_CLAIM = { type: -65537, claims: -65538 } as const;

/** `cnf` member holding a COSE_Key (RFC 8747 §3.2). */
export const CNF_COSE_KEY = 1;

/** Device proof payload map keys: 1 = timestamp (epoch seconds). */
export const DEVICE_PROOF_CLAIM = { timestamp: 1 } as const;

/** Key id length: first 8 bytes of SHA-256 over the DER of the document-signer certificate. */
export const QR_KID_LENGTH = 8;

/**
 * Limits for decoding: the largest QR (version 40-L) holds 4,296 alphanumeric characters, and
 * nothing legitimate inflates beyond a few KiB (the biggest purpose set with a 2 KiB thumbnail
 * is about 2.6 KiB of CBOR).
 */
export const QR_MAX_TEXT_LENGTH = 4400;
export const QR_MAX_INFLATED_BYTES = 8192;

/** Freshness window defaults (seconds): how old a QR may be, and how far in the future. */
export const QR_DEFAULT_FRESHNESS_SECONDS = 120;
export const QR_DEFAULT_FUTURE_SKEW_SECONDS = 10;
