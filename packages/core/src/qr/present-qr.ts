import { bytesEqual } from '../bytes/bytes.js';
import { encodeCbor } from '../cbor/encode.js';
import { coseSign1Value, signCoseSign1 } from '../cose/sign1.js';
import { ZzError } from '../errors/zz-error.js';
import type { Signer } from '../platform/crypto-suite.js';
import type { Platform } from '../platform/platform.js';
import { encodeBase45 } from './base45.js';
import { parseQrCredential } from './parse-qr-credential.js';
import { DEVICE_PROOF_CLAIM, ZZ1_PREFIX, ZZ1_VERSION } from './qr-constants.js';

export interface PresentQrOptions {
  /** The compact credential bytes from `issueQrCredential`, exactly as issued. */
  readonly credential: Uint8Array;
  /** The holder's device key: the one the credential's `cnf` names. */
  readonly deviceSigner: Signer;
  /** The moment of presentation; its epoch second goes into the device proof. */
  readonly now: Date;
}

/**
 * Builds the offline QR text (docs/qr-format.md §5): a device proof, a COSE_Sign1 by the device
 * key over `{1: timestamp}` with external_aad = the credential bytes (so it cannot be moved to
 * another credential), then `[1, credential, deviceProof]` → CBOR → ZLIB → base45 → "ZZ1:".
 */
export async function presentQr(platform: Platform, options: PresentQrOptions): Promise<string> {
  const { credential, deviceSigner, now } = options;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new ZzError('ERR_INPUT_INVALID', 'now must be a valid Date');
  if (!(credential instanceof Uint8Array)) throw new ZzError('ERR_INPUT_INVALID', 'credential must be bytes');
  const parsed = parseQrCredential(credential);
  const holder = parsed.claims.holderPublicKey;
  if (holder.suite !== deviceSigner.publicKey.suite || !bytesEqual(holder.point, deviceSigner.publicKey.point)) {
    throw new ZzError('ERR_INPUT_INVALID', 'The device signer is not the key the credential is bound to');
  }
  const proof = await signCoseSign1(deviceSigner, {
    payload: encodeCbor(new Map([[DEVICE_PROOF_CLAIM.timestamp, Math.floor(now.getTime() / 1000)]])),
    externalAad: credential,
  });
  const presentation = encodeCbor([ZZ1_VERSION, credential, coseSign1Value(proof)]);
  const compressed = await platform.deflate(presentation);
  return ZZ1_PREFIX + encodeBase45(compressed);
}
