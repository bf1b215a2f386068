import { type CborValue, embedEncoded, encodeCbor } from '../cbor/encode.js';
import { COSE_HEADER } from '../cose/headers.js';
import { signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { SUITES } from '../platform/suites.js';
import type { StatusReference } from '../trust/trust-source.js';
import { encodeIssuerSignedItems } from './encode-issuer-signed-item.js';
import { encodeMso, type MdocKeyAuthorizations } from './encode-mobile-security-object.js';
import type { MdocIssuerSigned, MdocIssuerSignedItem } from './types.js';

/** Size of each item's `random` salt; ISO/IEC 18013-5 §9.1.2.5 asks for at least 16 bytes. */
export const MDOC_SALT_LENGTH = 16;
/** Upper bound on the number of elements in one mdoc. */
export const MDOC_MAX_ELEMENTS = 2048;

export interface IssueMdocOptions {
  /** The document signer (DS) key; its suite fixes the COSE alg and the MSO digest algorithm. */
  readonly signer: Signer;
  /** DER certificates, leaf (DS) first; carried in the unprotected header 33 (§9.1.2.4). */
  readonly x5chain?: readonly Uint8Array[];
  /** Key identifier (ADR 0004), carried in the unprotected header 4. */
  readonly kid?: Uint8Array;
  readonly docType: string;
  /** Element values per namespace, CBOR-ready (text, integers, booleans, bytes, `fullDate()`/`tdate()` tags, arrays, maps). */
  readonly nameSpaces: Readonly<Record<string, Readonly<Record<string, CborValue>>>>;
  readonly deviceKey: PublicKey;
  readonly signed: Date;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly expectedUpdate?: Date;
  readonly status?: StatusReference;
  readonly keyAuthorizations?: MdocKeyAuthorizations;
}

/**
 * Issues an mdoc (ISO/IEC 18013-5 §8.3.2.1.2.2, §9.1.2.4): one IssuerSignedItem per element with a
 * fresh 16-byte salt and a random, unique digestID, items in random order, and an MSO holding
 * H(IssuerSignedItemBytes) — the hash of exactly the `D8 18 58 LL …` bytes emitted — signed as an
 * untagged COSE_Sign1 whose payload is `#6.24(bstr .cbor MSO)`.
 */
export async function issueMdoc(platform: Platform, options: IssueMdocOptions): Promise<MdocIssuerSigned> {
  checkOptions(options);
  const digestAlgorithm = SUITES[options.signer.suite].digestAlgorithm;
  const namespaces = Object.entries(options.nameSpaces);
  const total = namespaces.reduce((sum, [, elements]) => sum + Object.keys(elements).length, 0);
  const random = new RandomStream(platform, total * (MDOC_SALT_LENGTH + 6) + 32);
  const ids = randomDigestIds(random, total);
  const inputs = namespaces.flatMap(([, elements], n) =>
    Object.entries(elements).map(([elementIdentifier, elementValue]) => ({
      namespace: n,
      digestID: ids.pop() as number,
      random: random.take(MDOC_SALT_LENGTH),
      elementIdentifier,
      elementValue,
    })),
  );
  const encoded = encodeIssuerSignedItems(inputs);
  const nameSpaces: Record<string, MdocIssuerSignedItem[]> = {};
  const perNamespace: MdocIssuerSignedItem[][] = namespaces.map(() => []);
  const digestsPerNamespace: Map<number, Uint8Array>[] = namespaces.map(() => new Map());
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as (typeof inputs)[number];
    const { tagged, bytes } = encoded[i] as (typeof encoded)[number];
    const pending = platform.digest(digestAlgorithm, tagged);
    const digest = pending instanceof Promise ? await pending : pending;
    (digestsPerNamespace[input.namespace] as Map<number, Uint8Array>).set(input.digestID, digest);
    const { digestID, random: salt, elementIdentifier, elementValue } = input;
    (perNamespace[input.namespace] as MdocIssuerSignedItem[]).push({
      bytes,
      digestID,
      random: salt,
      elementIdentifier,
      elementValue,
    });
  }
  const valueDigests = new Map(namespaces.map(([ns], n) => [ns, digestsPerNamespace[n] as Map<number, Uint8Array>]));
  namespaces.forEach(([ns], n) => {
    Object.defineProperty(nameSpaces, ns, {
      value: shuffle(random, perNamespace[n] as MdocIssuerSignedItem[]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  });
  const msoBytes = encodeMso({
    digestAlgorithm,
    valueDigests,
    deviceKey: options.deviceKey,
    ...(options.keyAuthorizations ? { keyAuthorizations: options.keyAuthorizations } : {}),
    docType: options.docType,
    validityInfo: {
      signed: options.signed,
      validFrom: options.validFrom,
      validUntil: options.validUntil,
      ...(options.expectedUpdate ? { expectedUpdate: options.expectedUpdate } : {}),
    },
    ...(options.status ? { status: options.status } : {}),
  });
  const unprotectedHeaders = new Map<number, CborValue>();
  const chain = options.x5chain ?? [];
  if (chain.length === 1) unprotectedHeaders.set(COSE_HEADER.x5chain, chain[0] as Uint8Array);
  else if (chain.length > 1) unprotectedHeaders.set(COSE_HEADER.x5chain, [...chain]);
  if (options.kid) unprotectedHeaders.set(COSE_HEADER.kid, options.kid);
  const issuerAuth = await signCoseSign1(options.signer, {
    payload: encodeCbor(embedEncoded(msoBytes)),
    unprotectedHeaders,
  });
  return { nameSpaces, issuerAuth };
}

function checkOptions(options: IssueMdocOptions): void {
  const fail = (message: string): never => {
    throw new ZzError('ERR_INPUT_INVALID', message);
  };
  if (typeof options.docType !== 'string' || options.docType.length === 0) fail('docType must be a non-empty string');
  if (!options.signer || !SUITES[options.signer.suite]) fail('signer must be a Signer of a known suite');
  if (!options.deviceKey || !SUITES[options.deviceKey.suite]) fail('deviceKey must be a PublicKey of a known suite');
  assertPublicKey(options.deviceKey);
  if (!options.x5chain?.length && !options.kid) fail('Give an x5chain or a kid so verifiers can find the issuer key');
  for (const cert of options.x5chain ?? [])
    if (!(cert instanceof Uint8Array)) fail('x5chain entries must be DER bytes');
  for (const date of [options.signed, options.validFrom, options.validUntil]) {
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) fail('signed, validFrom and validUntil must be dates');
  }
  if (options.validFrom.getTime() > options.validUntil.getTime()) fail('validFrom must not be after validUntil');
  const namespaces = Object.entries(options.nameSpaces ?? {});
  if (namespaces.length === 0) fail('nameSpaces must hold at least one namespace');
  let total = 0;
  for (const [ns, elements] of namespaces) {
    if (ns.length === 0) fail('Namespace names must not be empty');
    const count = Object.keys(elements ?? {}).length;
    if (count === 0) fail('Every namespace must hold at least one element');
    total += count;
  }
  if (total > MDOC_MAX_ELEMENTS) fail(`An mdoc holds at most ${MDOC_MAX_ELEMENTS} elements`);
}

/** Platform randomness drawn in one call and handed out in slices (one RNG call per issuance). */
class RandomStream {
  private buffer: Uint8Array;
  private offset = 0;

  constructor(
    private readonly platform: Platform,
    size: number,
  ) {
    this.buffer = platform.randomBytes(size);
  }

  take(length: number): Uint8Array {
    if (this.offset + length > this.buffer.length) {
      this.buffer = this.platform.randomBytes(Math.max(length, 256));
      this.offset = 0;
    }
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }
}

/** `count` distinct random digestIDs below 2^16 (random, not sequential, so they reveal nothing). */
function randomDigestIds(random: RandomStream, count: number): number[] {
  const seen = new Set<number>();
  while (seen.size < count) {
    const bytes = random.take(2);
    seen.add(((bytes[0] as number) << 8) | (bytes[1] as number));
  }
  return [...seen];
}

/** Fisher–Yates with platform randomness, so the item order says nothing about the input order. */
function shuffle<T>(random: RandomStream, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const bytes = random.take(4);
    const value =
      ((bytes[0] as number) << 24) | ((bytes[1] as number) << 16) | ((bytes[2] as number) << 8) | (bytes[3] as number);
    const j = (value >>> 0) % (i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}
