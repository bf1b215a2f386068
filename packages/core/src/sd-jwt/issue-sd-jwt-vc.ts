import { encodeBase64url } from '../bytes/base64url.js';
import { ZzError } from '../errors/zz-error.js';
import { type JsonObject, signJwsCompact } from '../jose/jws-compact.js';
import { encodeX5c } from '../jose/x5c.js';
import { publicKeyToJwk } from '../keys/jwk.js';
import { assertPublicKey } from '../keys/public-key.js';
import type { PublicKey, Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import type { StatusReference } from '../trust/trust-source.js';
import { createSdJwtDisclosure } from './disclosure.js';
import { defaultSdAlgOf, digestAlgorithmOfSdAlg, hashText, type SdAlg } from './hash-alg.js';
import type { SdJwtClaimPath } from './process-disclosures.js';
import { assertJsonClaims, buildSdTree, type SdNode } from './sd-tree.js';
import { assertDate, numericDate } from './validity.js';

/** `typ` of an SD-JWT VC (draft-ietf-oauth-sd-jwt-vc §3.2.1); `vc+sd-jwt` is the pre-2024 value. */
export const SD_JWT_VC_TYP = 'dc+sd-jwt';
export const SD_JWT_VC_LEGACY_TYP = 'vc+sd-jwt';
/** Most decoy digests an issuer may add. */
const MAX_DECOYS = 256;
/** Claims the issuer sets itself; a caller's `claims` must not contain them. */
const RESERVED = new Set(['iss', 'iat', 'nbf', 'exp', 'cnf', 'vct', 'status', '_sd', '_sd_alg', '...']);

export interface IssueSdJwtVcOptions {
  readonly signer: Signer;
  /** DER certificate chain of the signer, leaf first: sent as the `x5c` header. */
  readonly x5c?: readonly Uint8Array[];
  readonly vct: string;
  readonly iss?: string;
  /** Credential claims (JSON values only). Registered claims (iss, vct, cnf, …) are refused here. */
  readonly claims: Readonly<Record<string, unknown>>;
  /** Claims to make selectively disclosable: top-level names or paths like `['address', 'locality']` or `['nationalities', 0]`. */
  readonly selectivelyDisclosable?: readonly (string | SdJwtClaimPath)[];
  /** Number of decoy digests added to the top-level `_sd` (RFC 9901 §4.2.5). */
  readonly decoys?: number;
  /** The holder's device key, sent as `cnf.jwk`. */
  readonly holderPublicKey: PublicKey;
  readonly status?: StatusReference;
  /** Issuance time (default `now`). */
  readonly iat?: Date;
  readonly nbf?: Date;
  readonly exp: Date;
  readonly now: Date;
  /** `_sd_alg` (default: sha-256 for ES256, sm3 for SM2). */
  readonly sdAlg?: SdAlg;
}

/**
 * Issues an SD-JWT VC (RFC 9901 §4, draft-ietf-oauth-sd-jwt-vc §3): `JWT~D1~…~Dn~`, the JWT
 * with header `typ: dc+sd-jwt`, `alg` from the signer's suite and `x5c` when given. `iss`, `nbf`,
 * `exp`, `cnf`, `vct` and `status` are never selectively disclosable (§3.2.2.2). Digests in each
 * `_sd` are sorted so their order reveals nothing. Bad options fail with `ERR_INPUT_INVALID`.
 */
export async function issueSdJwtVc(platform: Platform, options: IssueSdJwtVcOptions): Promise<string> {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'Options are required');
  if (typeof options.signer?.sign !== 'function' || !options.signer.publicKey) {
    throw new ZzError('ERR_INPUT_INVALID', 'signer must be a Signer');
  }
  const { claims, vct } = options;
  assertDate(options.now, 'now');
  assertDate(options.exp, 'exp');
  const iat = options.iat ?? options.now;
  assertDate(iat, 'iat');
  if (options.nbf !== undefined) assertDate(options.nbf, 'nbf');
  if (typeof vct !== 'string' || vct.length === 0) throw new ZzError('ERR_INPUT_INVALID', 'vct must be a string');
  if (options.iss !== undefined && typeof options.iss !== 'string') {
    throw new ZzError('ERR_INPUT_INVALID', 'iss must be a string');
  }
  if (numericDate(options.exp) <= numericDate(iat)) throw new ZzError('ERR_INPUT_INVALID', 'exp must be after iat');
  if (typeof options.holderPublicKey !== 'object' || options.holderPublicKey === null) {
    throw new ZzError('ERR_INPUT_INVALID', 'holderPublicKey is required');
  }
  assertPublicKey(options.holderPublicKey);
  if (
    options.x5c !== undefined &&
    (!Array.isArray(options.x5c) || !options.x5c.every((der) => der instanceof Uint8Array))
  ) {
    throw new ZzError('ERR_INPUT_INVALID', 'x5c must be an array of DER certificates');
  }
  const decoys = options.decoys ?? 0;
  if (!Number.isSafeInteger(decoys) || decoys < 0 || decoys > MAX_DECOYS) {
    throw new ZzError('ERR_INPUT_INVALID', `decoys must be an integer from 0 to ${MAX_DECOYS}`);
  }
  assertJsonClaims(claims);
  for (const name of Object.keys(claims)) {
    if (RESERVED.has(name)) throw new ZzError('ERR_INPUT_INVALID', `Claim ${name} is set by the issuer, not in claims`);
  }
  const tree = buildSdTree(claims, options.selectivelyDisclosable ?? []);
  const sdAlg = options.sdAlg ?? defaultSdAlgOf(options.signer.suite);
  const encoder = new SdEncoder(platform, sdAlg);
  const body = (await encoder.object(claims, tree, decoys)) as JsonObject;
  const payload: JsonObject = {
    ...(options.iss !== undefined ? { iss: options.iss } : {}),
    iat: numericDate(iat),
    ...(options.nbf !== undefined ? { nbf: numericDate(options.nbf) } : {}),
    exp: numericDate(options.exp),
    vct,
    ...body,
    cnf: { jwk: publicKeyToJwk(options.holderPublicKey) },
    ...(options.status ? { status: { status_list: statusListOf(options.status) } } : {}),
    _sd_alg: sdAlg,
  };
  const header = { typ: SD_JWT_VC_TYP, ...(options.x5c ? { x5c: encodeX5c(options.x5c) } : {}) };
  const jwt = await signJwsCompact(options.signer, header, payload);
  return `${[jwt, ...encoder.disclosures].join('~')}~`;
}

function statusListOf(status: StatusReference): { idx: number; uri: string } {
  if (!Number.isSafeInteger(status.idx) || status.idx < 0 || typeof status.uri !== 'string') {
    throw new ZzError('ERR_INPUT_INVALID', 'status must have a non-negative integer idx and a uri');
  }
  return { idx: status.idx, uri: status.uri };
}

/** Replaces selectively disclosable claims by digests, collecting the disclosures. */
class SdEncoder {
  readonly disclosures: string[] = [];
  private readonly algorithm;

  constructor(
    private readonly platform: Platform,
    sdAlg: SdAlg,
  ) {
    this.algorithm = digestAlgorithmOfSdAlg(sdAlg);
  }

  async value(value: unknown, node: SdNode | undefined): Promise<unknown> {
    if (!node || node.children.size === 0) return value;
    if (Array.isArray(value)) return this.array(value, node);
    return this.object(value as Readonly<Record<string, unknown>>, node, 0);
  }

  async object(value: Readonly<Record<string, unknown>>, node: SdNode, decoys: number): Promise<JsonObject> {
    const out: JsonObject = {};
    const digests: string[] = [];
    for (const [key, element] of Object.entries(value)) {
      const child = node.children.get(key);
      const encoded = await this.value(element, child);
      if (child?.sd) digests.push(await this.disclose(key, encoded));
      else Object.defineProperty(out, key, { value: encoded, enumerable: true, writable: true, configurable: true });
    }
    for (let i = 0; i < decoys; i++) {
      digests.push(await hashText(this.platform, this.algorithm, encodeBase64url(this.platform.randomBytes(16))));
    }
    if (digests.length > 0) out._sd = digests.sort();
    return out;
  }

  async array(value: readonly unknown[], node: SdNode): Promise<unknown[]> {
    const out: unknown[] = [];
    for (const [index, element] of value.entries()) {
      const child = node.children.get(index);
      const encoded = await this.value(element, child);
      out.push(child?.sd ? { '...': await this.disclose(undefined, encoded) } : encoded);
    }
    return out;
  }

  private async disclose(name: string | undefined, value: unknown): Promise<string> {
    const disclosure = createSdJwtDisclosure(this.platform, name, value);
    this.disclosures.push(disclosure);
    return hashText(this.platform, this.algorithm, disclosure);
  }
}
