import { ZzError } from '../errors/zz-error.js';
import type { JsonObject } from '../jose/jws-compact.js';
import type { Platform } from '../platform/platform.js';
import { decodeSdJwtDisclosure, type SdJwtDisclosure } from './disclosure.js';
import { digestAlgorithmOfSdAlg, hashTexts, type SdAlg } from './hash-alg.js';
import { defineClaim, isJsonObject } from './json.js';

/** A claim path: object member names and array indexes from the top of the payload. */
export type SdJwtClaimPath = readonly (string | number)[];

/** Where a disclosure was referenced, found while processing (used by the holder to select). */
export interface SdJwtDisclosureUse {
  readonly disclosure: SdJwtDisclosure;
  /** Path of the disclosed claim or array element (array indexes as in the issued payload). */
  readonly path: SdJwtClaimPath;
  /** Index of the disclosure whose value holds this one's digest; undefined at the payload level. */
  readonly parent?: number;
}

export interface ProcessedSdJwt {
  /** The payload with every disclosed claim inserted; `_sd`, `_sd_alg` and unmatched `...` removed. */
  readonly claims: JsonObject;
  readonly sdAlg: SdAlg;
  /** One entry per disclosure, in the order received. */
  readonly uses: readonly SdJwtDisclosureUse[];
}

/** Maximum nesting depth of the processed payload. */
const MAX_DEPTH = 64;

/** A claim path as a linked list, materialised only for disclosures (verification builds none). */
interface PathLink {
  readonly up: PathLink | undefined;
  readonly step: string | number;
}

function pathOf(link: PathLink | undefined): SdJwtClaimPath {
  const out: (string | number)[] = [];
  for (let at = link; at; at = at.up) out.push(at.step);
  return out.reverse();
}

/**
 * Processes an Issuer-signed JWT payload with its disclosures exactly as RFC 9901 §7.1 step 3–7
 * says: hash each disclosure as sent with `_sd_alg` (default `sha-256`); walk `_sd` arrays and
 * `{"...": digest}` array elements recursively, ignoring digests without a disclosure (decoys);
 * and reject (`ERR_SDJWT_DIGEST_DUPLICATE`) a digest met twice, (`ERR_SDJWT_DISCLOSURE_INVALID`)
 * a disclosure of the wrong element count for where it is referenced, named `_sd` or `...`, or
 * whose name already exists at its level, and any disclosure that is never referenced.
 * An unsupported `_sd_alg` fails with `ERR_SDJWT_HASH_ALG`; a malformed `_sd` or `...` with
 * `ERR_SDJWT_MALFORMED`. Signature and time checks are not done here.
 */
export async function processSdJwtDisclosures(
  platform: Platform,
  payload: JsonObject,
  disclosures: readonly string[],
): Promise<ProcessedSdJwt> {
  const sdAlg = (Object.hasOwn(payload, '_sd_alg') ? payload._sd_alg : 'sha-256') as SdAlg;
  const algorithm = digestAlgorithmOfSdAlg(sdAlg);
  const hashed = hashTexts(platform, algorithm, disclosures);
  const digests = hashed instanceof Promise ? await hashed : hashed;
  const byDigest = new Map<string, number>();
  digests.forEach((digest, index) => {
    if (byDigest.has(digest)) throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'A disclosure is sent twice');
    byDigest.set(digest, index);
  });
  const walker = new Walker(disclosures, byDigest);
  const claims = walker.object(payload, undefined, undefined, 0, true);
  const uses: SdJwtDisclosureUse[] = [];
  for (let index = 0; index < disclosures.length; index++) {
    const use = walker.uses[index];
    if (!use) throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', `Disclosure ${index + 1} is not referenced`);
    uses.push(use);
  }
  return { claims, sdAlg, uses };
}

/** A disclosure use whose path is built only when asked for (the holder needs it, verifiers rarely). */
class Use implements SdJwtDisclosureUse {
  constructor(
    readonly disclosure: SdJwtDisclosure,
    private readonly link: PathLink,
    readonly parent: number | undefined,
  ) {}

  get path(): SdJwtClaimPath {
    return pathOf(this.link);
  }
}

class Walker {
  readonly uses: (SdJwtDisclosureUse | undefined)[] = [];
  private readonly seen = new Set<string>();

  constructor(
    private readonly disclosures: readonly string[],
    private readonly byDigest: ReadonlyMap<string, number>,
  ) {}

  value(value: unknown, path: PathLink | undefined, parent: number | undefined, depth: number): unknown {
    if (Array.isArray(value)) return this.array(value, path, parent, depth);
    if (isJsonObject(value)) return this.object(value, path, parent, depth, false);
    return value;
  }

  object(
    value: JsonObject,
    path: PathLink | undefined,
    parent: number | undefined,
    depth: number,
    top: boolean,
  ): JsonObject {
    if (depth > MAX_DEPTH) throw new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT payload is nested too deeply');
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (key === '_sd' || (top && key === '_sd_alg')) continue;
      const member = value[key];
      const processed =
        typeof member === 'object' && member !== null
          ? this.value(member, { up: path, step: key }, parent, depth + 1)
          : member;
      defineClaim(out, key, processed);
    }
    if (!Object.hasOwn(value, '_sd')) return out;
    const sd = value._sd;
    if (!Array.isArray(sd)) throw new ZzError('ERR_SDJWT_MALFORMED', '_sd must be an array');
    for (const digest of sd) {
      const index = this.match(digest);
      if (index === undefined) continue;
      const disclosure = this.decode(index);
      const name = disclosure.name;
      if (name === undefined) {
        throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure for an object property must have three elements');
      }
      if (name === '_sd' || name === '...') {
        throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure claim name must not be _sd or ...');
      }
      if (Object.hasOwn(value, name) || Object.hasOwn(out, name)) {
        throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure claim name already exists at its level');
      }
      const claimPath: PathLink = { up: path, step: name };
      this.uses[index] = new Use(disclosure, claimPath, parent);
      defineClaim(out, name, this.value(disclosure.value, claimPath, index, depth + 1));
    }
    return out;
  }

  array(value: readonly unknown[], path: PathLink | undefined, parent: number | undefined, depth: number): unknown[] {
    if (depth > MAX_DEPTH) throw new ZzError('ERR_SDJWT_MALFORMED', 'SD-JWT payload is nested too deeply');
    const out: unknown[] = [];
    value.forEach((element, position) => {
      const elementPath: PathLink = { up: path, step: position };
      if (!isJsonObject(element) || !Object.hasOwn(element, '...') || Object.keys(element).length !== 1) {
        out.push(this.value(element, elementPath, parent, depth + 1));
        return;
      }
      const index = this.match(element['...']);
      if (index === undefined) return; // §7.1 step 5.2: drop elements without a disclosure
      const disclosure = this.decode(index);
      if (disclosure.name !== undefined) {
        throw new ZzError('ERR_SDJWT_DISCLOSURE_INVALID', 'Disclosure for an array element must have two elements');
      }
      this.uses[index] = new Use(disclosure, elementPath, parent);
      out.push(this.value(disclosure.value, elementPath, index, depth + 1));
    });
    return out;
  }

  /** Records an embedded digest (each may appear once) and returns its disclosure's index. */
  private match(digest: unknown): number | undefined {
    if (typeof digest !== 'string') throw new ZzError('ERR_SDJWT_MALFORMED', 'An embedded digest must be a string');
    if (this.seen.has(digest)) throw new ZzError('ERR_SDJWT_DIGEST_DUPLICATE', 'A digest appears more than once');
    this.seen.add(digest);
    return this.byDigest.get(digest);
  }

  private decode(index: number): SdJwtDisclosure {
    return decodeSdJwtDisclosure(this.disclosures[index] as string);
  }
}
