import { ZzError } from '../errors/zz-error.js';
import { isJsonObject } from './json.js';
import type { SdJwtClaimPath } from './process-disclosures.js';

/** Claims an SD-JWT VC must never make selectively disclosable (draft-ietf-oauth-sd-jwt-vc §3.2.2.2). */
export const SD_JWT_VC_NEVER_DISCLOSABLE: ReadonlySet<string> = new Set(['iss', 'nbf', 'exp', 'cnf', 'vct', 'status']);
const MAX_DEPTH = 32;

/** Which claims below a point are selectively disclosable. */
export interface SdNode {
  sd: boolean;
  readonly children: Map<string | number, SdNode>;
}

/**
 * Builds the tree of selectively disclosable paths, checking that each path exists in `claims`
 * (strings name object members, integers index arrays) and is allowed. Fails with
 * `ERR_INPUT_INVALID`.
 */
export function buildSdTree(
  claims: Readonly<Record<string, unknown>>,
  paths: readonly (string | SdJwtClaimPath)[],
): SdNode {
  if (!Array.isArray(paths)) throw new ZzError('ERR_INPUT_INVALID', 'selectivelyDisclosable must be an array');
  const root: SdNode = { sd: false, children: new Map() };
  for (const entry of paths) {
    const path: SdJwtClaimPath = typeof entry === 'string' ? [entry] : entry;
    if (!Array.isArray(path) || path.length === 0 || typeof path[0] !== 'string') {
      throw new ZzError('ERR_INPUT_INVALID', 'A selectively disclosable path must start with a claim name');
    }
    if (SD_JWT_VC_NEVER_DISCLOSABLE.has(path[0])) {
      throw new ZzError('ERR_INPUT_INVALID', `Claim ${path[0]} must never be selectively disclosable`);
    }
    let node = root;
    let value: unknown = claims;
    for (const step of path) {
      value = stepInto(value, step);
      let child = node.children.get(step);
      if (!child) {
        child = { sd: false, children: new Map() };
        node.children.set(step, child);
      }
      node = child;
    }
    node.sd = true;
  }
  return root;
}

function stepInto(value: unknown, step: unknown): unknown {
  if (typeof step === 'string' && isJsonObject(value) && Object.hasOwn(value, step)) return value[step];
  if (typeof step === 'number' && Array.isArray(value) && Number.isInteger(step) && step >= 0 && step < value.length) {
    return value[step];
  }
  throw new ZzError('ERR_INPUT_INVALID', 'A selectively disclosable path does not lead to a claim');
}

/**
 * Checks that claims are plain JSON (objects, arrays, strings, finite numbers, booleans, null),
 * nested at most 32 deep, with no member named `_sd` or `...`: what a verifier reads back must be
 * exactly what was issued. Fails with `ERR_INPUT_INVALID`.
 */
export function assertJsonClaims(claims: unknown): void {
  if (!isJsonObject(claims)) throw new ZzError('ERR_INPUT_INVALID', 'claims must be an object');
  assertJson(claims, 0);
}

function assertJson(value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) throw new ZzError('ERR_INPUT_INVALID', 'Claims are nested too deeply');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new ZzError('ERR_INPUT_INVALID', 'Claim numbers must be finite');
    return;
  }
  if (Array.isArray(value)) {
    for (const element of value) assertJson(element, depth + 1);
    return;
  }
  const prototype: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new ZzError('ERR_INPUT_INVALID', 'Claims must be plain JSON values');
  }
  for (const [key, element] of Object.entries(value as Record<string, unknown>)) {
    if (key === '_sd' || key === '...') throw new ZzError('ERR_INPUT_INVALID', `Claim name ${key} is reserved`);
    assertJson(element, depth + 1);
  }
}
