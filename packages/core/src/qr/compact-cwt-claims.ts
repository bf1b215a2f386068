import { findElement, getCredentialType } from '../catalog/credential-catalog.js';
import type { QrPurpose } from '../catalog/qr-purposes.js';
import type { ValidatedClaims } from '../catalog/validate-claims.js';
import type { CborValue } from '../cbor/encode.js';
import { fullDate } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import type { StatusReference } from '../trust/trust-source.js';

/**
 * Claim builders shared by the phone (`issueQrCredential`) and paper (`issuePaperCredential`)
 * compact credentials (docs/qr-format.md §3, §10).
 */

/** Whole epoch seconds of a valid Date (CWT NumericDate, RFC 8392 §2), else `ERR_INPUT_INVALID`. */
export function epochSeconds(date: Date, what: string): number {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a valid Date`);
  return Math.floor(date.getTime() / 1000);
}

/** Exactly the purpose's elements from the validated record, full-dates tagged 1004. */
export function selectPurposeClaims(purpose: QrPurpose, all: ValidatedClaims): Map<string, CborValue> {
  const type = getCredentialType(purpose.typeId);
  const selected = new Map<string, CborValue>();
  for (const elementId of purpose.elements) {
    const value = all[elementId];
    if (value === undefined)
      throw new ZzError('ERR_CATALOG_SCHEMA', `Element ${elementId}: required by purpose ${purpose.id}`);
    const element = findElement(type, elementId);
    selected.set(elementId, element?.valueType === 'full-date' ? fullDate(value as string) : (value as CborValue));
  }
  return selected;
}

/** CWT `iss`: 1 to 64 characters. */
export function issuerClaim(issuer: string): string {
  if (typeof issuer !== 'string' || issuer.length === 0 || issuer.length > 64) {
    throw new ZzError('ERR_INPUT_INVALID', 'issuer must be 1 to 64 characters');
  }
  return issuer;
}

/** CWT claim 65535 (Token Status List §6.2): `{ "status_list": { "idx", "uri" } }`. */
export function statusClaim(status: StatusReference): Map<string, CborValue> {
  const { idx, uri } = status ?? {};
  if (!Number.isSafeInteger(idx) || idx < 0 || typeof uri !== 'string' || uri.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'status needs a non-negative idx and a uri');
  }
  return new Map([
    [
      'status_list',
      new Map<string, CborValue>([
        ['idx', idx],
        ['uri', uri],
      ]),
    ],
  ]);
}
