import {
  decodeCertificatePemChain,
  isSuiteId,
  isZzError,
  parseCertificate,
  parseJson,
  utf8Decode,
  ZzError,
} from '@zhengzhao/core';
import {
  MAX_TRUST_BUNDLE_BYTES,
  MAX_TRUST_BUNDLE_CERTIFICATES,
  MAX_TRUST_BUNDLE_ISSUERS,
  type TrustBundle,
  type TrustBundleIssuer,
} from './trust-bundle.js';

const ISSUER_ID = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_NAME_LENGTH = 200;
const MAX_DOC_TYPE_LENGTH = 256;
/** RFC 3339 date-time with an explicit offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const TOP_KEYS = new Set(['version', 'issued_at', 'issuers']);
const ISSUER_KEYS = new Set(['id', 'name', 'suite', 'iaca', 'document_signers', 'doc_types']);
const NAME_KEYS = new Set(['zh-CN', 'en']);

/**
 * Parses and checks a trust bundle (see `TrustBundle`): JSON text or bytes (at most
 * `MAX_TRUST_BUNDLE_BYTES`), or an already-parsed object. Strict: unknown members, wrong types,
 * duplicate issuer ids, empty root lists, PEM that is not exactly one certificate, or a
 * certificate whose key is not of the issuer's `suite` all fail with `ERR_TRUST_BUNDLE_MALFORMED`
 * (oversized input with `ERR_INPUT_TOO_LARGE`). Certificates are only parsed here; chains are
 * validated when a credential is verified. Returns a frozen copy holding only the known members.
 */
export function parseTrustBundle(input: string | Uint8Array | unknown): TrustBundle {
  const value = typeof input === 'string' || input instanceof Uint8Array ? parseText(input) : input;
  const top = object(value, 'trust bundle', TOP_KEYS);
  if (top.version !== 1) throw malformed('version must be 1');
  const issuedAt = top.issued_at;
  if (typeof issuedAt !== 'string' || !DATE_TIME.test(issuedAt) || Number.isNaN(Date.parse(issuedAt))) {
    throw malformed('issued_at must be an RFC 3339 date-time');
  }
  const issuers = top.issuers;
  if (!Array.isArray(issuers) || issuers.length === 0) throw malformed('issuers must be a non-empty array');
  if (issuers.length > MAX_TRUST_BUNDLE_ISSUERS) throw malformed('too many issuers');
  const parsed = issuers.map((issuer, index) => parseIssuer(issuer, index));
  const ids = new Set(parsed.map((issuer) => issuer.id));
  if (ids.size !== parsed.length) throw malformed('issuer ids must be unique');
  return Object.freeze({ version: 1, issued_at: issuedAt, issuers: Object.freeze(parsed) });
}

function parseText(input: string | Uint8Array): unknown {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_TRUST_BUNDLE_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'Trust bundle is too large');
  try {
    return parseJson(typeof input === 'string' ? input : utf8Decode(input));
  } catch (error) {
    throw malformed('trust bundle is not JSON', error);
  }
}

function parseIssuer(value: unknown, index: number): TrustBundleIssuer {
  const where = `issuers[${index}]`;
  const issuer = object(value, where, ISSUER_KEYS);
  if (typeof issuer.id !== 'string' || !ISSUER_ID.test(issuer.id)) throw malformed(`${where}.id is not a valid id`);
  const name = object(issuer.name, `${where}.name`, NAME_KEYS);
  const zh = name['zh-CN'];
  const en = name.en;
  if (!isName(zh) || !isName(en)) throw malformed(`${where}.name needs zh-CN and en text`);
  const suite = issuer.suite;
  if (!isSuiteId(suite)) throw malformed(`${where}.suite must be ES256 or SM2`);
  const iaca = certificates(issuer.iaca, `${where}.iaca`, suite, 1);
  const documentSigners = certificates(issuer.document_signers, `${where}.document_signers`, suite, 0);
  let docTypes: readonly string[] | undefined;
  if (issuer.doc_types !== undefined) {
    const list = issuer.doc_types;
    if (
      !Array.isArray(list) ||
      list.length === 0 ||
      list.length > 64 ||
      !list.every((t) => typeof t === 'string' && t.length > 0 && t.length <= MAX_DOC_TYPE_LENGTH)
    ) {
      throw malformed(`${where}.doc_types must be a non-empty array of type names`);
    }
    docTypes = Object.freeze([...(list as string[])]);
  }
  return Object.freeze({
    id: issuer.id,
    name: Object.freeze({ 'zh-CN': zh, en }),
    suite,
    iaca,
    document_signers: documentSigners,
    ...(docTypes && { doc_types: docTypes }),
  });
}

function certificates(value: unknown, where: string, suite: string, min: number): readonly string[] {
  if (!Array.isArray(value) || value.length < min) {
    throw malformed(`${where} must be an array of at least ${min} PEM certificate(s)`);
  }
  if (value.length > MAX_TRUST_BUNDLE_CERTIFICATES) throw malformed(`${where} has too many certificates`);
  return Object.freeze(
    value.map((pem, i) => {
      if (typeof pem !== 'string') throw malformed(`${where}[${i}] must be a PEM string`);
      let ders: Uint8Array[];
      try {
        ders = decodeCertificatePemChain(pem);
      } catch (error) {
        throw malformed(`${where}[${i}] is not PEM`, error);
      }
      if (ders.length !== 1) throw malformed(`${where}[${i}] must hold exactly one certificate`);
      let keySuite: string;
      try {
        keySuite = parseCertificate(ders[0] as Uint8Array).publicKey.suite;
      } catch (error) {
        if (!isZzError(error)) throw error;
        throw malformed(`${where}[${i}] is not a certificate this verifier reads`, error);
      }
      if (keySuite !== suite) throw malformed(`${where}[${i}] key is not of suite ${suite}`);
      return pem;
    }),
  );
}

function object(value: unknown, where: string, allowed: ReadonlySet<string>): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw malformed(`${where} must be an object`);
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) throw malformed(`${where} has an unknown member`);
  }
  return value as Record<string, unknown>;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= MAX_NAME_LENGTH;
}

function malformed(message: string, cause?: unknown): ZzError {
  return new ZzError('ERR_TRUST_BUNDLE_MALFORMED', `Trust bundle: ${message}`, cause === undefined ? {} : { cause });
}
