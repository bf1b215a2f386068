import { findElement, getCredentialType } from '../catalog/credential-catalog.js';
import { getQrPurpose } from '../catalog/qr-purposes.js';
import { type ClaimsInput, validateClaims } from '../catalog/validate-claims.js';
import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { fullDate } from '../cbor/tags.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import type { StatusReference } from '../trust/trust-source.js';
import { publicKeyToCompressedCoseKey } from './compressed-cose-key.js';
import { CNF_COSE_KEY, CWT_CLAIM, ZZ_CLAIM } from './qr-constants.js';

export interface IssueQrCredentialOptions {
  /** The document signer. */
  readonly signer: Signer;
  /** Key id of the document-signer certificate (`computeQrKid`), 8 bytes. */
  readonly kid: Uint8Array;
  readonly typeId: string;
  /** A purpose set of the QR profile (`QR_PURPOSES`): only its elements are taken from `claims`. */
  readonly purpose: string;
  /** The holder's validated claims; may hold more than the purpose needs. */
  readonly claims: ClaimsInput;
  /** The holder's device key, bound through `cnf` (RFC 8747). */
  readonly holderPublicKey: PublicKey;
  readonly iat: Date;
  readonly exp: Date;
  /** Short issuer name for CWT `iss`, e.g. the province code "11". */
  readonly issuer?: string;
  /** Token Status List entry (CWT claim 65535). Keep the uri short: it is in every QR. */
  readonly status?: StatusReference;
}

const epochSeconds = (date: Date, what: string): number => {
  if (!(date instanceof Date) || Number.isNaN(date.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', `${what} must be a valid Date`);
  return Math.floor(date.getTime() / 1000);
};

/**
 * Issues a compact per-purpose credential for the offline QR (docs/qr-format.md §4): a CWT
 * (RFC 8392) in a tagged COSE_Sign1 (RFC 9052 §4.2) signed by the document signer with the
 * protected header `{1: alg, 4: kid}`. Returns the exact COSE bytes the wallet stores.
 */
export async function issueQrCredential(_platform: Platform, options: IssueQrCredentialOptions): Promise<Uint8Array> {
  const { signer, kid, typeId, purpose: purposeId } = options;
  const type = getCredentialType(typeId);
  const purpose = getQrPurpose(typeId, purposeId);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > 32) {
    throw new ZzError('ERR_INPUT_INVALID', 'kid must be 1 to 32 bytes');
  }
  const iat = epochSeconds(options.iat, 'iat');
  const exp = epochSeconds(options.exp, 'exp');
  if (exp <= iat) throw new ZzError('ERR_INPUT_INVALID', 'exp must be after iat');
  const holderKey = assertPublicKey(options.holderPublicKey);
  const all = validateClaims(typeId, options.claims);

  const selected = new Map<string, CborValue>();
  for (const elementId of purpose.elements) {
    const value = all[elementId];
    if (value === undefined)
      throw new ZzError('ERR_CATALOG_SCHEMA', `Element ${elementId}: required by purpose ${purpose.id}`);
    const element = findElement(type, elementId);
    selected.set(elementId, element?.valueType === 'full-date' ? fullDate(value as string) : value);
  }

  const cwt = new Map<number, CborValue>([
    [CWT_CLAIM.iat, iat],
    [CWT_CLAIM.exp, exp],
    [CWT_CLAIM.cnf, new Map([[CNF_COSE_KEY, publicKeyToCompressedCoseKey(holderKey)]])],
    [ZZ_CLAIM.type, [typeId, purpose.id]],
    [ZZ_CLAIM.claims, selected],
  ]);
  if (options.issuer !== undefined) {
    if (typeof options.issuer !== 'string' || options.issuer.length === 0 || options.issuer.length > 64) {
      throw new ZzError('ERR_INPUT_INVALID', 'issuer must be 1 to 64 characters');
    }
    cwt.set(CWT_CLAIM.iss, options.issuer);
  }
  if (options.status !== undefined) {
    const { idx, uri } = options.status;
    if (!Number.isSafeInteger(idx) || idx < 0 || typeof uri !== 'string' || uri.length === 0) {
      throw new ZzError('ERR_INPUT_INVALID', 'status needs a non-negative idx and a uri');
    }
    cwt.set(
      CWT_CLAIM.status,
      new Map([
        [
          'status_list',
          new Map<string, CborValue>([
            ['idx', idx],
            ['uri', uri],
          ]),
        ],
      ]),
    );
  }

  const message = await signCoseSign1(signer, {
    payload: encodeCbor(cwt),
    protectedHeaders: new Map([[COSE_HEADER.kid, kid]]),
  });
  return encodeCoseSign1(message, { tagged: true });
}
