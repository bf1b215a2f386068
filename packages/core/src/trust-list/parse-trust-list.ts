import type { LocalizedText } from '../catalog/credential-type.js';
import { ZzError } from '../errors/zz-error.js';
import { isSuiteId } from '../platform/suites.js';
import {
  MAX_TRUST_LIST_AUTHORITIES,
  MAX_TRUST_LIST_REGISTRATION_PROFILES,
  MAX_TRUST_LIST_RELYING_PARTIES,
  type RegisteredElements,
  type TrustList,
  type TrustListAuthority,
  type TrustListCompromisedKey,
  type TrustListCredentialType,
  type TrustListElement,
  type TrustListRegistrationProfile,
  type TrustListRelyingParty,
} from './trust-list-types.js';

// negated classes with a length check: a third faster than an anchored pattern on the 10,000
// identifiers and hashes of a national list
const NOT_IDENTIFIER = /[^A-Za-z0-9._:-]/;
const NOT_BASE64URL = /[^A-Za-z0-9_-]/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const MAX_TEXT = 512;
const MAX_LIST = 4096;
/** Certificates per relying party. */
const MAX_CERTIFICATES = 64;
const PROTO = '__proto__';

function fail(path: string, problem: string): never {
  throw new ZzError('ERR_TRUST_LIST_MALFORMED', `Trust list ${path} ${problem}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIdentifier(value: unknown): value is string {
  return typeof value === 'string' && value.length !== 0 && value.length <= 128 && !NOT_IDENTIFIER.test(value);
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
  if (!isIdentifier(value)) fail(path, 'must be an identifier');
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

function isSha256(value: unknown): value is string {
  return typeof value === 'string' && value.length === 43 && !NOT_BASE64URL.test(value);
}

function sha256(value: unknown, path: string): string {
  if (!isSha256(value)) fail(path, 'must be a base64url SHA-256');
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

/**
 * Reads registered elements: credential type → namespace → element ids. `__proto__` is refused as
 * a type or namespace: no catalog entry is named so, and as a key of a plain object it would set
 * the prototype instead of an entry.
 */
export function parseRegisteredElements(value: unknown, path: string): RegisteredElements {
  const types = object(value, path);
  const out: Record<string, Record<string, readonly string[]>> = {};
  for (const type of Object.keys(types)) {
    if (!isIdentifier(type) || type === PROTO) fail(`${path} key`, 'must be an identifier');
    const namespaces = object(types[type], `${path}.${type}`);
    const inner: Record<string, readonly string[]> = {};
    for (const namespace of Object.keys(namespaces)) {
      if (!isIdentifier(namespace) || namespace === PROTO) fail(`${path}.${type} key`, 'must be an identifier');
      inner[namespace] = identifiers(namespaces[namespace], `${path}.${type}.${namespace}`);
    }
    out[type] = inner;
  }
  return out;
}

function registrationProfile(value: unknown, index: number): TrustListRegistrationProfile {
  const path = `registration_profiles[${index}]`;
  const o = object(value, path);
  return {
    id: identifier(o.id, `${path}.id`),
    name: localized(o.name, `${path}.name`),
    purpose: localized(o.purpose, `${path}.purpose`),
    elements: parseRegisteredElements(o.elements, `${path}.elements`),
  };
}

// The relying parties are most of a national list (10,000 or more): each is checked member by
// member with no path string, closure or intermediate array made unless a check fails.

function partyFail(index: number, member: string, problem: string): never {
  fail(`relying_parties[${index}]${member}`, problem);
}

function relyingParty(
  value: unknown,
  index: number,
  profiles: ReadonlyMap<string, TrustListRegistrationProfile>,
): TrustListRelyingParty {
  if (!isObject(value)) partyFail(index, '', 'must be an object');
  const { id, profile, certificates: listed, deregistered_at: deregisteredAt } = value;
  if (!isIdentifier(id)) partyFail(index, '.id', 'must be an identifier');
  if (typeof profile !== 'string' || !profiles.has(profile)) {
    partyFail(index, '.profile', 'must name one of the registration profiles');
  }
  if (!Array.isArray(listed)) partyFail(index, '.certificates', 'must be an array');
  if (listed.length > MAX_CERTIFICATES) partyFail(index, '.certificates', `has more than ${MAX_CERTIFICATES} entries`);
  for (let i = 0; i < listed.length; i++) {
    if (!isSha256(listed[i])) partyFail(index, `.certificates[${i}]`, 'must be a base64url SHA-256');
  }
  const certificates = listed.slice() as string[];
  if (deregisteredAt === undefined) return { id, profile, certificates };
  return {
    id,
    profile,
    certificates,
    deregistered_at: rfc3339(deregisteredAt, `relying_parties[${index}].deregistered_at`),
  };
}

function unique(entries: readonly { readonly id: string }[], path: string): void {
  const seen = new Set<string>();
  for (const { id } of entries) {
    if (seen.has(id)) fail(path, `lists ${id} twice`);
    seen.add(id);
  }
}

/** A list's registration profiles and relying parties by id. */
export interface TrustListIndex {
  readonly registrationProfiles: ReadonlyMap<string, TrustListRegistrationProfile>;
  readonly relyingParties: ReadonlyMap<string, TrustListRelyingParty>;
}

/** Indexes made while parsing, by the (frozen) list they index: `createTrustListSource` reuses them. */
const indexes = new WeakMap<TrustList, TrustListIndex>();

/**
 * The index of `list`: the one `parseTrustList` made while checking ids are unique, or — for a
 * list built by hand — a new one (a later entry with the same id wins).
 */
export function indexTrustList(list: TrustList): TrustListIndex {
  const known = indexes.get(list);
  if (known) return known;
  const relyingParties = new Map<string, TrustListRelyingParty>();
  for (const party of list.relying_parties) relyingParties.set(party.id, party);
  return {
    registrationProfiles: new Map(list.registration_profiles.map((profile) => [profile.id, profile])),
    relyingParties,
  };
}

/**
 * Checks the shape of a decoded trust list payload (no signature here: see `verifyTrustList`) and
 * returns it typed, with unknown members dropped. Anything else is `ERR_TRUST_LIST_MALFORMED`
 * naming the member at fault. The list and its arrays are frozen (the index `createTrustListSource`
 * reuses stays the list's).
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
  const profiles = array(o.registration_profiles, 'registration_profiles', MAX_TRUST_LIST_REGISTRATION_PROFILES).map(
    registrationProfile,
  );
  unique(authorities, 'authorities');
  unique(credentialTypes, 'credential_types');
  const profilesById = new Map<string, TrustListRegistrationProfile>();
  for (const profile of profiles) {
    if (profilesById.has(profile.id)) fail('registration_profiles', `lists ${profile.id} twice`);
    profilesById.set(profile.id, profile);
  }
  const listed = array(o.relying_parties, 'relying_parties', MAX_TRUST_LIST_RELYING_PARTIES);
  const relyingParties: TrustListRelyingParty[] = [];
  const partiesById = new Map<string, TrustListRelyingParty>();
  for (let i = 0; i < listed.length; i++) {
    const party = relyingParty(listed[i], i, profilesById);
    partiesById.set(party.id, party); // one hash lookup: a repeated id leaves the size behind
    if (partiesById.size !== i + 1) fail('relying_parties', `lists ${party.id} twice`);
    relyingParties.push(party);
  }
  const list: TrustList = Object.freeze({
    version: 1,
    sequence,
    issued_at: issuedAt,
    expires_at: expiresAt,
    authorities: Object.freeze(authorities),
    credential_types: Object.freeze(credentialTypes),
    registration_profiles: Object.freeze(profiles),
    relying_parties: Object.freeze(relyingParties),
  });
  indexes.set(list, { registrationProfiles: profilesById, relyingParties: partiesById });
  return list;
}
