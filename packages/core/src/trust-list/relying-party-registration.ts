import { parseJson, utf8Decode, utf8Encode } from '../bytes/utf8.js';
import type { LocalizedText } from '../catalog/credential-type.js';
import { ZzError } from '../errors/zz-error.js';
import { encodeDerTlv, readDerHeader } from '../x509/der.js';
import type { ParsedCertificate } from '../x509/parse-certificate.js';
import { parseRegisteredElements } from './parse-trust-list.js';
import { type RegisteredElements, TRUST_REGISTRY_OID } from './trust-list-types.js';

/**
 * A relying party's registration as its reader / access certificate carries it (the EU's
 * "registration certificate" idea, folded into the certificate the national registry issues):
 * who it is, its registration profile, why it asks and the elements it may request per
 * credential type. The name is authoritative here (the trust list does not repeat it); purpose
 * and elements are an informative copy of the profile, which the trust list holds with authority.
 */
export interface RelyingPartyRegistration {
  /** Its id in the trust list. */
  readonly id: string;
  readonly name: LocalizedText;
  /** Id of its registration profile in the trust list. */
  readonly profile: string;
  readonly purpose: LocalizedText;
  readonly elements: RegisteredElements;
}

const DER_UTF8_STRING = 0x0c;
const IDENTIFIER = /^[A-Za-z0-9._:-]{1,128}$/;
const MAX_REGISTRATION_BYTES = 8 * 1024;

/** The certificate extension for `registration`: OID and DER value (a UTF8String holding its JSON). */
export function relyingPartyRegistrationExtension(registration: RelyingPartyRegistration): {
  readonly oid: string;
  readonly value: Uint8Array;
} {
  const checked = parseRegistration(registration);
  const json = utf8Encode(JSON.stringify(checked));
  if (json.length > MAX_REGISTRATION_BYTES) throw new ZzError('ERR_INPUT_TOO_LARGE', 'The registration is too large');
  return { oid: TRUST_REGISTRY_OID.relyingPartyRegistration, value: encodeDerTlv(DER_UTF8_STRING, json) };
}

/**
 * The registration a reader / access certificate carries, or undefined when it has none (it was
 * not issued by the national registry). A present but unreadable extension is
 * `ERR_READER_NOT_REGISTERED`.
 */
export function readRelyingPartyRegistration(certificate: ParsedCertificate): RelyingPartyRegistration | undefined {
  const value = certificate.otherExtensions?.get(TRUST_REGISTRY_OID.relyingPartyRegistration);
  if (value === undefined) return undefined;
  try {
    const header = readDerHeader(value, 0);
    if (header.tag !== DER_UTF8_STRING || header.contentStart + header.contentLength !== value.length) {
      throw new ZzError('ERR_X509_MALFORMED', 'Registration is not one UTF8String');
    }
    return parseRegistration(parseJson(utf8Decode(value.subarray(header.contentStart))));
  } catch (error) {
    throw new ZzError('ERR_READER_NOT_REGISTERED', 'The certificate registration does not decode', { cause: error });
  }
}

function parseRegistration(value: unknown): RelyingPartyRegistration {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ZzError('ERR_INPUT_INVALID', 'A registration is an object');
  }
  const o = value as Record<string, unknown>;
  const localized = (v: unknown, what: string): LocalizedText => {
    const t = v as Record<string, unknown> | null;
    if (typeof t !== 'object' || t === null || typeof t['zh-CN'] !== 'string' || typeof t.en !== 'string') {
      throw new ZzError('ERR_INPUT_INVALID', `Registration ${what} needs zh-CN and en`);
    }
    return { 'zh-CN': t['zh-CN'], en: t.en };
  };
  const identifier = (v: unknown, what: string): string => {
    if (typeof v !== 'string' || !IDENTIFIER.test(v)) {
      throw new ZzError('ERR_INPUT_INVALID', `Registration ${what} must be an identifier`);
    }
    return v;
  };
  return {
    id: identifier(o.id, 'id'),
    name: localized(o.name, 'name'),
    profile: identifier(o.profile, 'profile'),
    purpose: localized(o.purpose, 'purpose'),
    elements: parseRegisteredElements(o.elements, 'registration elements'),
  };
}

/** One requested element: credential type, namespace (the type itself for SD-JWT VC claims) and id. */
export interface RequestedElement {
  readonly docType: string;
  readonly namespace: string;
  readonly identifier: string;
}

/** The requested elements `registered` does not cover, each once (empty: the request is in scope). */
export function elementsOutsideRegistration(
  requested: Iterable<RequestedElement>,
  registered: RegisteredElements,
): RequestedElement[] {
  const beyond: RequestedElement[] = [];
  for (const element of requested) {
    const namespaces = Object.hasOwn(registered, element.docType) ? registered[element.docType] : undefined;
    const elements =
      namespaces && Object.hasOwn(namespaces, element.namespace) ? namespaces[element.namespace] : undefined;
    if (Array.isArray(elements) && elements.includes(element.identifier)) continue;
    const listed = beyond.some(
      (e) => e.docType === element.docType && e.namespace === element.namespace && e.identifier === element.identifier,
    );
    if (!listed)
      beyond.push({ docType: element.docType, namespace: element.namespace, identifier: element.identifier });
  }
  return beyond;
}
