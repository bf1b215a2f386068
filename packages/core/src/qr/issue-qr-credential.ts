import { getCredentialType } from '../catalog/credential-catalog.js';
import { getQrPurpose } from '../catalog/qr-purposes.js';
import { type ClaimsInput, validateClaims } from '../catalog/validate-claims.js';
import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import type { StatusReference } from '../trust/trust-source.js';
import { epochSeconds, issuerClaim, selectPurposeClaims, statusClaim } from './compact-cwt-claims.js';
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

/**
 * Issues a compact per-purpose credential for the offline QR (docs/qr-format.md §4): a CWT
 * (RFC 8392) in a tagged COSE_Sign1 (RFC 9052 §4.2) signed by the document signer with the
 * protected header `{1: alg, 4: kid}`. Returns the exact COSE bytes the wallet stores.
 */
export async function issueQrCredential(_platform: Platform, options: IssueQrCredentialOptions): Promise<Uint8Array> {
  const { signer, kid, typeId, purpose: purposeId } = options;
  getCredentialType(typeId);
  const purpose = getQrPurpose(typeId, purposeId);
  if (!(kid instanceof Uint8Array) || kid.length === 0 || kid.length > 32) {
    throw new ZzError('ERR_INPUT_INVALID', 'kid must be 1 to 32 bytes');
  }
  const iat = epochSeconds(options.iat, 'iat');
  const exp = epochSeconds(options.exp, 'exp');
  if (exp <= iat) throw new ZzError('ERR_INPUT_INVALID', 'exp must be after iat');
  const holderKey = assertPublicKey(options.holderPublicKey);
  const selected = selectPurposeClaims(purpose, validateClaims(typeId, options.claims));

  const cwt = new Map<number, CborValue>([
    [CWT_CLAIM.iat, iat],
    [CWT_CLAIM.exp, exp],
    [CWT_CLAIM.cnf, new Map([[CNF_COSE_KEY, publicKeyToCompressedCoseKey(holderKey)]])],
    [ZZ_CLAIM.type, [typeId, purpose.id]],
    [ZZ_CLAIM.claims, selected],
  ]);
  if (options.issuer !== undefined) cwt.set(CWT_CLAIM.iss, issuerClaim(options.issuer));
  if (options.status !== undefined) cwt.set(CWT_CLAIM.status, statusClaim(options.status));

  const message = await signCoseSign1(signer, {
    payload: encodeCbor(cwt),
    protectedHeaders: new Map([[COSE_HEADER.kid, kid]]),
  });
  return encodeCoseSign1(message, { tagged: true });
}
