import { ZzError } from '../errors/zz-error.js';
import {
  type CompactCredentialClaims,
  type ParsedCompactCredential,
  parseCompactCredential,
} from './parse-qr-credential.js';

/** The claims of a paper credential: no holder key. */
export type PaperCredentialClaims = Omit<CompactCredentialClaims, 'holderPublicKey'>;

/** A paper credential (ADR 0010): its exact bytes, the COSE message and its claims. */
export type ParsedPaperCredential = ParsedCompactCredential<PaperCredentialClaims>;

/**
 * Parses the bytes of a paper credential (docs/qr-format.md §10): the compact credential of §3
 * **without** `cnf` (nobody holds a key for a printed card). A credential with `cnf` is bound to
 * a phone and is `ERR_QR_PAPER_MISMATCH` here. Shapes only: `verifyQr` checks the signature and
 * that the signed purpose is a paper purpose.
 */
export function parsePaperCredential(bytes: Uint8Array): ParsedPaperCredential {
  const parsed = parseCompactCredential(bytes);
  const { holderPublicKey, ...claims } = parsed.claims;
  if (holderPublicKey) {
    throw new ZzError('ERR_QR_PAPER_MISMATCH', 'The credential is bound to a device key: it is not a paper credential');
  }
  return { ...parsed, claims };
}
