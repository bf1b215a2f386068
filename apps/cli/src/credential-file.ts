import {
  COSE_SIGN1_TAG,
  decodeCbor,
  decodeIssuerSigned,
  type MdocIssuerSigned,
  Tag,
  utf8Decode,
  ZzError,
} from '@zhengzhao/core';

/** A stored credential as `zz issue` writes it, recognised by its shape. */
export type StoredCredential =
  | { readonly format: 'mdoc'; readonly issuerSigned: MdocIssuerSigned }
  | { readonly format: 'sd-jwt'; readonly sdJwt: string }
  | { readonly format: 'qr-profile'; readonly bytes: Uint8Array };

const SD_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+~/;

/**
 * Tells a credential file's format: SD-JWT text (`JWT~D1~…~`), a tagged COSE_Sign1 (18, the
 * compact QR credential) or a CBOR IssuerSigned map. Anything else is `ERR_FORMAT_UNKNOWN`.
 */
export function readStoredCredential(bytes: Uint8Array): StoredCredential {
  const text = textOf(bytes);
  if (text !== undefined && SD_JWT.test(text)) return { format: 'sd-jwt', sdJwt: text };
  let value: unknown;
  try {
    value = decodeCbor(bytes);
  } catch (error) {
    throw new ZzError('ERR_FORMAT_UNKNOWN', 'The credential is neither SD-JWT text nor CBOR', { cause: error });
  }
  if (value instanceof Tag && value.tag === COSE_SIGN1_TAG) return { format: 'qr-profile', bytes };
  if (value instanceof Map && value.has('issuerAuth'))
    return { format: 'mdoc', issuerSigned: decodeIssuerSigned(bytes) };
  throw new ZzError('ERR_FORMAT_UNKNOWN', 'The credential is not an IssuerSigned, an SD-JWT or a QR credential');
}

/** The trimmed UTF-8 text of `bytes`, or undefined when they are not text. */
export function textOf(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decode(bytes).trim();
  } catch {
    return undefined;
  }
}
