import { ZzError } from '../errors/zz-error.js';
import type {
  DcqlClaimPath,
  DcqlClaimsQuery,
  DcqlCredentialQuery,
  DcqlCredentialSetQuery,
  DcqlQuery,
} from './dcql-types.js';

/** `id` syntax of credential and claim queries (OpenID4VP 1.0 §6.1, §6.3). */
export const DCQL_ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Bounds that keep parsing and matching cheap. */
export const DCQL_LIMITS = {
  credentials: 32,
  claims: 128,
  pathLength: 16,
  idLength: 128,
  stringLength: 1024,
  values: 64,
} as const;

const FORMATS = new Set(['mso_mdoc', 'dc+sd-jwt']);

/**
 * Parses and validates a DCQL query (OpenID4VP 1.0 §6) strictly: unknown formats, missing `meta`,
 * duplicate or malformed ids, bad claim paths (mdoc: exactly `[namespace, element]`), unknown
 * `claim_sets` / `credential_sets` references all fail with `ERR_OID4VP_DCQL_INVALID`.
 * `trusted_authorities` and unknown members are ignored (§6.1 allows extensions).
 */
export function parseDcqlQuery(value: unknown): DcqlQuery {
  const query = object(value, 'dcql_query');
  const credentials = array(query.credentials, 'credentials', DCQL_LIMITS.credentials);
  if (credentials.length === 0) fail('credentials must not be empty');
  const parsed = credentials.map(parseCredentialQuery);
  const ids = new Set<string>();
  for (const credential of parsed) {
    if (ids.has(credential.id)) fail('credential query ids must be unique');
    ids.add(credential.id);
  }
  if (query.credential_sets === undefined) return { credentials: parsed };
  const sets = array(query.credential_sets, 'credential_sets', DCQL_LIMITS.credentials);
  if (sets.length === 0) fail('credential_sets must not be empty');
  return { credentials: parsed, credential_sets: sets.map((set) => parseCredentialSet(set, ids)) };
}

function parseCredentialQuery(value: unknown): DcqlCredentialQuery {
  const entry = object(value, 'credential query');
  const id = identifier(entry.id);
  if (typeof entry.format !== 'string' || !FORMATS.has(entry.format)) fail('format must be mso_mdoc or dc+sd-jwt');
  const format = entry.format as DcqlCredentialQuery['format'];
  const meta = object(entry.meta, 'meta');
  let parsedMeta: DcqlCredentialQuery['meta'];
  if (format === 'mso_mdoc') {
    parsedMeta = { doctype_value: text(meta.doctype_value, 'doctype_value') };
  } else {
    const vcts = array(meta.vct_values, 'vct_values', DCQL_LIMITS.values);
    if (vcts.length === 0) fail('vct_values must not be empty');
    parsedMeta = { vct_values: vcts.map((vct) => text(vct, 'vct_values entry')) };
  }
  const result: { -readonly [K in keyof DcqlCredentialQuery]: DcqlCredentialQuery[K] } = {
    id,
    format,
    meta: parsedMeta,
  };
  if (entry.multiple !== undefined) result.multiple = boolean(entry.multiple, 'multiple');
  if (entry.require_cryptographic_holder_binding !== undefined) {
    result.require_cryptographic_holder_binding = boolean(
      entry.require_cryptographic_holder_binding,
      'require_cryptographic_holder_binding',
    );
  }
  if (entry.claims !== undefined) {
    const claims = array(entry.claims, 'claims', DCQL_LIMITS.claims);
    if (claims.length === 0) fail('claims must not be empty');
    result.claims = claims.map((claim) => parseClaimsQuery(claim, format));
  }
  if (entry.claim_sets !== undefined) {
    const claimIds = new Set<string>();
    for (const claim of result.claims ?? []) {
      if (claim.id === undefined) fail('claim_sets requires every claim to have an id');
      if (claimIds.has(claim.id)) fail('claim ids must be unique');
      claimIds.add(claim.id);
    }
    const sets = array(entry.claim_sets, 'claim_sets', DCQL_LIMITS.claims);
    if (sets.length === 0) fail('claim_sets must not be empty');
    result.claim_sets = sets.map((set) => references(set, claimIds, 'claim_sets option'));
  }
  return result;
}

function parseClaimsQuery(value: unknown, format: DcqlCredentialQuery['format']): DcqlClaimsQuery {
  const entry = object(value, 'claims query');
  const path = parsePath(entry.path, format);
  const result: { -readonly [K in keyof DcqlClaimsQuery]: DcqlClaimsQuery[K] } = { path };
  if (entry.id !== undefined) result.id = identifier(entry.id);
  if (entry.values !== undefined) {
    const values = array(entry.values, 'values', DCQL_LIMITS.values);
    if (values.length === 0) fail('values must not be empty');
    for (const item of values) {
      const kind = typeof item;
      if (kind !== 'string' && kind !== 'number' && kind !== 'boolean')
        fail('values must be strings, numbers, booleans');
      if (kind === 'number' && !Number.isFinite(item)) fail('values must be finite');
    }
    result.values = values as (string | number | boolean)[];
  }
  if (entry.intent_to_retain !== undefined) {
    if (format !== 'mso_mdoc') fail('intent_to_retain applies to mso_mdoc only');
    result.intent_to_retain = boolean(entry.intent_to_retain, 'intent_to_retain');
  }
  return result;
}

/** Claims path pointer (§7): mdoc `[namespace, element]` strings; SD-JWT strings, non-negative integers, null. */
function parsePath(value: unknown, format: DcqlCredentialQuery['format']): DcqlClaimPath {
  const path = array(value, 'path', DCQL_LIMITS.pathLength);
  if (path.length === 0) fail('path must not be empty');
  if (format === 'mso_mdoc') {
    if (path.length !== 2) fail('mso_mdoc path must be [namespace, element]');
    return [text(path[0], 'namespace'), text(path[1], 'element')];
  }
  return path.map((segment) => {
    if (segment === null) return null;
    if (typeof segment === 'string') return text(segment, 'path segment');
    if (typeof segment === 'number' && Number.isSafeInteger(segment) && segment >= 0) return segment;
    return fail('path segments must be strings, non-negative integers or null');
  });
}

function parseCredentialSet(value: unknown, ids: ReadonlySet<string>): DcqlCredentialSetQuery {
  const entry = object(value, 'credential set');
  const options = array(entry.options, 'options', DCQL_LIMITS.credentials);
  if (options.length === 0) fail('options must not be empty');
  const result: { -readonly [K in keyof DcqlCredentialSetQuery]: DcqlCredentialSetQuery[K] } = {
    options: options.map((option) => references(option, ids, 'credential_sets option')),
  };
  if (entry.required !== undefined) result.required = boolean(entry.required, 'required');
  return result;
}

function references(value: unknown, known: ReadonlySet<string>, what: string): string[] {
  const list = array(value, what, DCQL_LIMITS.claims);
  if (list.length === 0) fail(`${what} must not be empty`);
  return list.map((id) => {
    if (typeof id !== 'string' || !known.has(id)) fail(`${what} names an unknown id`);
    return id as string;
  });
}

function identifier(value: unknown): string {
  if (typeof value !== 'string' || value.length > DCQL_LIMITS.idLength || !DCQL_ID_PATTERN.test(value)) {
    fail('id must match [A-Za-z0-9_-]+');
  }
  return value as string;
}

function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${what} must be an object`);
  return value as Record<string, unknown>;
}

function array(value: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(value)) fail(`${what} must be an array`);
  if ((value as unknown[]).length > max) fail(`${what} has more than ${max} entries`);
  return value as unknown[];
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > DCQL_LIMITS.stringLength) {
    fail(`${what} must be a non-empty string`);
  }
  return value as string;
}

function boolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} must be a boolean`);
  return value as boolean;
}

function fail(message: string): never {
  throw new ZzError('ERR_OID4VP_DCQL_INVALID', message);
}
