import { bytesEqual } from '../bytes/bytes.js';
import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { decodeSdJwt } from './decode-sd-jwt.js';
import { digestAlgorithmOfSdAlg } from './hash-alg.js';
import { createKeyBindingJwt, holderKeyOf } from './key-binding.js';
import { processSdJwtDisclosures, type SdJwtClaimPath } from './process-disclosures.js';
import { assertDate } from './validity.js';

/**
 * Which claims to disclose: a list of claim names or paths (a listed claim is disclosed with
 * everything below it), or a predicate called with the path of every selectively disclosable
 * claim. Disclosures that contain a chosen one are always added, or it could not be verified.
 */
export type SdJwtDisclosureSelection = readonly (string | SdJwtClaimPath)[] | ((path: SdJwtClaimPath) => boolean);

export interface PresentSdJwtVcOptions {
  readonly disclose: SdJwtDisclosureSelection;
  /** The device key named by `cnf`; when given, a Key Binding JWT is appended. */
  readonly holderSigner?: Signer;
  /** KB-JWT `aud` (in OpenID4VP, the full client_id). Required with `holderSigner`. */
  readonly audience?: string;
  /** KB-JWT `nonce` (the verifier's request nonce). Required with `holderSigner`. */
  readonly nonce?: string;
  readonly now: Date;
}

/**
 * Builds a presentation (RFC 9901 §4, §5.2 of the holder's steps): `JWT~Dk~…~` with the chosen
 * disclosures in the order issued, then a KB-JWT over `sd_hash` of that text when a holder signer
 * is given (RFC 9901 §4.3). The SD-JWT is processed first (§7.1), so a broken credential is
 * refused rather than presented. Bad options fail with `ERR_INPUT_INVALID`.
 */
export async function presentSdJwtVc(
  platform: Platform,
  sdJwt: string,
  options: PresentSdJwtVcOptions,
): Promise<string> {
  if (typeof options !== 'object' || options === null) throw new ZzError('ERR_INPUT_INVALID', 'Options are required');
  assertDate(options.now, 'now');
  if (options.holderSigner !== undefined && typeof options.holderSigner?.sign !== 'function') {
    throw new ZzError('ERR_INPUT_INVALID', 'holderSigner must be a Signer');
  }
  const decoded = decodeSdJwt(sdJwt);
  if (decoded.keyBindingJwt !== undefined) {
    throw new ZzError('ERR_INPUT_INVALID', 'Expected an SD-JWT without a Key Binding JWT');
  }
  const processed = await processSdJwtDisclosures(platform, decoded.jwt.payload, decoded.disclosures);
  const select = selector(options.disclose);
  const chosen = new Set<number>();
  processed.uses.forEach((use, index) => {
    if (!select(use.path)) return;
    for (let at: number | undefined = index; at !== undefined; at = processed.uses[at]?.parent) chosen.add(at);
  });
  const disclosures = decoded.disclosures.filter((_, index) => chosen.has(index));
  const presented = `${[decoded.jwtText, ...disclosures].join('~')}~`;
  const signer = options.holderSigner;
  if (!signer) return presented;
  const { audience, nonce } = options;
  if (typeof audience !== 'string' || typeof nonce !== 'string') {
    throw new ZzError('ERR_INPUT_INVALID', 'audience and nonce are required for key binding');
  }
  const holderKey = holderKeyOf(decoded.jwt.payload);
  if (holderKey.suite !== signer.suite || !bytesEqual(holderKey.point, signer.publicKey.point)) {
    throw new ZzError('ERR_INPUT_INVALID', 'holderSigner is not the key named by cnf');
  }
  const kb = await createKeyBindingJwt(platform, signer, {
    sdHashInput: presented,
    digestAlgorithm: digestAlgorithmOfSdAlg(processed.sdAlg),
    audience,
    nonce,
    now: options.now,
  });
  return presented + kb;
}

function selector(selection: SdJwtDisclosureSelection): (path: SdJwtClaimPath) => boolean {
  if (typeof selection === 'function') return selection;
  if (!Array.isArray(selection)) throw new ZzError('ERR_INPUT_INVALID', 'disclose must be a list or a function');
  const wanted = selection.map((entry): SdJwtClaimPath => (typeof entry === 'string' ? [entry] : entry));
  // Disclose a path when it leads to a wanted claim or lies below one.
  return (path) => wanted.some((want) => startsWith(want, path) || startsWith(path, want));
}

function startsWith(path: SdJwtClaimPath, prefix: SdJwtClaimPath): boolean {
  return prefix.length <= path.length && prefix.every((step, i) => path[i] === step);
}
