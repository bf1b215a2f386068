import { utf8Encode } from '../bytes/utf8.js';
import type { CborValue } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { encodeCoseSign1, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import { signJwsCompact } from '../jose/jws-compact.js';
import { encodeX5c } from '../jose/x5c.js';
import type { Signer } from '../platform/crypto-suite.js';
import { parseTrustList } from './parse-trust-list.js';
import { TRUST_LIST_COSE_TYPE, TRUST_LIST_JWS_TYPE, type TrustList } from './trust-list-types.js';

export interface SignTrustListOptions {
  /** The trust-list signing key (an HSM handle works: only `sign` is called). */
  readonly signer: Signer;
  /** Its certificate chain, leaf first (DER): the leaf carries the trust-list-signer EKU and chains to the national root. */
  readonly certificateChain: readonly Uint8Array[];
}

function checked(list: TrustList, options: SignTrustListOptions): TrustList {
  if (!Array.isArray(options.certificateChain) || options.certificateChain.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'A trust list is signed with its certificate chain');
  }
  return parseTrustList(list); // never sign what a verifier would refuse
}

/** The trust list as a compact JWS: `typ: zz-trust-list+jwt`, `x5c` = the signer's chain. */
export async function signTrustListJws(list: TrustList, options: SignTrustListOptions): Promise<string> {
  const payload = checked(list, options);
  return signJwsCompact(
    options.signer,
    { typ: TRUST_LIST_JWS_TYPE, x5c: encodeX5c(options.certificateChain) },
    payload as unknown as Record<string, unknown>,
  );
}

/**
 * The trust list as a tagged COSE_Sign1 (RFC 9052) whose payload is the same UTF-8 JSON: protected
 * `alg`, `typ` (16) `application/zz-trust-list+cose`, `content type` (3) `application/json` and
 * `x5chain` (33), all under the signature.
 */
export async function signTrustListCose(list: TrustList, options: SignTrustListOptions): Promise<Uint8Array> {
  const payload = checked(list, options);
  const chain = options.certificateChain.map((der) => new Uint8Array(der));
  const message = await signCoseSign1(options.signer, {
    payload: utf8Encode(JSON.stringify(payload)),
    protectedHeaders: new Map<number, CborValue>([
      [COSE_HEADER.typ, TRUST_LIST_COSE_TYPE],
      [COSE_HEADER.contentType, 'application/json'],
      [COSE_HEADER.x5chain, chain.length === 1 ? (chain[0] as Uint8Array) : chain],
    ]),
  });
  return encodeCoseSign1(message, { tagged: true });
}
