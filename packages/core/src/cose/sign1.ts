import { decodeCbor } from '../cbor/decode.js';
import { type CborValue, encodeCbor } from '../cbor/encode.js';
import { cborHeadLength, writeCborHead } from '../cbor/head.js';
import { CborReader } from '../cbor/shape.js';
import { Tag } from '../cbor/tags.js';
import { ZzError } from '../errors/zz-error.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITES, suiteByCoseAlg } from '../platform/suites.js';
import { COSE_HEADER, COSE_SIGN1_TAG, UNDERSTOOD_HEADERS } from './headers.js';

/** A COSE_Sign1 message (RFC 9052 §4.2) as received: the protected header keeps its exact bytes. */
export interface CoseSign1 {
  /** The serialized protected header, exactly as received (`h''` when empty). */
  readonly protectedBytes: Uint8Array;
  readonly protectedHeaders: ReadonlyMap<number, unknown>;
  readonly unprotectedHeaders: ReadonlyMap<number, unknown>;
  /** `null` when the payload is detached. */
  readonly payload: Uint8Array | null;
  readonly signature: Uint8Array;
}

const read = new CborReader('ERR_COSE_MALFORMED');

/**
 * Reads a COSE_Sign1 from a decoded CBOR value: the 4-element array, tagged 18 or not. The
 * protected header must be a bstr holding a map (or empty); an empty map `h'A0'` is accepted.
 */
export function parseCoseSign1(value: unknown): CoseSign1 {
  const body = value instanceof Tag ? (value.tag === COSE_SIGN1_TAG ? value.value : undefined) : value;
  const items = read.array(body, 'COSE_Sign1');
  if (items.length !== 4) read.fail('COSE_Sign1 must have 4 elements');
  const protectedBytes = read.bytes(items[0], 'COSE_Sign1 protected header');
  const protectedHeaders = protectedBytes.length === 0 ? new Map() : decodeHeaderMap(protectedBytes);
  const unprotectedHeaders = headerMap(items[1], 'COSE_Sign1 unprotected header');
  const payload = items[2] === null ? null : read.bytes(items[2], 'COSE_Sign1 payload');
  const signature = read.bytes(items[3], 'COSE_Sign1 signature');
  for (const label of protectedHeaders.keys()) {
    if (unprotectedHeaders.has(label)) read.fail('A COSE header label appears in both buckets');
  }
  return { protectedBytes, protectedHeaders, unprotectedHeaders, payload, signature };
}

/** Decodes and parses COSE_Sign1 bytes. */
export function decodeCoseSign1(bytes: Uint8Array): CoseSign1 {
  return parseCoseSign1(decodeCbor(bytes));
}

/** The CBOR value of a message, ready to embed in a larger structure or to encode. */
export function coseSign1Value(message: CoseSign1, options: { tagged?: boolean } = {}): CborValue {
  const array: CborValue = [
    message.protectedBytes,
    message.unprotectedHeaders as ReadonlyMap<CborValue, CborValue>,
    message.payload,
    message.signature,
  ];
  return options.tagged ? new Tag(array, COSE_SIGN1_TAG) : array;
}

export function encodeCoseSign1(message: CoseSign1, options: { tagged?: boolean } = {}): Uint8Array {
  return encodeCbor(coseSign1Value(message, options));
}

/**
 * `Sig_structure = ["Signature1", body_protected, external_aad, payload]` (RFC 9052 §4.4),
 * written directly: it is built for every signature checked, and its encoding is fixed (a
 * 4-array, a 10-byte text, three byte strings with shortest length heads), so it needs no
 * general encoder.
 */
export function sigStructure1(protectedBytes: Uint8Array, externalAad: Uint8Array, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(
    SIGNATURE1_PREFIX.length +
      cborHeadLength(protectedBytes.length) +
      protectedBytes.length +
      cborHeadLength(externalAad.length) +
      externalAad.length +
      cborHeadLength(payload.length) +
      payload.length,
  );
  out.set(SIGNATURE1_PREFIX, 0);
  let offset = SIGNATURE1_PREFIX.length;
  for (const part of [protectedBytes, externalAad, payload]) {
    offset = writeCborHead(out, offset, 2, part.length);
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** `84 6A "Signature1"`: an array of 4, then the 10-byte text context. */
const SIGNATURE1_PREFIX = Uint8Array.of(0x84, 0x6a, 0x53, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x75, 0x72, 0x65, 0x31);

export interface SignCoseSign1Options {
  readonly payload: Uint8Array;
  /** Leave the payload out of the message (it still goes into the Sig_structure). */
  readonly detached?: boolean;
  /** Protected headers besides `alg`, which is always set from the signer's suite. */
  readonly protectedHeaders?: ReadonlyMap<number, CborValue>;
  readonly unprotectedHeaders?: ReadonlyMap<number, CborValue>;
  readonly externalAad?: Uint8Array;
}

/** Signs a COSE_Sign1 with `signer`; `alg` goes into the protected header. */
export async function signCoseSign1(signer: Signer, options: SignCoseSign1Options): Promise<CoseSign1> {
  const protectedHeaders = new Map<number, CborValue>([[COSE_HEADER.alg, SUITES[signer.suite].coseAlg]]);
  for (const [label, value] of options.protectedHeaders ?? []) protectedHeaders.set(label, value);
  const protectedBytes = encodeCbor(protectedHeaders);
  const toBeSigned = sigStructure1(protectedBytes, options.externalAad ?? new Uint8Array(0), options.payload);
  const signature = await signer.sign(toBeSigned);
  return {
    protectedBytes,
    protectedHeaders,
    unprotectedHeaders: new Map(options.unprotectedHeaders ?? []),
    payload: options.detached ? null : options.payload,
    signature,
  };
}

export interface VerifyCoseSign1Options {
  /** The payload of a detached message. */
  readonly detachedPayload?: Uint8Array;
  readonly externalAad?: Uint8Array;
}

/**
 * Verifies `message` with `publicKey`. The `alg` header must be present and be the key's
 * suite (`ERR_COSE_ALG_MISMATCH` otherwise: no algorithm switching, no `none`, no HMAC with a
 * public key); unknown `crit` labels are refused; then the signature is checked over the
 * Sig_structure built from the protected bytes exactly as received.
 */
export async function verifyCoseSign1(
  platform: Platform,
  message: CoseSign1,
  publicKey: PublicKey,
  options: VerifyCoseSign1Options = {},
): Promise<void> {
  const alg = coseAlgOf(message);
  if (alg !== SUITES[publicKey.suite].coseAlg) {
    throw new ZzError('ERR_COSE_ALG_MISMATCH', `COSE alg ${String(alg)} does not match the ${publicKey.suite} key`);
  }
  checkCrit(message.protectedHeaders);
  const payload = message.payload ?? options.detachedPayload;
  if (!payload) throw new ZzError('ERR_COSE_MALFORMED', 'COSE_Sign1 payload is detached and none was supplied');
  const toBeSigned = sigStructure1(bodyProtected(message), options.externalAad ?? new Uint8Array(0), payload);
  const ok = await platform.suite(publicKey.suite).verify(publicKey.point, toBeSigned, message.signature);
  if (!ok) throw new ZzError('ERR_COSE_SIGNATURE_INVALID', 'COSE_Sign1 signature does not verify');
}

/**
 * The `alg` of a message: from the protected header, or from the unprotected one when the
 * protected header has none (RFC 9052 §3.1 allows it; cose-wg sign-pass-01 does it). This is safe
 * here because a verifier never picks the algorithm from the header: `verifyCoseSign1` requires
 * `alg` to equal the suite of the key it already trusts. Profiles that demand a protected `alg`
 * (ISO 18013-5 IssuerAuth) check `protectedHeaders` themselves.
 */
export function coseAlgOf(message: CoseSign1): number {
  const alg = message.protectedHeaders.get(COSE_HEADER.alg) ?? message.unprotectedHeaders.get(COSE_HEADER.alg);
  if (typeof alg !== 'number') {
    throw new ZzError('ERR_COSE_ALG_MISMATCH', 'COSE_Sign1 has no integer alg header');
  }
  return alg;
}

/** The suite named by the protected `alg`, or `ERR_CRYPTO_UNSUPPORTED_ALG`. */
export function coseSuiteOf(message: CoseSign1) {
  return suiteByCoseAlg(coseAlgOf(message));
}

/**
 * The `body_protected` of the Sig_structure: the protected bytes as received, except that an
 * empty map (`h'A0'`) counts as no protected attributes, i.e. `h''` (RFC 9052 §4.4; cose-wg
 * sign-pass-01).
 */
export function bodyProtected(message: CoseSign1): Uint8Array {
  return message.protectedHeaders.size === 0 ? new Uint8Array(0) : message.protectedBytes;
}

/** The `x5chain` (label 33), leaf first: unprotected per ISO 18013-5, protected accepted. */
export function coseX5Chain(message: CoseSign1): Uint8Array[] {
  const value =
    message.unprotectedHeaders.get(COSE_HEADER.x5chain) ?? message.protectedHeaders.get(COSE_HEADER.x5chain);
  if (value === undefined) return [];
  if (value instanceof Uint8Array) return [value];
  const list = read.array(value, 'x5chain');
  if (list.length === 0) read.fail('x5chain is an empty array');
  return list.map((cert, i) => read.bytes(cert, `x5chain[${i}]`));
}

/** The `kid` (label 4), a byte string (RFC 9052 §3.1), from either bucket. */
export function coseKid(message: CoseSign1): Uint8Array | undefined {
  const value = message.protectedHeaders.get(COSE_HEADER.kid) ?? message.unprotectedHeaders.get(COSE_HEADER.kid);
  if (value === undefined) return undefined;
  return read.bytes(value, 'kid');
}

/** Joins protected and unprotected headers for display, protected first. */
export function coseHeaders(message: CoseSign1): Map<number, unknown> {
  return new Map([...message.unprotectedHeaders, ...message.protectedHeaders]);
}

function decodeHeaderMap(bytes: Uint8Array): Map<number, unknown> {
  return headerMap(decodeCbor(bytes), 'COSE_Sign1 protected header');
}

function headerMap(value: unknown, what: string): Map<number, unknown> {
  const map = read.map(value, what);
  for (const label of map.keys()) {
    if (typeof label !== 'number' && typeof label !== 'string')
      read.fail(`${what} has a label that is not int or tstr`);
  }
  return map as Map<number, unknown>;
}

function checkCrit(protectedHeaders: ReadonlyMap<number, unknown>): void {
  const crit = protectedHeaders.get(COSE_HEADER.crit);
  if (crit === undefined) return;
  const labels = read.array(crit, 'crit');
  if (labels.length === 0) read.fail('crit must not be empty');
  for (const label of labels) {
    if (typeof label !== 'number' || !UNDERSTOOD_HEADERS.has(label) || !protectedHeaders.has(label)) {
      throw new ZzError('ERR_COSE_CRIT_UNSUPPORTED', 'COSE crit lists a header this verifier does not understand');
    }
  }
}
