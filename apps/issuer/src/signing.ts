import { certificateKid, type Platform, type Signer, ZzError } from '@zhengzhao/core';

/**
 * What the issuer signs with: the document-signer (DS) key and its certificate chain. The same
 * key signs credentials and status lists, so verifiers check both against one trust list
 * (ADR 0006 §5).
 */
export interface IssuerSigning {
  readonly signer: Signer;
  /** DER certificates, DS first (`x5chain` / `x5c`). */
  readonly certificateChain: readonly Uint8Array[];
  /** `certificateKid` of the DS certificate: the COSE kid of compact QR credentials. */
  readonly kid: Uint8Array;
}

/** Builds {@link IssuerSigning} from a signer and its chain (DS certificate first). */
export async function createIssuerSigning(
  platform: Platform,
  signer: Signer,
  certificateChain: readonly Uint8Array[],
): Promise<IssuerSigning> {
  const leaf = certificateChain[0];
  if (!(leaf instanceof Uint8Array) || leaf.length === 0) {
    throw new ZzError('ERR_CONFIG_INVALID', 'The document-signer certificate chain is empty');
  }
  return { signer, certificateChain: [...certificateChain], kid: await certificateKid(platform, leaf) };
}
