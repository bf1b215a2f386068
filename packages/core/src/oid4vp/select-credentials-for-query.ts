import { ZzError } from '../errors/zz-error.js';
import type { SdJwtClaimPath } from '../sd-jwt/process-disclosures.js';
import type { DcqlClaimPath, DcqlClaimsQuery, DcqlCredentialQuery, DcqlQuery } from './dcql-types.js';

/** A credential the wallet holds, described by what DCQL matching needs (values included for `values` filters). */
export type DcqlHeldCredential =
  | {
      readonly id: string;
      readonly format: 'mso_mdoc';
      readonly docType: string;
      /** Element values per namespace (e.g. from `mdocClaims`). */
      readonly nameSpaces: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
    }
  | {
      readonly id: string;
      readonly format: 'dc+sd-jwt';
      readonly vct: string;
      /** The fully disclosed claims (the processed SD-JWT payload). */
      readonly claims: Readonly<Record<string, unknown>>;
    };

/** What to present for one credential query: feed `disclose` to `presentMdoc` or `presentSdJwtVc`. */
export type DcqlCredentialMatch =
  | {
      readonly credentialId: string;
      readonly format: 'mso_mdoc';
      readonly docType: string;
      readonly disclose: Record<string, string[]>;
    }
  | {
      readonly credentialId: string;
      readonly format: 'dc+sd-jwt';
      readonly vct: string;
      readonly disclose: SdJwtClaimPath[];
    };

/** Query id → the credentials to present for it (one unless the query has `multiple: true`). */
export type DcqlSelection = Record<string, DcqlCredentialMatch[]>;

/**
 * Wallet side of DCQL (OpenID4VP 1.0 §6.4): for every credential query, the held credentials
 * of the same format and type whose claims satisfy the query (first `claim_sets` option that
 * matches, else all claims), with exactly the claims to disclose. Then `credential_sets` (or, when
 * absent, every query) decide which queries are answered. A required query or credential set that
 * no held credential satisfies throws `ERR_OID4VP_NO_MATCHING_CREDENTIAL`.
 */
export function selectCredentialsForQuery(query: DcqlQuery, held: readonly DcqlHeldCredential[]): DcqlSelection {
  if (!Array.isArray(held)) throw new ZzError('ERR_INPUT_INVALID', 'held credentials must be an array');
  const matches = new Map<string, DcqlCredentialMatch[]>();
  for (const credentialQuery of query.credentials) {
    const found = held.flatMap((credential) => {
      const match = matchCredential(credentialQuery, credential);
      return match ? [match] : [];
    });
    if (found.length > 0) matches.set(credentialQuery.id, credentialQuery.multiple ? found : found.slice(0, 1));
  }
  const chosen = new Set<string>();
  if (!query.credential_sets) {
    for (const credentialQuery of query.credentials) {
      if (!matches.has(credentialQuery.id)) unsatisfied();
      chosen.add(credentialQuery.id);
    }
  } else {
    for (const set of query.credential_sets) {
      const option = set.options.find((ids) => ids.every((id) => matches.has(id)));
      if (option) for (const id of option) chosen.add(id);
      else if (set.required !== false) unsatisfied();
    }
  }
  const selection: DcqlSelection = {};
  for (const id of chosen) {
    const value = matches.get(id);
    if (value) Object.defineProperty(selection, id, { value, enumerable: true, writable: true, configurable: true });
  }
  return selection;
}

function unsatisfied(): never {
  throw new ZzError('ERR_OID4VP_NO_MATCHING_CREDENTIAL', 'A required credential query cannot be satisfied');
}

function matchCredential(query: DcqlCredentialQuery, credential: DcqlHeldCredential): DcqlCredentialMatch | undefined {
  if (query.format !== credential.format) return undefined;
  if (credential.format === 'mso_mdoc') {
    if (query.meta.doctype_value !== credential.docType) return undefined;
  } else if (!query.meta.vct_values?.includes(credential.vct)) {
    return undefined;
  }
  const resolved = resolveClaims(query, credential);
  if (!resolved) return undefined;
  if (credential.format === 'mso_mdoc') {
    const disclose: Record<string, string[]> = {};
    for (const path of resolved) {
      const [ns, element] = path as [string, string];
      if (!Object.hasOwn(disclose, ns)) {
        Object.defineProperty(disclose, ns, { value: [], enumerable: true, writable: true, configurable: true });
      }
      const list = disclose[ns] as string[];
      if (!list.includes(element)) list.push(element);
    }
    return { credentialId: credential.id, format: 'mso_mdoc', docType: credential.docType, disclose };
  }
  return { credentialId: credential.id, format: 'dc+sd-jwt', vct: credential.vct, disclose: resolved };
}

/** The concrete paths to disclose, or undefined when the claims (or every claim set) do not match. */
function resolveClaims(query: DcqlCredentialQuery, credential: DcqlHeldCredential): SdJwtClaimPath[] | undefined {
  const claims = query.claims;
  if (!claims) return [];
  const resolveOne = (claim: DcqlClaimsQuery) => resolvePath(credential, claim);
  if (!query.claim_sets) {
    const all: SdJwtClaimPath[] = [];
    for (const claim of claims) {
      const paths = resolveOne(claim);
      if (paths.length === 0) return undefined;
      all.push(...paths);
    }
    return all;
  }
  for (const option of query.claim_sets) {
    const all: SdJwtClaimPath[] = [];
    const ok = option.every((claimId) => {
      const claim = claims.find((entry) => entry.id === claimId);
      const paths = claim ? resolveOne(claim) : [];
      all.push(...paths);
      return paths.length > 0;
    });
    if (ok) return all;
  }
  return undefined;
}

function resolvePath(credential: DcqlHeldCredential, claim: DcqlClaimsQuery): SdJwtClaimPath[] {
  const accepts = (value: unknown) => !claim.values || claim.values.some((wanted) => wanted === value);
  if (credential.format === 'mso_mdoc') {
    const [ns, element] = claim.path as [string, string];
    const elements = Object.hasOwn(credential.nameSpaces, ns) ? credential.nameSpaces[ns] : undefined;
    if (!elements || !Object.hasOwn(elements, element) || !accepts(elements[element])) return [];
    return [[ns, element]];
  }
  return expand(credential.claims, claim.path, 0, [])
    .filter(({ value }) => accepts(value))
    .map(({ path }) => path);
}

/** Follows a claims path pointer (§7.1), expanding `null` over every array element. */
function expand(
  value: unknown,
  path: DcqlClaimPath,
  at: number,
  prefix: (string | number)[],
): { path: (string | number)[]; value: unknown }[] {
  if (at === path.length) return [{ path: prefix, value }];
  const step = path[at];
  if (typeof step === 'string') {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, step)) return [];
    return expand((value as Record<string, unknown>)[step], path, at + 1, [...prefix, step]);
  }
  if (!Array.isArray(value)) return [];
  if (step === null) return value.flatMap((item, index) => expand(item, path, at + 1, [...prefix, index]));
  if (typeof step === 'number' && step < value.length) return expand(value[step], path, at + 1, [...prefix, step]);
  return [];
}
