import { decodeCertificatePemChain, ZzError } from '@zhengzhao/core';

/**
 * Trust through the national trust registry (Zhengzhao issue 6 §2): the verifier is configured
 * with nothing but the national root; it learns every issuing authority from the signed,
 * sequence-numbered trust list, which it downloads (`trustListUrl`, ETag aware), persists, and
 * refuses when older than the one it holds, expired, or not signed under the root.
 */
export interface NationalTrust {
  /** The pinned national root certificate(s), PEM. */
  readonly nationalRoot: string;
  /** Where `refresh()` downloads the signed list (compact JWS, `application/zz-trust-list+jwt`). */
  readonly trustListUrl?: string;
  /** A signed list shipped with the app (JWS text or COSE bytes), to verify offline before the first download. */
  readonly trustList?: string | Uint8Array;
}

/** True for a NationalTrust (as opposed to a trust bundle or a TrustSource). */
export function isNationalTrust(value: unknown): value is NationalTrust {
  return typeof value === 'object' && value !== null && 'nationalRoot' in value;
}

/** The pinned roots of a NationalTrust, DER; `ERR_INPUT_INVALID` when none decodes. */
export function nationalRoots(trust: NationalTrust): Uint8Array[] {
  if (typeof trust.nationalRoot !== 'string') throw new ZzError('ERR_INPUT_INVALID', 'nationalRoot must be PEM text');
  let roots: Uint8Array[];
  try {
    roots = decodeCertificatePemChain(trust.nationalRoot);
  } catch (error) {
    throw new ZzError('ERR_INPUT_INVALID', 'nationalRoot is not a PEM certificate', { cause: error });
  }
  if (roots.length === 0) throw new ZzError('ERR_INPUT_INVALID', 'nationalRoot holds no certificate');
  if (trust.trustListUrl !== undefined && !URL.canParse(trust.trustListUrl)) {
    throw new ZzError('ERR_INPUT_INVALID', 'trustListUrl must be a URL');
  }
  return roots;
}
