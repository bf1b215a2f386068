/**
 * The counter's reader configuration, `reader.json`: the key and certificate it signs its
 * proximity DeviceRequests with (ISO/IEC 18013-5 §9.1.4 reader authentication) and the name it
 * shows for itself.
 *
 * ```json
 * { "certificate_chain": ["-----BEGIN CERTIFICATE-----…"],          // leaf first, 1–4 PEM texts
 *   "private_key_jwk": { "kty": "EC", "crv": "P-256", "x": "…", "y": "…", "d": "…" },
 *   "organisation": { "zh-CN": "某某酒店", "en": "Some Hotel" } }
 * ```
 *
 * Strict: unknown members, wrong types, a key of another type or curve, a leaf certificate
 * without id-mdlReaderAuth (Annex B.1.7) or outside its validity, and a key that is not the
 * leaf's are all `ERR_READER_CONFIG_INVALID`; more than 64 KiB is `ERR_INPUT_TOO_LARGE`.
 * Messages name the member, never key material.
 */
import {
  bytesEqual,
  decodeBase64url,
  decodeCertificatePemChain,
  isZzError,
  type ParsedCertificate,
  parseCertificate,
  publicKeyX,
  publicKeyY,
  utf8Encode,
  X509_OID,
  ZzError,
} from '@zhengzhao/core';

/** Largest reader.json accepted (a chain of four certificates and a key fit in a few KiB). */
export const MAX_READER_CONFIG_BYTES = 64 * 1024;
/** Most certificates in `certificate_chain` (leaf and intermediates). */
export const MAX_READER_CERTIFICATES = 4;
/** Longest organisation name, per language. */
const MAX_NAME_LENGTH = 128;

/** The organisation's display names. */
export interface ReaderOrganisation {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A P-256 private key as JWK members (RFC 7518 §6.2), each coordinate 32 bytes. */
export interface ReaderPrivateJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
  readonly d: string;
}

export interface ReaderConfig {
  /** DER certificates, leaf first: the readerAuth x5chain. */
  readonly certificateChain: readonly Uint8Array[];
  /** To be imported once as a non-extractable CryptoKey (`importReaderKey`) and then dropped. */
  readonly privateKeyJwk: ReaderPrivateJwk;
  readonly organisation: ReaderOrganisation;
}

const TOP_MEMBERS = new Set(['certificate_chain', 'private_key_jwk', 'organisation']);
/** Members a JWK exported by WebCrypto or a key tool may carry besides the key itself. */
const JWK_MEMBERS = new Set(['kty', 'crv', 'x', 'y', 'd', 'kid', 'alg', 'use', 'key_ops', 'ext']);
const ORGANISATION_MEMBERS = new Set(['zh-CN', 'en']);

const invalid = (message: string, cause?: unknown): ZzError =>
  new ZzError('ERR_READER_CONFIG_INVALID', message, cause === undefined ? undefined : { cause });

function objectOf(value: unknown, what: string, members: ReadonlySet<string>): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`${what} must be an object`);
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!members.has(key)) throw invalid(`${what} has an unknown member`);
  }
  return record;
}

function coordinate(value: unknown, name: string): Uint8Array {
  if (typeof value !== 'string') throw invalid(`private_key_jwk.${name} must be a string`);
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64url(value);
  } catch (error) {
    throw invalid(`private_key_jwk.${name} is not base64url`, error);
  }
  if (bytes.length !== 32) throw invalid(`private_key_jwk.${name} must be 32 bytes`);
  return bytes;
}

function readJwk(value: unknown): { jwk: ReaderPrivateJwk; x: Uint8Array; y: Uint8Array } {
  const record = objectOf(value, 'private_key_jwk', JWK_MEMBERS);
  if (record.kty !== 'EC') throw invalid('private_key_jwk must be an EC key (kty "EC")');
  if (record.crv !== 'P-256') throw invalid('private_key_jwk must be on P-256 (crv "P-256")');
  if (record.alg !== undefined && record.alg !== 'ES256') throw invalid('private_key_jwk.alg must be ES256');
  if (record.use !== undefined && record.use !== 'sig') throw invalid('private_key_jwk.use must be sig');
  const x = coordinate(record.x, 'x');
  const y = coordinate(record.y, 'y');
  coordinate(record.d, 'd');
  return {
    jwk: { kty: 'EC', crv: 'P-256', x: record.x as string, y: record.y as string, d: record.d as string },
    x,
    y,
  };
}

function readChain(value: unknown): ParsedCertificate[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_READER_CERTIFICATES) {
    throw invalid(`certificate_chain must list 1 to ${MAX_READER_CERTIFICATES} PEM certificates`);
  }
  return value.map((pem, index) => {
    if (typeof pem !== 'string') throw invalid(`certificate_chain[${index}] must be a PEM string`);
    try {
      const blocks = decodeCertificatePemChain(pem);
      if (blocks.length !== 1) throw invalid(`certificate_chain[${index}] must hold one certificate`);
      return parseCertificate(blocks[0] as Uint8Array);
    } catch (error) {
      if (isZzError(error, 'ERR_READER_CONFIG_INVALID')) throw error;
      throw invalid(`certificate_chain[${index}] is not a certificate`, error);
    }
  });
}

function readOrganisation(value: unknown): ReaderOrganisation {
  const record = objectOf(value, 'organisation', ORGANISATION_MEMBERS);
  const name = (language: 'zh-CN' | 'en'): string => {
    const text = record[language];
    if (typeof text !== 'string' || text.trim().length === 0 || text.length > MAX_NAME_LENGTH) {
      throw invalid(`organisation.${language} must be a name of 1 to ${MAX_NAME_LENGTH} characters`);
    }
    return text.trim();
  };
  return { 'zh-CN': name('zh-CN'), en: name('en') };
}

/**
 * Parses and checks reader.json at `now` (the leaf certificate must be valid then). The result
 * still holds the private key as JWK text: import it with `importReaderKey` and drop the config.
 */
export function parseReaderConfig(text: string, now: Date): ReaderConfig {
  if (typeof text !== 'string') throw invalid('reader.json must be text');
  if (text.length > MAX_READER_CONFIG_BYTES || utf8Encode(text).length > MAX_READER_CONFIG_BYTES) {
    throw new ZzError('ERR_INPUT_TOO_LARGE', 'reader.json is larger than 64 KiB');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid('reader.json is not JSON', error);
  }
  const record = objectOf(json, 'reader.json', TOP_MEMBERS);
  for (const member of TOP_MEMBERS) {
    if (record[member] === undefined) throw invalid(`reader.json lacks ${member}`);
  }
  const chain = readChain(record.certificate_chain);
  const { jwk, x, y } = readJwk(record.private_key_jwk);
  const organisation = readOrganisation(record.organisation);

  const leaf = chain[0] as ParsedCertificate;
  if (leaf.publicKey.suite !== 'ES256') throw invalid('The reader certificate must hold a P-256 key');
  if (!bytesEqual(publicKeyX(leaf.publicKey), x) || !bytesEqual(publicKeyY(leaf.publicKey), y)) {
    throw invalid('private_key_jwk is not the key of the reader certificate');
  }
  if (!leaf.extendedKeyUsage?.includes(X509_OID.mdlReaderAuth)) {
    throw invalid('The reader certificate lacks id-mdlReaderAuth (ISO/IEC 18013-5 Annex B.1.7)');
  }
  if (leaf.keyUsage !== undefined && !leaf.keyUsage.includes('digitalSignature')) {
    throw invalid('The reader certificate does not allow digital signatures');
  }
  if (now.getTime() < leaf.notBefore.getTime() || now.getTime() > leaf.notAfter.getTime()) {
    throw invalid('The reader certificate is not valid at this time');
  }
  return { certificateChain: chain.map((certificate) => certificate.der), privateKeyJwk: jwk, organisation };
}
