import { decodeCbor } from '../cbor/decode.js';
import { CborReader } from '../cbor/shape.js';
import { Tag } from '../cbor/tags.js';
import { COSE_HEADER, COSE_SIGN1_TAG } from '../cose/headers.js';
import { type CoseSign1, parseCoseSign1 } from '../cose/sign1.js';
import type { PublicKey } from '../platform/crypto-suite.js';
import type { StatusReference } from '../trust/trust-source.js';
import { coseKeyToPublicKeyCompressed } from './compressed-cose-key.js';
import { CNF_COSE_KEY, CWT_CLAIM, ZZ_CLAIM } from './qr-constants.js';

/**
 * The claims of a compact credential, phone or paper, read but NOT yet verified. A paper
 * credential (ADR 0010) has no `cnf`, hence no holder key.
 */
export interface CompactCredentialClaims {
  readonly iss?: string;
  readonly iat: number;
  readonly exp: number;
  readonly typeId: string;
  readonly purpose: string;
  /** Element values as decoded (full-dates still tagged); validated later against the catalog. */
  readonly claims: ReadonlyMap<unknown, unknown>;
  /** From `cnf` (RFC 8747); absent only in a paper credential. */
  readonly holderPublicKey?: PublicKey;
  readonly status?: StatusReference;
}

/** The claims of a device-bound (phone) QR credential, read but NOT yet verified. */
export interface QrCredentialClaims extends CompactCredentialClaims {
  readonly holderPublicKey: PublicKey;
}

/** A compact credential: its exact bytes, the COSE message and the claims it carries. */
export interface ParsedCompactCredential<C extends CompactCredentialClaims = CompactCredentialClaims> {
  readonly bytes: Uint8Array;
  readonly message: CoseSign1;
  /** The protected `kid` (label 4). */
  readonly kid: Uint8Array;
  readonly claims: C;
}

/** A device-bound (phone) QR credential. */
export type ParsedQrCredential = ParsedCompactCredential<QrCredentialClaims>;

const read = new CborReader('ERR_QR_MALFORMED');

/**
 * Parses the bytes of a compact QR credential (docs/qr-format.md §4): a tagged COSE_Sign1 whose
 * protected header carries `kid`, with a CWT payload holding iat, exp, cnf, the type claim and
 * the claims map. Shapes only: signatures and values are checked by `verifyQr`. A credential
 * without `cnf` (a paper one, `parsePaperCredential`) is `ERR_QR_MALFORMED` here.
 */
export function parseQrCredential(bytes: Uint8Array): ParsedQrCredential {
  const parsed = parseCompactCredential(bytes);
  const { holderPublicKey } = parsed.claims;
  if (!holderPublicKey) return read.fail('CWT claims: cnf is required');
  return { ...parsed, claims: { ...parsed.claims, holderPublicKey } };
}

/**
 * The shared reading of phone and paper credentials: as `parseQrCredential`, with `cnf`
 * optional (RFC 8392 §3: a CWT need not carry one). Callers decide which kind they accept.
 */
export function parseCompactCredential(bytes: Uint8Array): ParsedCompactCredential {
  const decoded = decodeCbor(bytes);
  if (!(decoded instanceof Tag) || decoded.tag !== COSE_SIGN1_TAG) read.fail('Credential must be a tagged COSE_Sign1');
  const message = parseCoseSign1(decoded);
  const kid = read.bytes(message.protectedHeaders.get(COSE_HEADER.kid), 'protected kid');
  const payload = message.payload ?? read.fail('Credential payload must not be detached');
  const cwt = read.map(decodeCbor(payload), 'CWT claims');

  const type = read.array(read.required(cwt, ZZ_CLAIM.type, 'CWT claims'), 'type claim');
  if (type.length !== 2) read.fail('type claim must be [typeId, purpose]');
  const cnf = cwt.has(CWT_CLAIM.cnf) ? read.map(cwt.get(CWT_CLAIM.cnf), 'cnf') : undefined;
  const claims: CompactCredentialClaims = {
    ...(cwt.has(CWT_CLAIM.iss) ? { iss: read.text(cwt.get(CWT_CLAIM.iss), 'iss') } : {}),
    iat: read.int(read.required(cwt, CWT_CLAIM.iat, 'CWT claims'), 'iat'),
    exp: read.int(read.required(cwt, CWT_CLAIM.exp, 'CWT claims'), 'exp'),
    typeId: read.text(type[0], 'typeId'),
    purpose: read.text(type[1], 'purpose'),
    claims: read.map(read.required(cwt, ZZ_CLAIM.claims, 'CWT claims'), 'claims map'),
    ...(cnf ? { holderPublicKey: coseKeyToPublicKeyCompressed(read.required(cnf, CNF_COSE_KEY, 'cnf')) } : {}),
    ...(cwt.has(CWT_CLAIM.status) ? { status: parseStatus(cwt.get(CWT_CLAIM.status)) } : {}),
  };
  return { bytes, message, kid, claims };
}

function parseStatus(value: unknown): StatusReference {
  const status = read.map(value, 'status');
  const list = read.map(read.required(status, 'status_list', 'status'), 'status_list');
  return {
    idx: read.uint(read.required(list, 'idx', 'status_list'), 'status_list idx'),
    uri: read.text(read.required(list, 'uri', 'status_list'), 'status_list uri'),
  };
}
