import { parseJson, utf8Decode } from '../bytes/utf8.js';
import { BoundedCache, bytesKey } from '../cache/bounded-cache.js';
import { decodeCbor } from '../cbor/decode.js';
import { Tag } from '../cbor/tags.js';
import { COSE_HEADER, COSE_SIGN1_TAG } from '../cose/headers.js';
import { type CoseSign1, parseCoseSign1, verifyCoseSign1 } from '../cose/sign1.js';
import { isZzError, ZzError } from '../errors/zz-error.js';
import { decodeJwsCompact, verifyJws } from '../jose/jws-compact.js';
import { decodeX5c } from '../jose/x5c.js';
import type { Platform } from '../platform/platform.js';
import { validateCertificateChain } from '../trust/validate-certificate-chain.js';
import { type ParsedCertificate, parseCertificate } from '../x509/parse-certificate.js';
import { parseTrustList } from './parse-trust-list.js';
import {
  MAX_TRUST_LIST_BYTES,
  TRUST_LIST_COSE_TYPE,
  TRUST_LIST_JWS_TYPE,
  TRUST_REGISTRY_OID,
  type TrustList,
} from './trust-list-types.js';

export interface VerifyTrustListOptions {
  /** The pinned national root certificate(s), DER: the only trust a verifier or wallet is configured with. */
  readonly roots: readonly Uint8Array[];
  readonly now: Date;
  /** The sequence number of the list already held: a lower one is a rollback (`ERR_TRUST_LIST_ROLLBACK`). */
  readonly minSequence?: number;
  /** How far `issued_at` may lie ahead of `now` (clock skew), seconds; default 300. */
  readonly futureSkewSeconds?: number;
}

export interface VerifiedTrustList {
  readonly list: TrustList;
  readonly form: 'jws' | 'cose';
  /** The certificate that signed the list (it chains to one of the pinned roots). */
  readonly signer: ParsedCertificate;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Verifies a signed trust list, in either form — a compact JWS (text) or a tagged COSE_Sign1
 * (bytes) — against the pinned national root, in this order: size; shape and `typ`; the signer's
 * `x5c`/`x5chain` up to a pinned root with the trust-list-signer EKU (`ERR_TRUST_*`); the
 * signature (`ERR_TRUST_LIST_SIGNATURE`); the payload (`ERR_TRUST_LIST_MALFORMED`); `issued_at`
 * not in the future (`ERR_TRUST_LIST_NOT_YET_VALID`), `expires_at` not passed
 * (`ERR_TRUST_LIST_EXPIRED`); the sequence not below `minSequence` (`ERR_TRUST_LIST_ROLLBACK`).
 * A caller keeps its previous good list whenever this throws.
 */
export async function verifyTrustList(
  platform: Platform,
  signed: string | Uint8Array,
  options: VerifyTrustListOptions,
): Promise<VerifiedTrustList> {
  const { now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a Date');
  if (!Array.isArray(options.roots) || options.roots.length === 0) {
    throw new ZzError('ERR_INPUT_INVALID', 'A trust list is verified against the pinned national root');
  }
  const roots = options.roots.map(parsedRoot);
  const opened = typeof signed === 'string' ? openJws(signed) : openCose(signed);
  const { leaf } = await validateCertificateChain(platform, opened.chain, roots, {
    now,
    leafExtendedKeyUsage: TRUST_REGISTRY_OID.trustListSigner,
  });
  try {
    await opened.verify(platform, leaf);
  } catch (error) {
    if (isZzError(error, 'ERR_JWS_SIGNATURE_INVALID') || isZzError(error, 'ERR_COSE_SIGNATURE_INVALID')) {
      throw new ZzError('ERR_TRUST_LIST_SIGNATURE', 'The trust list signature does not verify', { cause: error });
    }
    throw error;
  }
  const list = parseTrustList(opened.payload());
  const issuedAt = new Date(list.issued_at);
  const expiresAt = new Date(list.expires_at);
  const skew = (options.futureSkewSeconds ?? 300) * 1000;
  if (issuedAt.getTime() > now.getTime() + skew) {
    throw new ZzError('ERR_TRUST_LIST_NOT_YET_VALID', 'The trust list is dated in the future');
  }
  if (now.getTime() >= expiresAt.getTime()) throw new ZzError('ERR_TRUST_LIST_EXPIRED', 'The trust list has expired');
  if (options.minSequence !== undefined && list.sequence < options.minSequence) {
    throw new ZzError(
      'ERR_TRUST_LIST_ROLLBACK',
      `Trust list sequence ${list.sequence} is older than the ${options.minSequence} already held`,
    );
  }
  return { list, form: opened.form, signer: leaf, issuedAt, expiresAt };
}

/**
 * The pinned roots, parsed once: a verifier checks every refresh against the same one or two
 * roots, and parsing a certificate costs more than verifying a signature (`parseCertificate`
 * keeps its own copy of the bytes, so a caller reusing its buffer cannot change a cached root).
 */
const parsedRoots = new BoundedCache<string, ParsedCertificate>(16);

function parsedRoot(der: Uint8Array): ParsedCertificate {
  if (!(der instanceof Uint8Array)) return parseCertificate(der);
  const key = bytesKey(der);
  return parsedRoots.getOrCreate(key, () => parseCertificate(der));
}

interface OpenedList {
  readonly form: 'jws' | 'cose';
  readonly chain: Uint8Array[];
  verify(platform: Platform, signer: ParsedCertificate): Promise<void>;
  payload(): unknown;
}

function malformed(message: string, cause?: unknown): never {
  throw new ZzError('ERR_TRUST_LIST_MALFORMED', message, cause === undefined ? undefined : { cause });
}

function openJws(text: string): OpenedList {
  if (text.length > MAX_TRUST_LIST_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The trust list is too large');
  let decoded: ReturnType<typeof decodeJwsCompact>;
  try {
    decoded = decodeJwsCompact(text.trim(), MAX_TRUST_LIST_BYTES);
  } catch (error) {
    malformed('The trust list is not a compact JWS', error);
  }
  if (decoded.header.typ !== TRUST_LIST_JWS_TYPE) malformed(`The JWS typ is not ${TRUST_LIST_JWS_TYPE}`);
  return {
    form: 'jws',
    chain: decodeX5c(decoded.header.x5c),
    verify: (platform, signer) => verifyJws(platform, decoded, signer.publicKey),
    payload: () => decoded.payload,
  };
}

function openCose(bytes: Uint8Array): OpenedList {
  if (!(bytes instanceof Uint8Array))
    throw new ZzError('ERR_INPUT_INVALID', 'A trust list is text (JWS) or bytes (COSE)');
  if (bytes.length > MAX_TRUST_LIST_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The trust list is too large');
  let message: CoseSign1;
  try {
    const decoded = decodeCbor(bytes, { maxBytes: MAX_TRUST_LIST_BYTES });
    if (!(decoded instanceof Tag) || decoded.tag !== COSE_SIGN1_TAG)
      malformed('The trust list is not a tagged COSE_Sign1');
    message = parseCoseSign1(decoded);
  } catch (error) {
    if (isZzError(error, 'ERR_TRUST_LIST_MALFORMED')) throw error;
    malformed('The trust list is not a COSE_Sign1', error);
  }
  if (message.protectedHeaders.get(COSE_HEADER.typ) !== TRUST_LIST_COSE_TYPE) {
    malformed(`The protected typ is not ${TRUST_LIST_COSE_TYPE}`);
  }
  const payload = message.payload ?? malformed('The trust list payload is detached');
  return {
    form: 'cose',
    chain: protectedChain(message),
    verify: (platform, signer) => verifyCoseSign1(platform, message, signer.publicKey),
    payload: () => {
      try {
        return parseJson(utf8Decode(payload));
      } catch (error) {
        malformed('The trust list payload is not JSON', error);
      }
    },
  };
}

/** The signer's chain from the protected `x5chain` only: the chain must be under the signature too. */
function protectedChain(message: CoseSign1): Uint8Array[] {
  const value = message.protectedHeaders.get(COSE_HEADER.x5chain);
  if (value === undefined) malformed('The x5chain is not in the protected header');
  const chain = value instanceof Uint8Array ? [value] : value;
  if (!Array.isArray(chain) || chain.length === 0 || chain.length > 4 || !chain.every((c) => c instanceof Uint8Array)) {
    malformed('The x5chain must be one certificate or an array of them');
  }
  return chain as Uint8Array[];
}
