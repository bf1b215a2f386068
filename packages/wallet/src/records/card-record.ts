import type { StatusReference } from '@zhengzhao/core';
import type { CredentialStatusValue, PurposeId } from '../wallet-types.js';

/** Claim values as stored: catalog elements are text, integers, booleans or bytes. */
export type StoredClaimValue = string | number | boolean | Uint8Array;

/**
 * One logical card (kind `credential`, id `card:<cardId>`), sealed: what the holder sees, the
 * document-signer certificates its copies came with, and the last verified status.
 */
export interface CardRecord {
  readonly cardId: string;
  readonly type: string;
  readonly typeNames: Readonly<Record<string, string>>;
  readonly issuer: { readonly url: string; readonly name: string; readonly names: Readonly<Record<string, string>> };
  readonly claims: Readonly<Record<string, StoredClaimValue>>;
  /** ISO 8601. */
  readonly validFrom?: string;
  readonly validUntil?: string;
  /** DER of every document-signer certificate seen with its copies (pinned for status lists). */
  readonly dsCertificates: readonly Uint8Array[];
  readonly status: { readonly value: CredentialStatusValue; readonly checkedAt?: string };
  readonly receivedAt: string;
  /** What the batch held, as `format/purpose` (`mso_mdoc/`, `zz1_qr/hotel`): sync tops up what ran out. */
  readonly formats?: readonly string[];
}

/** The wire formats the wallet stores (OpenID4VCI `format`). */
export type CopyFormat = 'mso_mdoc' | 'dc+sd-jwt' | 'zz1_qr';

/** One unused one-time copy (kind `credential`, id from {@link copyId}), sealed. */
export interface CopyRecord {
  readonly cardId: string;
  readonly format: CopyFormat;
  readonly configurationId: string;
  /** QR purpose of a `zz1_qr` copy. */
  readonly purpose?: PurposeId;
  /** As the issuer sent it (OpenID4VCI 1.0 §8.3). */
  readonly credential: string;
  readonly status?: StatusReference;
  /** ISO 8601: the copy's own expiry (QR copies are short-lived). */
  readonly expiresAt?: string;
}

export const CARD_PREFIX = 'card:';
export const COPY_PREFIX = 'copy:';

const FORMAT_KEY: Readonly<Record<CopyFormat, string>> = { mso_mdoc: 'mdoc', 'dc+sd-jwt': 'sdjwt', zz1_qr: 'qr' };

export const cardRecordId = (cardId: string): string => `${CARD_PREFIX}${cardId}`;

/** `copy:<cardId>:<mdoc|sdjwt|qr>:<purpose|->:<n>`: counts need no decryption. */
export function copyId(cardId: string, format: CopyFormat, purpose: string | undefined, n: string): string {
  return `${COPY_PREFIX}${cardId}:${FORMAT_KEY[format]}:${purpose ?? '-'}:${n}`;
}

/** The prefix of every copy of `cardId` (optionally of one format and purpose). */
export function copyPrefix(cardId: string, format?: CopyFormat, purpose?: string): string {
  if (format === undefined) return `${COPY_PREFIX}${cardId}:`;
  const base = `${COPY_PREFIX}${cardId}:${FORMAT_KEY[format]}:`;
  return format === 'zz1_qr' && purpose !== undefined ? `${base}${purpose}:` : base;
}

/** Reads a copy id back into its parts (undefined for a foreign id). */
export function parseCopyId(
  id: string,
): { cardId: string; format: CopyFormat; purpose?: string; n: string } | undefined {
  const parts = id.split(':');
  if (parts.length !== 5 || parts[0] !== 'copy') return undefined;
  const [, cardId, key, purpose, n] = parts as [string, string, string, string, string];
  const format = (Object.keys(FORMAT_KEY) as CopyFormat[]).find((f) => FORMAT_KEY[f] === key);
  if (!format) return undefined;
  return { cardId, format, ...(purpose !== '-' ? { purpose } : {}), n };
}
