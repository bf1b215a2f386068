/**
 * Limits of the paper variant of the `ZZ1:` QR (docs/qr-format.md §10, ADR 0010).
 */

/**
 * Longest lifetime (exp − iat) of a paper credential: five years of 365.25 days, 1,826.25 days
 * (a card issued on 29 February still gets its fifth anniversary). The issuer also stops it at
 * the identity card's expiry and at its document-signer certificate's notAfter.
 */
export const PAPER_MAX_LIFETIME_SECONDS = 1_826.25 * 86_400;

/**
 * Longest paper QR text: the alphanumeric capacity of a version-40 QR at error-correction
 * level M (ISO/IEC 18004:2015 Table 7), so every paper QR prints at level M or better.
 */
export const PAPER_QR_MAX_TEXT_LENGTH = 3_391;
