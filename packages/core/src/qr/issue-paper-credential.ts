import { getCredentialType } from '../catalog/credential-catalog.js';
import { getPaperQrPurpose } from '../catalog/qr-purposes.js';
import { type ClaimsInput, validateClaims } from '../catalog/validate-claims.js';
import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import type { StatusReference } from '../trust/trust-source.js';
import { epochSeconds, issuerClaim, selectPurposeClaims, statusClaim } from './compact-cwt-claims.js';
import { PAPER_MAX_LIFETIME_SECONDS } from './paper-constants.js';
import { CWT_CLAIM, ZZ_CLAIM } from './qr-constants.js';

export interface IssuePaperCredentialOptions {
  /** The document signer: the same one that signs the holder's phone QR credentials. */
  readonly signer: Signer;
  /** Key id of the document-signer certificate (`computeQrKid`), 8 bytes. */
  readonly kid: Uint8Array;
  /**
   * The document-signer certificate's notAfter: `exp` must not pass it, because verifiers
   * resolve the kid at the time of verification (the ICAO Doc 9303-12 rule for document
   * signers: certificate validity = private-key usage period + longest document lifetime).
   */
  readonly signerNotAfter: Date;
  readonly typeId: string;
  /** A paper purpose (`PAPER_QR_PURPOSES`): `paper_basic` or `paper_with_portrait`. */
  readonly purpose: string;
  /** The holder's record; must include `expiry_date`, which bounds `exp`. */
  readonly claims: ClaimsInput;
  readonly iat: Date;
  /** At most `PAPER_MAX_LIFETIME_SECONDS` after `iat`, and not after the card's expiry day. */
  readonly exp: Date;
  /**
   * Token Status List entry (CWT claim 65535): REQUIRED, and best the paper card's own entry, so
   * that a lost print can be revoked without touching the phone credentials.
   */
  readonly status: StatusReference;
  /** Short issuer name for CWT `iss`, e.g. the province code "11". */
  readonly issuer?: string;
}

/** End of the card's expiry day in China Standard Time (the card is valid through that day). */
function endOfChinaDay(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`) / 1000 + 86_400;
}

/**
 * Issues a paper credential (docs/qr-format.md §10, ADR 0010): the compact CWT of §3 in a tagged
 * COSE_Sign1 signed by the document signer, **without `cnf`** (no device key), with a paper
 * purpose in the type claim and a REQUIRED status reference. Returns the COSE bytes;
 * `encodePaperQr` turns them into the printable `ZZ1:` text.
 */
export async function issuePaperCredential(
  _platform: Platform,
  options: IssuePaperCredentialOptions,
): Promise<Uint8Array> {
  const { signer, kid, typeId, purpose: purposeId } = options;
  getCredentialType(typeId);
  const purpose = getPaperQrPurpose(typeId, purposeId);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > 32) {
    throw new ZzError('ERR_INPUT_INVALID', 'kid must be 1 to 32 bytes');
  }
  const iat = epochSeconds(options.iat, 'iat');
  const exp = epochSeconds(options.exp, 'exp');
  const signerNotAfter = epochSeconds(options.signerNotAfter, 'signerNotAfter');
  if (exp <= iat) throw new ZzError('ERR_INPUT_INVALID', 'exp must be after iat');
  if (exp - iat > PAPER_MAX_LIFETIME_SECONDS) {
    throw new ZzError('ERR_QR_PAPER_LIFETIME', 'A paper credential lives at most five years');
  }
  if (exp > signerNotAfter) {
    throw new ZzError('ERR_INPUT_INVALID', 'exp is after the document-signer certificate expires');
  }
  if (options.status === undefined || options.status === null) {
    throw new ZzError('ERR_QR_PAPER_STATUS_REQUIRED', 'A paper credential needs a status list entry');
  }
  const status = statusClaim(options.status);
  const all = validateClaims(typeId, options.claims);
  const cardExpiry = all.expiry_date;
  if (typeof cardExpiry !== 'string') {
    throw new ZzError('ERR_CATALOG_SCHEMA', 'Element expiry_date: required to bound a paper credential');
  }
  if (exp > endOfChinaDay(cardExpiry)) {
    throw new ZzError('ERR_INPUT_INVALID', 'exp is after the identity card expires');
  }

  const cwt = new Map<number, CborValue>([
    [CWT_CLAIM.iat, iat],
    [CWT_CLAIM.exp, exp],
    [CWT_CLAIM.status, status],
    [ZZ_CLAIM.type, [typeId, purpose.id]],
    [ZZ_CLAIM.claims, selectPurposeClaims(purpose, all)],
  ]);
  if (options.issuer !== undefined) cwt.set(CWT_CLAIM.iss, issuerClaim(options.issuer));

  const message = await signCoseSign1(signer, {
    payload: encodeCbor(cwt),
    protectedHeaders: new Map([[COSE_HEADER.kid, kid]]),
  });
  return encodeCoseSign1(message, { tagged: true });
}
