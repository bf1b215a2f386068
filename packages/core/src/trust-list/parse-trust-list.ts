import type { LocalizedText } from '../catalog/credential-type.js';
import { ZzError } from '../errors/zz-error.js';
import { isSuiteId } from '../platform/suites.js';
import {
  MAX_TRUST_LIST_AUTHORITIES,
  MAX_TRUST_LIST_RELYING_PARTIES,
  type RegisteredElements,
  type TrustList,
  type TrustListAuthority,
  type TrustListCompromisedKey,
  type TrustListCredentialType,
  type TrustListElement,
  type TrustListRelyingParty,
} from './trust-list-types.js';

const IDENTIFIER = /^[A-Za-z0-9._:-]{1,128}$/;
const SHA256_B64URL = /^[A-Za-z0-9_-]{43}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 512;
const MAX_LIST = 4096;

function fail(path: string, problem: string): never {
  throw new ZzError('ERR_TRUST_LIST_MALFORMED', `Trust list ${path} ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && IDENTIFIER.test(value);
}

function isText(value: unknown, max = MAX_TEXT): value is string {
  return typeof value === 'string' && value.length !== 0 && value.length <= max;
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) fail(path, 'must be an object');
  return value;
}

function array(value: unknown, path: string, max = MAX_LIST): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  if (value.length > max) fail(path, `has more than ${max} entries`);
  return value;
}

function text(value: unknown, path: string, max = MAX_TEXT): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) fail(path, 'must be a non-empty string');
  return value;
}

function identifier(value: unknown, path: string): string {
  if (typeof value !== 'string' || !IDENTIFIER.test(value)) fail(path, 'must be an identifier');
  return value;
}

function identifiers(value: unknown, path: string): string[] {
  return array(value, path).map((entry, i) => identifier(entry, `${path}[${i}]`));
}

function localized(value: unknown, path: string): LocalizedText {
  const o = object(value, path);
  return { 'zh-CN': text(o['zh-CN'], `${path}.zh-CN`), en: text(o.en, `${path}.en`) };
}

/** An RFC 3339 date-time with a zone, returned as given. */
export function rfc3339(value: unknown, path: string): string {
  if (typeof value !== 'string' || !RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
    fail(path, 'must be an RFC 3339 date-time with a time zone');
  }
  return value;
}

function pems(value: unknown, path: string): string[] {
  return array(value, path, 64).map((entry, i) => {
    const pem = text(entry, `${path}[${i}]`, 16 * 1024);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) fail(`${path}[${i}]`, 'must be a PEM certificate');
    return pem;
  });
}

function sha256(value: unknown, path: string): string {
  if (typeof value !== 'string' || !SHA256_B64URL.test(value)) fail(path, 'must be a base64url SHA-256');
  return value;
}

function authority(value: unknown, path: string): TrustListAuthority {
  const o = object(value, path);
  if (!isSuiteId(o.suite)) fail(`${path}.suite`, 'must be ES256 or SM2');
  const compromised =
    o.compromised_keys === undefined
      ? undefined
      : array(o.compromised_keys, `${path}.compromised_keys`).map((entry, i): TrustListCompromisedKey => {
          const key = object(entry, `${path}.compromised_keys[${i}]`);
          return {
            certificate_sha256: sha256(key.certificate_sha256, `${path}.compromised_keys[${i}].certificate_sha256`),
            since: rfc3339(key.since, `${path}.compromised_keys[${i}].since`),
          };
        });
  const iaca = pems(o.iaca, `${path}.iaca`);
  if (iaca.length === 0) fail(`${path}.iaca`, 'must hold at least one root certificate');
  return {
    id: identifier(o.id, `${path}.id`),
    name: localized(o.name, `${path}.name`),
    kind: identifier(o.kind, `${path}.kind`),
    ...(o.region !== undefined && { region: identifier(o.region, `${path}.region`) }),
    suite: o.suite,
    iaca,
    document_signers: pems(o.document_signers, `${path}.document_signers`),
    credential_types: identifiers(o.credential_types, `${path}.credential_types`),
    status_lists: array(o.status_lists, `${path}.status_lists`).map((entry, i) =>
      text(entry, `${path}.status_lists[${i}]`, 2048),
    ),
    ...(o.withdrawn_at !== undefined && { withdrawn_at: rfc3339(o.withdrawn_at, `${path}.withdrawn_at`) }),
    ...(compromised && { compromised_keys: compromised }),
  };
}

function credentialType(value: unknown, path: string): TrustListCredentialType {
  const o = object(value, path);
  return {
    id: identifier(o.id, `${path}.id`),
    name: localized(o.name, `${path}.name`),
    authority_kinds: identifiers(o.authority_kinds, `${path}.authority_kinds`),
    elements: array(o.elements, `${path}.elements`).map((entry, i): TrustListElement => {
      const element = object(entry, `${path}.elements[${i}]`);
      return {
        id: identifier(element.id, `${path}.elements[${i}].id`),
        value_type: identifier(element.value_type, `${path}.elements[${i}].value_type`),
        name: localized(element.name, `${path}.elements[${i}].name`),
      };
    }),
  };
}

/** Reads registered elements: credential type → namespace → element ids. */
export function parseRegisteredElements(value: unknown, path: string): RegisteredElements {
  return registeredElements(value, path);
}

// The relying parties are most of a national list (10,000 or more): their members are checked
// without building each member's path (or a closure) up front, only when one fails.

/** `relying_parties[index]` + `member`, or `where` itself when it is already a path. */
function partyPath(where: number | string, member: string): string {
  return typeof where === 'number' ? `relying_parties[${where}]${member}` : `${where}${member}`;
}

/** Fails unless every present entry of `list` passes `check`; returns a copy (holes stay holes, as with `map`). */
function checkedCopy(
  list: unknown[],
  check: (entry: unknown) => boolean,
  where: number | string,
  member: string,
  problem: string,
): string[] {
  const copy = list.slice() as string[];
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (!check(entry) && (entry !== undefined || i in list)) fail(partyPath(where, `${member}[${i}]`), problem);
  }
  return copy;
}

function registeredElements(value: unknown, where: number | string): RegisteredElements {
  const member = typeof where === 'number' ? '.elements' : '';
  if (!isObject(value)) fail(partyPath(where, member), 'must be an object');
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const type of Object.keys(value)) {
    if (!isIdentifier(type)) fail(`${partyPath(where, member)} key`, 'must be an identifier');
    const namespaces = value[type];
    if (!isObject(namespaces)) fail(partyPath(where, `${member}.${type}`), 'must be an object');
    const inner: Record<string, readonly string[]> = {};
    for (const namespace of Object.keys(namespaces)) {
      if (!isIdentifier(namespace)) fail(`${partyPath(where, `${member}.${type}`)} key`, 'must be an identifier');
      const elements = namespaces[namespace];
      const at = `${member}.${type}.${namespace}`;
      if (!Array.isArray(elements)) fail(partyPath(where, at), 'must be an array');
      if (elements.length > MAX_LIST) fail(partyPath(where, at), `has more than ${MAX_LIST} entries`);
      inner[namespace] = checkedCopy(elements, isIdentifier, where, at, 'must be an identifier');
    }
    out[type] = inner;
  }
  return out;
}

function isSha256(value: unknown): boolean {
  return typeof value === 'string' && SHA256_B64URL.test(value);
}

function relyingParty(value: unknown, index: number): TrustListRelyingParty {
  if (!isObject(value)) fail(partyPath(index, ''), 'must be an object');
  const o = value;
  if (!isIdentifier(o.id)) fail(partyPath(index, '.id'), 'must be an identifier');
  const id = o.id;
  const name = partyText(o.name, index, '.name');
  const purpose = partyText(o.purpose, index, '.purpose');
  const listed = o.certificates;
  if (!Array.isArray(listed)) fail(partyPath(index, '.certificates'), 'must be an array');
  if (listed.length > 64) fail(partyPath(index, '.certificates'), 'has more than 64 entries');
  const certificates = checkedCopy(listed, isSha256, index, '.certificates', 'must be a base64url SHA-256');
  const party: { -readonly [K in keyof TrustListRelyingParty]: TrustListRelyingParty[K] } = {
    id,
    name,
    purpose,
    certificates,
    elements: registeredElements(o.elements, index),
  };
  if (o.deregistered_at !== undefined) {
    party.deregistered_at = rfc3339(o.deregistered_at, partyPath(index, '.deregistered_at'));
  }
  return party;
}

/** `localized` for a relying party's member. */
function partyText(value: unknown, index: number, member: string): LocalizedText {
  if (!isObject(value)) fail(partyPath(index, member), 'must be an object');
  const zh = value['zh-CN'];
  if (!isText(zh)) fail(partyPath(index, `${member}.zh-CN`), 'must be a non-empty string');
  const en = value.en;
  if (!isText(en)) fail(partyPath(index, `${member}.en`), 'must be a non-empty string');
  return { 'zh-CN': zh, en };
}

function unique(entries: readonly { readonly id: string }[], path: string): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) fail(path, `lists ${id} twice`);
    seen.add(id);
  }
}

/**
 * Checks the shape of a decoded trust list payload (no signature here: see `verifyTrustList`) and
 * returns it typed, with unknown members dropped. Anything else is `ERR_TRUST_LIST_MALFORMED`
 * naming the member at fault.
 */
export function parseTrustList(value: unknown): TrustList {
  const o = object(value, 'payload');
  if (o.version !== 1) fail('version', 'must be 1');
  const sequence = o.sequence;
  if (typeof sequence !== 'number' || !Number.isSafeInteger(sequence) || sequence < 1) {
    fail('sequence', 'must be a positive integer');
  }
  const issuedAt = rfc3339(o.issued_at, 'issued_at');
  const expiresAt = rfc3339(o.expires_at, 'expires_at');
  if (Date.parse(expiresAt) <= Date.parse(issuedAt)) fail('expires_at', 'must follow issued_at');
  const authorities = array(o.authorities, 'authorities', MAX_TRUST_LIST_AUTHORITIES).map((entry, i) =>
    authority(entry, `authorities[${i}]`),
  );
  const credentialTypes = array(o.credential_types, 'credential_types').map((entry, i) =>
    credentialType(entry, `credential_types[${i}]`),
  );
  const relyingParties = array(o.relying_parties, 'relying_parties', MAX_TRUST_LIST_RELYING_PARTIES).map(relyingParty);
  unique(authorities, 'authorities');
  unique(credentialTypes, 'credential_types');
  unique(relyingParties, 'relying_parties');
  return {
    version: 1,
    sequence,
    issued_at: issuedAt,
    expires_at: expiresAt,
    authorities,
    credential_types: credentialTypes,
    relying_parties: relyingParties,
  };
}
